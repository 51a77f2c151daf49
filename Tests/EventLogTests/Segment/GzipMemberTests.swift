import EventLog
import Testing

@Suite("gzip member encoding and round trips")
struct GzipMemberTests {
    @Test("members of several sizes round-trip through an inflating scan")
    func roundTrip() throws {
        // One line, a few lines, and a large member of many lines.
        let file = try SegmentFixture.file(counts: [1, 7, 4000, 2], size: 300)
        let scan = try SegmentReader.scan(file.bytes, inflate: true)
        #expect(scan.problems.isEmpty)
        #expect(scan.tornTailOffset == nil)
        #expect(scan.validEnd == file.bytes.count)
        try #require(scan.members.count == file.members.count)
        for (found, made) in zip(scan.members, file.members) {
            #expect(found.offset == made.offset)
            #expect(found.size == made.size)
            #expect(found.firstSeq == made.firstSeq)
            #expect(found.isIndexed)
            #expect(found.payload == made.payload)
            #expect(Int(found.count) == found.lines.count)
            #expect(found.lines.map { Array($0) + [0x0A] }.flatMap { $0 } == made.payload)
        }
        scan.checkInvariants(fileSize: file.bytes.count, inflated: true)
    }

    @Test("a scan without inflating walks the same members by LB member_size")
    func walkWithoutInflating() throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2, 9])
        let scan = try SegmentReader.scan(file.bytes, inflate: false)
        #expect(scan.problems.isEmpty)
        #expect(scan.tornTailOffset == nil)
        #expect(scan.members.map(\.offset) == file.members.map(\.offset))
        #expect(scan.members.map(\.count) == [3, 5, 2, 9])
        #expect(scan.members.map(\.firstSeq) == [1, 4, 9, 11])
        #expect(scan.members.allSatisfy { $0.payload == nil })
        scan.checkInvariants(fileSize: file.bytes.count, inflated: false)
    }

    @Test("the header is RFC 1952 with an LB subfield that describes the member")
    func headerLayout() throws {
        let payload = SegmentFixture.payload(firstSeq: 42, count: 3)
        let member = try GzipMember.encode(payload: payload, firstSeq: 42, count: 3)
        #expect(
            Array(member[0..<16]) == [
                0x1F, 0x8B, 8, 4, 0, 0, 0, 0, 0, 255, 20, 0, UInt8(ascii: "L"), UInt8(ascii: "B"),
                16, 0,
            ])
        #expect(SegmentFixture.littleEndian(member, at: 16, as: UInt32.self) == member.count)
        #expect(SegmentFixture.littleEndian(member, at: 20, as: UInt64.self) == 42)
        #expect(SegmentFixture.littleEndian(member, at: 28, as: UInt32.self) == 3)
        #expect(
            SegmentFixture.littleEndian(member, at: member.count - 4, as: UInt32.self)
                == payload.count)
        #expect(
            SegmentFixture.littleEndian(member, at: member.count - 8, as: UInt32.self)
                == payload.withUnsafeBytes { SegmentFixture.crc32($0) })
        #expect(try GzipMember.encode(payload: payload, firstSeq: 42, count: 3) == member)
    }

    @Test("every compression level round-trips", arguments: [-1, 0, 1, 9] as [Int32])
    func levels(_ level: Int32) throws {
        let payload = SegmentFixture.payload(firstSeq: 1, count: 50)
        let member = try GzipMember.encode(payload: payload, firstSeq: 1, count: 50, level: level)
        let scan = try SegmentReader.scan(member, inflate: true)
        #expect(scan.problems.isEmpty)
        #expect(scan.members.first?.payload == payload)
    }

    @Test("the encoder refuses what a reader would refuse")
    func refusals() {
        func kind(_ payload: [UInt8], count: UInt32, limits: SegmentLimits = .standard)
            -> SegmentError.Kind?
        {
            do {
                _ = try GzipMember.encode(
                    payload: payload, firstSeq: 1, count: count, limits: limits)
                return nil
            } catch {
                return error.kind
            }
        }
        let ok = Array("{}\n{}\n".utf8)
        #expect(kind(ok, count: 2) == nil)
        #expect(kind([], count: 0) == .problem(.notJSONLines))
        #expect(kind(Array("{}".utf8), count: 1) == .problem(.notJSONLines))
        #expect(kind(Array("{}\n\n{}\n".utf8), count: 2) == .problem(.notJSONLines))
        #expect(kind(Array("\n".utf8), count: 1) == .problem(.notJSONLines))
        #expect(kind(ok, count: 3) == .problem(.countMismatch))
        let small = SegmentLimits(maxMemberInflated: 6, maxLine: 2)
        #expect(kind(ok, count: 2, limits: small) == nil)
        #expect(kind(Array("{1}\n".utf8), count: 1, limits: small) == .problem(.lineTooLong))
        #expect(kind(ok + Array("{}\n".utf8), count: 3, limits: small) == .problem(.memberTooLarge))
        let error = #expect(throws: SegmentError.self) {
            try GzipMember.encode(payload: ok, firstSeq: 1, count: 2, level: 10)
        }
        #expect(error?.kind == .invalidArgument)
        #expect(throws: SegmentError.self) {
            try GzipMember.encode(payload: ok, firstSeq: 0, count: 2)
        }
        #expect(throws: SegmentError.self) {
            try GzipMember.encode(payload: ok, firstSeq: .max, count: 2)
        }
    }

    @Test("errors name the place and give a hint, never content")
    func errorText() {
        let problem = SegmentProblem(
            offset: 120, length: 40, kind: .badCRC, detail: "the CRC32 does not match")
        let error = SegmentError(problem, file: "devices/a/0000000000000001.jsonl.gz")
        #expect(
            error.description
                == "devices/a/0000000000000001.jsonl.gz: byte 120: the CRC32 does not match")
        #expect(error.kind == .problem(.badCRC))
        #expect(error.hint?.contains("limber repair") == true)
        #expect(problem.description == "byte 120 (+40): the CRC32 does not match")
    }
}
