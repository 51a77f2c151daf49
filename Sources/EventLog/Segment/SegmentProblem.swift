/// A region of a segment file that is not a valid member, or a member the reader refused.
///
/// Problems name byte offsets and sizes only, never content: segments hold health data.
package struct SegmentProblem: Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the region.
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file ends inside a member (its header, or before the end its `member_size` or
        /// its compressed data implies).
        case truncated
        /// A gzip header with an unsupported method, reserved flags, a malformed extra field
        /// (or `LB` subfield), or a wrong header CRC.
        case badHeader
        /// The compressed data is not valid deflate data.
        case badData
        /// The inflated data does not match the trailer's CRC32.
        case badCRC
        /// The inflated size does not match the trailer's ISIZE.
        case badLength
        /// The `LB` subfield's `member_size` disagrees with the compressed data, or is
        /// smaller than the member's header and trailer.
        case sizeMismatch
        /// The member inflates (or claims to inflate) to more than
        /// ``SegmentLimits/maxMemberInflated``.
        case memberTooLarge
        /// A line is longer than ``SegmentLimits/maxLine``.
        case lineTooLong
        /// The payload is empty, does not end with `\n`, or has an empty line.
        case notJSONLines
        /// The `LB` subfield's `count` differs from the number of lines in the payload.
        case countMismatch
        /// Bytes that do not start a gzip member.
        case garbage
        /// A valid gzip member without the `LB` subfield (for example written by `gzip` and
        /// joined with `cat`). The member is still returned; the problem says that the file
        /// was not written by limber and cannot be walked without inflating it.
        case missingIndex
    }

    /// The byte offset in the file where the problem starts.
    package var offset: Int

    /// How many bytes the problem covers: up to the next valid member (or the end of the
    /// file) for a region that is not a member, the member's size for a refused member.
    package var length: Int

    /// What is wrong.
    package var kind: Kind

    /// A one-line explanation naming sizes and offsets, never content.
    package var detail: String

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - offset: Where the problem starts, in bytes from the start of the file.
    ///   - length: How many bytes it covers.
    ///   - kind: What is wrong.
    ///   - detail: A one-line explanation without content.
    package init(offset: Int, length: Int, kind: Kind, detail: String) {
        self.offset = offset
        self.length = length
        self.kind = kind
        self.detail = detail
    }

    /// `"byte OFFSET (+LENGTH): DETAIL"`.
    package var description: String { "byte \(offset) (+\(length)): \(detail)" }
}
