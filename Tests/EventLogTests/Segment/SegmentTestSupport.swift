import CZlib
import EventLog
import Foundation
import Testing

/// Builders and checks shared by the segment tests.
enum SegmentFixture {
    /// A JSON-like event line (with its `\n`) of about `size` bytes.
    static func line(seq: UInt64, size: Int = 120) -> [UInt8] {
        var text = #"{"v":1,"seq":\#(seq),"type":"session.logged","body":{"note":""#
        let filler = max(0, size - text.utf8.count - 4)
        text += String(String(repeating: "abcdefghij", count: filler / 10 + 1).prefix(filler))
        text += "\"}}\n"
        return Array(text.utf8)
    }

    /// `count` event lines starting at `firstSeq`, concatenated.
    static func payload(firstSeq: UInt64, count: Int, size: Int = 120) -> [UInt8] {
        (0..<UInt64(count)).flatMap { line(seq: firstSeq + $0, size: size) }
    }

    /// A file of `counts.count` members with consecutive seqs, and where each member is.
    static func file(counts: [Int] = [3, 5, 2], size: Int = 120) throws -> SegmentFile {
        var bytes: [UInt8] = []
        var members: [SegmentFile.Member] = []
        var seq: UInt64 = 1
        for count in counts {
            let payload = payload(firstSeq: seq, count: count, size: size)
            let member = try GzipMember.encode(
                payload: payload, firstSeq: seq, count: UInt32(count))
            members.append(
                SegmentFile.Member(
                    offset: bytes.count, size: member.count, firstSeq: seq, payload: payload))
            bytes += member
            seq += UInt64(count)
        }
        return SegmentFile(bytes: bytes, members: members)
    }

    /// Builds an `LB` member by hand, without the encoder's checks, streaming `chunks` of
    /// payload through raw deflate so that huge payloads need no memory.
    ///
    /// - Parameters:
    ///   - isize: The ISIZE to write instead of the true size.
    ///   - crc: The CRC32 to write instead of the true one.
    static func handMadeMember(
        chunks: some Sequence<[UInt8]>, firstSeq: UInt64 = 1, count: UInt32,
        isize: UInt32? = nil, crc: UInt32? = nil, level: Int32 = 9
    ) throws -> [UInt8] {
        var (deflated, trueCRC, trueSize) = try deflate(
            chunks: chunks, windowBits: -15, level: level)
        var member: [UInt8] = [0x1F, 0x8B, 8, 4, 0, 0, 0, 0, 0, 255, 20, 0, 0x4C, 0x42, 16, 0]
        member.appendLittleEndian(UInt32(32 + deflated.count + 8))
        member.appendLittleEndian(firstSeq)
        member.appendLittleEndian(count)
        member += deflated
        member.appendLittleEndian(crc ?? trueCRC)
        member.appendLittleEndian(isize ?? trueSize)
        deflated = []
        return member
    }

    /// A plain gzip member (as `gzip` writes it, no `LB` subfield) made by zlib.
    static func plainGzipMember(chunks: some Sequence<[UInt8]>) throws -> [UInt8] {
        try deflate(chunks: chunks, windowBits: 15 + 16, level: 6).bytes
    }

    /// Deflates `chunks` with zlib, returning the output, CRC32 and size mod 2³².
    static func deflate(chunks: some Sequence<[UInt8]>, windowBits: Int32, level: Int32) throws
        -> (bytes: [UInt8], crc: UInt32, size: UInt32)
    {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { deflateEnd(stream); stream.deallocate() }
        try #require(czlib_deflateInit2(stream, level, windowBits) == Z_OK)
        var output: [UInt8] = []
        var crc: uLong = 0
        var size: UInt32 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        func pump(_ input: [UInt8], flush: Int32) throws {
            var input = input
            try input.withUnsafeMutableBufferPointer { inBuffer in
                stream.pointee.next_in = inBuffer.baseAddress
                stream.pointee.avail_in = uInt(inBuffer.count)
                repeat {
                    let code = buffer.withUnsafeMutableBufferPointer { out in
                        stream.pointee.next_out = out.baseAddress
                        stream.pointee.avail_out = uInt(out.count)
                        return CZlib.deflate(stream, flush)
                    }
                    try #require(code == Z_OK || code == Z_STREAM_END || code == Z_BUF_ERROR)
                    output += buffer[0..<(buffer.count - Int(stream.pointee.avail_out))]
                } while stream.pointee.avail_out == 0
            }
        }
        for chunk in chunks {
            crc = chunk.withUnsafeBufferPointer { CZlib.crc32(crc, $0.baseAddress, uInt($0.count)) }
            size &+= UInt32(truncatingIfNeeded: chunk.count)
            try pump(chunk, flush: Z_NO_FLUSH)
        }
        try pump([], flush: Z_FINISH)
        return (output, UInt32(truncatingIfNeeded: crc), size)
    }

