/// Something the person should know about a command that still succeeded.
public struct Notice: Sendable, Hashable, CustomStringConvertible {
    /// What sort of notice it is; the command line labels each kind differently on stderr.
    public enum Kind: String, Sendable, Hashable {
        /// A contraindication or caution for the person's conditions.
        case caution
        /// Information (a new device id, a recovered torn write, a skipped prescribed exercise).
        case info
        /// Damage found while reading; nothing was changed.
        case damage
    }

    /// What sort of notice it is.
    public var kind: Kind
    /// The text shown, in one line; it is also the notice's `description`.
    public var message: String

    /// Creates a notice.
    ///
    /// - Parameters:
    ///   - kind: What sort of notice it is.
    ///   - message: The text shown, in one line.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
