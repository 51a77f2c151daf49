/// One integrity problem found in a journal folder: where, and what.
public struct LogProblem: Sendable, Hashable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Data is damaged or missing.
        case error
        /// Worth a look, nothing is lost (a torn tail, a sync tool's leftover file).
        case warning
    }

    /// Whether data is damaged (``Severity/error``) or only worth a look (``Severity/warning``).
    public var severity: Severity
    /// The file, relative to the journal folder.
    public var file: String
    /// Byte offset in the file, when the problem has one.
    public var offset: Int?
    /// What is wrong, in one line.
    public var message: String

    /// Creates a problem report.
    ///
    /// - Parameters:
    ///   - severity: How bad the problem is.
    ///   - file: The file, relative to the journal folder.
    ///   - offset: The byte offset in the file, when the problem has one.
    ///   - message: What is wrong, in one line.
    public init(_ severity: Severity, file: String, offset: Int? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.offset = offset
        self.message = message
    }

    /// `file @ byte offset: message`, or `file: message` without an offset.
    public var description: String {
        offset.map { "\(file) @ byte \($0): \(message)" } ?? "\(file): \(message)"
    }
}
