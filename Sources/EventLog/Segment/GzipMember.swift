import CZlib

/// Encodes one commit as one gzip member with limber's `LB` subfield (DESIGN §3).
///
/// Layout (RFC 1952, all integers little-endian):
/// ```
/// 1f 8b 08 04  00 00 00 00  00 ff      ID1 ID2 CM=deflate FLG=FEXTRA MTIME=0 XFL=0 OS=255
/// 14 00                                XLEN = 20
/// 4c 42 10 00                          subfield "LB", LEN = 16
/// u32 member_size  u64 first_seq  u32 count
/// raw deflate data
/// u32 CRC32  u32 ISIZE
/// ```
/// MTIME is 0 and OS is 255 ("unknown") so the same commit encodes to the same bytes on
/// every machine with the same zlib. Stock `gzip`, `zcat` and Python's `gzip` read a file of
/// such members as one stream.
package enum GzipMember {
    /// The size of the header ``encode(payload:firstSeq:count:level:limits:)`` writes.
    package static let headerSize = 32
    /// The size of the trailer (CRC32 and ISIZE).
    package static let trailerSize = 8

    /// Compresses one commit's events into one gzip member.
    ///
    /// The payload must follow the rules a reader enforces, so that the writer never
    /// produces a member that ``SegmentReader`` would refuse: non-empty JSON Lines, each line
    /// ending in `\n`, no empty line, no line longer than `limits.maxLine`, at most
    /// `limits.maxMemberInflated` bytes, exactly `count` lines.
    ///
    /// - Parameters:
    ///   - payload: The events, one JSON object per line, each line ending in `\n`.
    ///   - firstSeq: The `seq` of the first event (1 or more).
    ///   - count: The number of events (lines) in `payload`.
    ///   - level: The zlib compression level, −1 (default, 6) or 0…9.
    ///   - limits: The limits the payload must respect.
    /// - Returns: The member, header to trailer.
    /// - Throws: ``SegmentError`` with kind `.problem(…)` for a payload that breaks a rule,
    ///   `.invalidArgument` for an out-of-range level or `seq`, `.zlib` if zlib fails.
    /// - Complexity: O(*n*) in the payload size.
    package static func encode(
        payload: [UInt8], firstSeq: UInt64, count: UInt32, level: Int32 = 6,
        limits: SegmentLimits = .standard
    ) throws(SegmentError) -> [UInt8] {
        guard (-1...9).contains(level) else {
            throw SegmentError(
                kind: .invalidArgument, message: "compression level \(level) is not in -1...9")
        }
        guard firstSeq >= 1, firstSeq - 1 <= UInt64.max - UInt64(count) else {
            throw SegmentError(
                kind: .invalidArgument,
                message: "first seq \(firstSeq) with count \(count) is out of range")
        }
        try checkPayload(payload, count: count, limits: limits)

        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        let initCode = czlib_deflateInit2(stream, level, -15)
        guard initCode == Z_OK else {
            throw SegmentError(
                kind: .zlib(code: initCode), message: "zlib deflateInit2 failed (code \(initCode))")
        }
        defer { deflateEnd(stream) }

        let bound = Int(deflateBound(stream, uLong(payload.count)))
        var deflateCode = Z_OK
        var member = [UInt8](unsafeUninitializedCapacity: headerSize + bound + trailerSize) {
            buffer, initialized in
            payload.withUnsafeBufferPointer { input in
                stream.pointee.next_in = input.baseAddress.map {
                    UnsafeMutablePointer(mutating: $0)
                }
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = buffer.baseAddress.map { $0 + headerSize }
                stream.pointee.avail_out = uInt(bound)
                // With avail_out >= deflateBound, one Z_FINISH call completes the stream.
                deflateCode = deflate(stream, Z_FINISH)
            }
            initialized =
                deflateCode == Z_STREAM_END ? headerSize + Int(stream.pointee.total_out) : 0
        }
        guard deflateCode == Z_STREAM_END, !member.isEmpty else {
            throw SegmentError(
                kind: .zlib(code: deflateCode), message: "zlib deflate failed (code \(deflateCode))"
            )
        }

        let memberSize = member.count + trailerSize
        var header: [UInt8] = [
            GzipHeader.magic1, GzipHeader.magic2, GzipHeader.methodDeflate, GzipHeader.flagExtra,
            0, 0, 0, 0,  // MTIME
            0,  // XFL
            255,  // OS: unknown
        ]
        header.appendLittleEndian(UInt16(4 + GzipHeader.indexLength))  // XLEN
        header.append(GzipHeader.indexID.0)
        header.append(GzipHeader.indexID.1)
        header.appendLittleEndian(UInt16(GzipHeader.indexLength))
        header.appendLittleEndian(UInt32(memberSize))
        header.appendLittleEndian(firstSeq)
        header.appendLittleEndian(count)
        member.replaceSubrange(0..<headerSize, with: header)

        let crc = payload.withUnsafeBytes { CRC32.checksum($0) }
        member.appendLittleEndian(crc)
        member.appendLittleEndian(UInt32(truncatingIfNeeded: payload.count))
        return member
    }

    /// Throws unless `payload` is what a reader accepts for a member of `count` events.
    private static func checkPayload(_ payload: [UInt8], count: UInt32, limits: SegmentLimits)
        throws(SegmentError)
    {
        guard payload.count <= limits.memberLimit else {
            throw SegmentError(
                kind: .problem(.memberTooLarge),
                message: "the payload has \(payload.count) bytes, more than the limit of "
                    + "\(limits.memberLimit)")
        }
        let check = payload.withUnsafeBytes { JSONLines.check($0, maxLine: limits.lineLimit) }
        switch check {
        case .invalid(.lineTooLong, let offset):
            throw SegmentError(
                kind: .problem(.lineTooLong),
                message: "the line at payload byte \(offset) is longer than "
                    + "\(limits.lineLimit) bytes")
        case .invalid(let kind, let offset):
            throw SegmentError(
                kind: .problem(kind),
                message: "the payload is not JSON Lines at payload byte \(offset) (empty, an "
                    + "empty line, or no final newline)")
        case .valid(let lines):
            guard lines == Int(count) else {
                throw SegmentError(
                    kind: .problem(.countMismatch),
                    message: "count is \(count) but the payload has \(lines) lines")
            }
        }
    }
}
