#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one member at a time from a whole segment file; the engine of
/// ``SegmentReader/scan(_:inflate:limits:)``.
struct MemberWalker {
    /// What is at one offset.
    enum Outcome {
        /// A valid member, with a note for a valid member that still deserves a report
        /// (a plain gzip member without the `LB` subfield).
        case valid(ScannedMember, note: SegmentProblem?)
        /// A complete member whose CRC matches but whose content is refused; reading goes
        /// on at its end.
        case refused(SegmentProblem, end: Int)
        /// Not a member: the problem's `length` is filled in once the region's end is known.
        case invalid(SegmentProblem)
    }

    /// The smallest raw deflate stream (an empty fixed-Huffman final block, `03 00`).
    static let minimumDeflateSize = 2
    /// CRC32 and ISIZE.
    static let trailerSize = 8

    let bytes: UnsafeRawBufferPointer
    let keepsPayloads: Bool
    let limits: SegmentLimits
    /// Created on first use: a scan that never inflates never pays for zlib's state.
    private var inflater: Inflater?

    init(bytes: UnsafeRawBufferPointer, inflate: Bool, limits: SegmentLimits) {
        self.bytes = bytes
        self.keepsPayloads = inflate
        self.limits = limits
    }

    /// Reads whatever is at `offset` (in `0..<bytes.count`).
    mutating func read(at offset: Int) throws(SegmentError) -> Outcome {
        switch GzipHeader.parse(bytes, at: offset) {
        case .notGzip:
            return invalid(offset, .garbage, "bytes that do not start a gzip member")
        case .truncated:
            return invalid(offset, .truncated, "the file ends inside a gzip header")
        case .bad(let reason):
            return invalid(offset, .badHeader, reason)
        case .header(let header):
            if let index = header.index {
                return try readIndexed(at: offset, header: header, index: index)
            }
            return try readPlain(at: offset, header: header)
        }
    }

    /// Searches forward from `offset + 1` for the next offset holding a valid or refused
    /// member, as after a damaged region.
    ///
    /// Candidates are found with `memchr` on the first magic byte and filtered by their
    /// header before anything is inflated.
    mutating func resynchronize(after offset: Int) throws(SegmentError) -> (Int, Outcome)? {
        guard let base = bytes.baseAddress else { return nil }
        var position = offset + 1
        while position < bytes.count {
            guard
                let hit = memchr(base + position, Int32(GzipHeader.magic1), bytes.count - position)
            else { return nil }
            let candidate = UnsafeRawPointer(hit) - base
            if case .header(let header) = GzipHeader.parse(bytes, at: candidate),
                header.index != nil || header.looksWritten
            {
                let outcome = try read(at: candidate)
                switch outcome {
                case .valid, .refused: return (candidate, outcome)
                case .invalid: break
                }
            }
            position = candidate + 1
        }
        return nil
    }

    // MARK: - Members with the LB subfield

    private mutating func readIndexed(
        at offset: Int, header: GzipHeader, index: GzipHeader.Index
    ) throws(SegmentError) -> Outcome {
        let size = Int(index.memberSize)
        let smallest = header.length + Self.minimumDeflateSize + Self.trailerSize
        guard size >= smallest else {
            return invalid(
                offset, .sizeMismatch,
                "LB member_size \(size) is smaller than the header and trailer (\(smallest))")
        }
        guard size <= bytes.count - offset else {
            return invalid(
                offset, .truncated,
                "LB member_size \(size) runs past the end of the file "
                    + "(\(bytes.count - offset) bytes left)")
        }
        let end = offset + size
        let trailer = end - Self.trailerSize
        let declaredSize = bytes.littleEndianUInt32(at: trailer + 4)

        // Without inflating, trust the LB walk, except for a member that a torn write could
        // have damaged: the last one, or one followed by something that is not a member
        // (a crash can leave zero-filled blocks). Those are verified in full.
        if !keepsPayloads && end < bytes.count && startsWithMagic(at: end) {
            guard Int(declaredSize) <= limits.memberLimit else {
                return tooLarge(
                    offset, end: end,
                    "ISIZE \(declaredSize) exceeds the limit of \(limits.memberLimit) bytes")
            }
            let member = ScannedMember(
                offset: offset, size: size, firstSeq: index.firstSeq, count: index.count,
                payload: nil)
            return .valid(member, note: nil)
        }

        let compressed = UnsafeRawBufferPointer(
            rebasing: bytes[(offset + header.length)..<trailer])
        let inflated = try inflateIndexed(
            compressed, declaredSize: declaredSize,
            declaredCRC: bytes.littleEndianUInt32(at: trailer))
        let payload: [UInt8]
        switch inflated {
        case .failure(.memberTooLarge, let detail):
            return tooLarge(offset, end: end, detail)
        case .failure(let kind, let detail):
            return invalid(offset, kind, detail)
        case .payload(let inflatedBytes, _):
            payload = inflatedBytes
        }
        let lineCount: Int
        switch payload.withUnsafeBytes({ JSONLines.check($0, maxLine: limits.lineLimit) }) {
        case .invalid(let kind, let at):
            return refused(offset, size, kind, payloadOffset: at)
        case .valid(let lines):
            lineCount = lines
        }
        guard lineCount == Int(index.count) else {
            return .refused(
                SegmentProblem(
                    offset: offset, length: size, kind: .countMismatch,
                    detail: "LB count is \(index.count) but the payload has \(lineCount) lines"),
                end: end)
        }
        let member = ScannedMember(
            offset: offset, size: size, firstSeq: index.firstSeq, count: index.count,
            payload: keepsPayloads ? payload : nil)
        return .valid(member, note: nil)
    }

