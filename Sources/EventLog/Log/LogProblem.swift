/// One integrity problem found in a journal folder: where, and what.
public struct LogProblem: Sendable, Hashable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Data is damaged or missing.
        case error
        /// Worth a look, nothing is lost (a torn tail, a sync tool's leftover file).
        case warning
    }

    public var severity: Severity
    /// The file, relative to the journal folder.
    public var file: String
    /// Byte offset in the file, when the problem has one.
    public var offset: Int?
    /// What is wrong, in one line.
    public var message: String

    public init(_ severity: Severity, file: String, offset: Int? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.offset = offset
        self.message = message
    }

    /// `file:offset: message`.
    public var description: String {
        offset.map { "\(file) @ byte \($0): \(message)" } ?? "\(file): \(message)"
    }
}
