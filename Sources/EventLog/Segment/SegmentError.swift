import CZlib

/// An error of the segment codec: a payload it refuses to encode, a zlib failure, or a
/// damaged segment a caller decided to fail on.
///
/// The message names the file and byte offset when known, never content (health data).
/// Match with `catch let e as SegmentError where e.kind == .problem(.badCRC)`.
package struct SegmentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    package enum Kind: Sendable, Hashable {
        /// The data is damaged or refused; the associated kind says how.
        case problem(SegmentProblem.Kind)
        /// zlib returned this error code (for example `Z_MEM_ERROR`).
        case zlib(code: Int32)
        /// An argument is out of range (a compression level, a `seq` of 0).
        case invalidArgument
    }

    /// What went wrong.
    package var kind: Kind

    /// The byte offset in the segment, when the error concerns one place.
    package var offset: Int?

    /// The segment's path, when the caller knows it; the codec itself works on bytes.
    package var file: String?

    /// A one-line explanation without content.
    package var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - offset: The byte offset concerned, if any.
    ///   - file: The segment's path, if known.
    ///   - message: A one-line explanation without content.
    package init(kind: Kind, offset: Int? = nil, file: String? = nil, message: String) {
        self.kind = kind
        self.offset = offset
        self.file = file
        self.message = message
    }

    /// Wraps a problem found by ``SegmentReader/scan(_:inflate:limits:)`` for a caller
    /// that cannot go on with a damaged segment.
    ///
    /// - Parameters:
    ///   - problem: The problem to report.
    ///   - file: The segment's path, if known.
    package init(_ problem: SegmentProblem, file: String? = nil) {
        self.init(
            kind: .problem(problem.kind), offset: problem.offset, file: file,
            message: problem.detail)
    }

    /// `"FILE: byte OFFSET: MESSAGE"`, leaving out what is unknown.
    package var description: String {
        var text = file ?? "segment"
        if let offset { text += ": byte \(offset)" }
        return text + ": " + message
    }

    /// What a person can do about it.
    package var hint: String? {
        switch kind {
        case .problem(.lineTooLong), .problem(.memberTooLarge):
            "the data exceeds limber's limits (a member inflates to at most 64 MiB, a line to "
                + "1 MiB) and is refused as hostile; `limber verify` lists where"
        case .problem(.missingIndex):
            "the segment was not written by limber (joined with `cat`?); `limber verify` lists it"
        case .problem:
            "run `limber verify` to list damaged segments; `limber repair` moves a damaged "
                + "file aside and keeps every valid member"
        case .zlib(code: Z_MEM_ERROR):
            "zlib ran out of memory; close other programs and try again"
        case .zlib:
            "zlib failed; this is a bug in limber or a broken zlib installation"
        case .invalidArgument:
            nil
        }
    }
}
