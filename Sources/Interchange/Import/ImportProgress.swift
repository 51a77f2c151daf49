/// How far an import or export has got, for a progress bar.
public struct Progress: Sendable, Hashable {
    /// Units done (bytes read, sessions written).
    public var done: Int64
    /// Units in all, when known.
    public var total: Int64?

    /// Creates a progress report.
    public init(done: Int64, total: Int64?) {
        self.done = done
        self.total = total
    }
}

/// Receives progress reports; called on the thread doing the work, at most every few
/// hundred kilobytes.
public typealias ProgressHandler = @Sendable (Progress) -> Void