    // MARK: - Plain gzip members

    /// Reads a member without the `LB` subfield: its end is found by inflating it once into
    /// a scratch buffer (counting, bounded by the limit), then it is inflated again straight
    /// into a buffer of its size. Plain members are rare; the second pass keeps memory
    /// bounded by the member's real size.
    private mutating func readPlain(at offset: Int, header: GzipHeader)
        throws(SegmentError) -> Outcome
    {
        let dataStart = offset + header.length
        let consumed: Int
        switch try measurePlain(UnsafeRawBufferPointer(rebasing: bytes[dataStart...])) {
        case .failure(let kind, let detail):
            return invalid(offset, kind, detail)
        case .payload(_, let used):
            consumed = used
        }
        let trailer = dataStart + consumed
        guard bytes.count - trailer >= Self.trailerSize else {
            return invalid(offset, .truncated, "the file ends inside a gzip trailer")
        }
        let payload: [UInt8]
        let inflated = try inflateIndexed(
            UnsafeRawBufferPointer(rebasing: bytes[dataStart..<trailer]),
            declaredSize: bytes.littleEndianUInt32(at: trailer + 4),
            declaredCRC: bytes.littleEndianUInt32(at: trailer))
        switch inflated {
        case .failure(let kind, let detail):
            return invalid(offset, kind, detail)
        case .payload(let inflatedBytes, _):
            payload = inflatedBytes
        }
        let end = trailer + Self.trailerSize
        let size = end - offset
        let lineCount: Int
        switch payload.withUnsafeBytes({ JSONLines.check($0, maxLine: limits.lineLimit) }) {
        case .invalid(let kind, let at):
            return refused(offset, size, kind, payloadOffset: at)
        case .valid(let lines):
            lineCount = lines
        }
        let member = ScannedMember(
            offset: offset, size: size, firstSeq: 0,
            count: UInt32(clamping: lineCount), isIndexed: false,
            payload: keepsPayloads ? payload : nil)
        let note = SegmentProblem(
            offset: offset, length: size, kind: .missingIndex,
            detail: "a gzip member without limber's LB subfield (\(size) bytes)")
        return .valid(member, note: note)
    }

    // MARK: - Helpers

    /// Creates the inflater on first use.
    mutating func readyInflater() throws(SegmentError) -> Inflater {
        if let inflater { return inflater }
        let created = try Inflater()
        inflater = created
        return created
    }

    private func startsWithMagic(at offset: Int) -> Bool {
        bytes.count - offset >= 2 && bytes[offset] == GzipHeader.magic1
            && bytes[offset + 1] == GzipHeader.magic2
    }

    private func invalid(_ offset: Int, _ kind: SegmentProblem.Kind, _ detail: String)
        -> Outcome
    {
        .invalid(SegmentProblem(offset: offset, length: 0, kind: kind, detail: detail))
    }

    /// A member that inflates past the limit: refused as damage wherever it is, never taken
    /// for a torn tail, since no write of limber's (torn or not) inflates that far.
    private func tooLarge(_ offset: Int, end: Int, _ detail: String) -> Outcome {
        .refused(
            SegmentProblem(offset: offset, length: end - offset, kind: .memberTooLarge, detail: detail),
            end: end)
    }

    private func refused(
        _ offset: Int, _ size: Int, _ kind: SegmentProblem.Kind, payloadOffset: Int
    ) -> Outcome {
        let detail =
            switch kind {
            case .lineTooLong:
                "a line at payload byte \(payloadOffset) is longer than \(limits.lineLimit) bytes"
            default:
                "the payload is not JSON Lines (empty, an empty line, or no final newline) "
                    + "at payload byte \(payloadOffset)"
            }
        return .refused(
            SegmentProblem(offset: offset, length: size, kind: kind, detail: detail),
            end: offset + size)
    }

    /// Compares an inflated payload with its trailer; `nil` when both match.
    static func checkTrailer(_ payload: [UInt8], crc: UInt32, size: UInt32)
        -> (kind: SegmentProblem.Kind, detail: String)?
    {
        guard UInt32(truncatingIfNeeded: payload.count) == size else {
            return (.badLength, "ISIZE is \(size) but the data inflates to \(payload.count) bytes")
        }
        let computed = payload.withUnsafeBytes { CRC32.checksum($0) }
        guard computed == crc else {
            return (.badCRC, "the CRC32 of the inflated data does not match the trailer")
        }
        return nil
    }
}
