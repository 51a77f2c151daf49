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
    /// What `limber repair` does about it (`nil` for a warning nothing needs to be done about).
    package var fix: Fix?

    /// What `repair` does about a problem; every error `verify` reports has one.
    package enum Fix: Sendable, Hashable {
        /// Rewrite the segment with its valid members only (damaged bytes, a torn tail).
        case keepValidMembers
        /// Also leave out the member at this offset, whose events are not valid or do not
        /// belong (a broken chain, a forged id, a fork).
        case dropMember(offset: Int)
        /// Move the whole file aside (it cannot be read, or is not what its name says).
        case setFileAside
        /// Remove the link (what it points at is left alone).
        case removeLink
    }

    /// Creates a problem report.
    ///
    /// - Parameters:
    ///   - severity: How bad the problem is.
    ///   - file: The file, relative to the journal folder.
    ///   - offset: The byte offset in the file, when the problem has one.
    ///   - message: What is wrong, in one line.
    ///   - fix: What `repair` does about it.
    public init(_ severity: Severity, file: String, offset: Int? = nil, message: String) {
        self.init(severity, file: file, offset: offset, message: message, fix: nil)
    }

    package init(
        _ severity: Severity, file: String, offset: Int? = nil, message: String, fix: Fix?
    ) {
        self.severity = severity
        self.file = file
        self.offset = offset
        self.message = message
        self.fix = fix
    }

    /// `file @ byte offset: message`, or `file: message` without an offset.
    public var description: String {
        offset.map { "\(file) @ byte \($0): \(message)" } ?? "\(file): \(message)"
    }
}