    /// The CRC32 of `bytes`, by zlib.
    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        let crc = CZlib.crc32(
            0, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), uInt(bytes.count))
        return UInt32(truncatingIfNeeded: crc)
    }

    /// The little-endian integer of type `T` at `offset` in `bytes`.
    static func littleEndian<T: FixedWidthInteger>(
        _ bytes: [UInt8], at offset: Int, as type: T.Type = T.self
    ) -> T {
        bytes[offset..<(offset + MemoryLayout<T>.size)].reversed().reduce(0) { $0 << 8 | T($1) }
    }

    /// The peak resident set size of this process since the last ``resetPeakResident()``,
    /// in KiB (`VmHWM` in `/proc/self/status`).
    static func peakResidentKiB() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return try #require(Int(line.dropFirst("VmHWM:".count).filter(\.isNumber)))
    }

    /// Resets this process's peak resident set size to the current one (Linux 4.0+:
    /// `echo 5 > /proc/self/clear_refs`), so that a test can see its own peak.
    static func resetPeakResident() throws {
        let descriptor = open("/proc/self/clear_refs", O_WRONLY)
        try #require(descriptor >= 0, "cannot open /proc/self/clear_refs")
        defer { close(descriptor) }
        let written = write(descriptor, "5", 1)
        try #require(written == 1, "cannot reset the peak RSS")
    }

    /// Writes `bytes` to a new temporary file and returns its URL; the caller removes the
    /// folder (`url.deletingLastPathComponent()`).
    static func temporaryFile(_ bytes: [UInt8], name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("limber-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Runs a program with its stdout and stderr sent to files (never two pipes, which can
    /// deadlock), and returns its exit status and output.
    static func run(_ executable: String, _ arguments: [String], in folder: URL) throws
        -> (status: Int32, stdout: [UInt8])
    {
        let stdoutURL = folder.appendingPathComponent("stdout")
        let stderrURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        try stdout.close()
        try stderr.close()
        return (process.terminationStatus, Array(try Data(contentsOf: stdoutURL)))
    }
}

/// A segment file built by ``SegmentFixture/file(counts:size:)``.
struct SegmentFile {
    struct Member {
        var offset: Int
        var size: Int
        var firstSeq: UInt64
        var payload: [UInt8]
        var end: Int { offset + size }
    }

    var bytes: [UInt8]
    var members: [Member]
}

extension Array where Element == UInt8 {
    /// Appends `value` in little-endian byte order.
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}

extension SegmentScan {
    /// Checks the invariants every scan must hold, whatever the input: members and problem
    /// regions tile the file exactly, in order, and the torn tail agrees with `validEnd`.
    func checkInvariants(
        fileSize: Int, inflated: Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var regions: [(offset: Int, length: Int)] = members.map { ($0.offset, $0.size) }
        regions += problems.filter { $0.kind != .missingIndex }.map { ($0.offset, $0.length) }
        regions.sort { $0.offset < $1.offset }
        var position = 0
        for region in regions {
            #expect(
                region.offset == position, "regions must tile the file",
                sourceLocation: sourceLocation)
            #expect(region.length > 0, sourceLocation: sourceLocation)
            position = region.offset + region.length
        }
        #expect(position == fileSize, sourceLocation: sourceLocation)
        #expect(validEnd == (tornTailOffset ?? fileSize), sourceLocation: sourceLocation)
        if let tornTailOffset {
            #expect(problems.last?.offset == tornTailOffset, sourceLocation: sourceLocation)
            #expect(members.allSatisfy { $0.end <= tornTailOffset }, sourceLocation: sourceLocation)
        }
        for member in members {
            if inflated {
                guard let payload = member.payload else {
                    Issue.record(
                        "an inflating scan returned no payload", sourceLocation: sourceLocation)
                    continue
                }
                #expect(payload.last == 0x0A, sourceLocation: sourceLocation)
                #expect(member.lines.count == Int(member.count), sourceLocation: sourceLocation)
                #expect(member.lines.allSatisfy { !$0.isEmpty }, sourceLocation: sourceLocation)
            } else if member.isIndexed {
                #expect(member.payload == nil, sourceLocation: sourceLocation)
            }
        }
    }
}
