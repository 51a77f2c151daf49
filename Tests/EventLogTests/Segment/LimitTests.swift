import EventLog
import Testing

/// DESIGN §3 limits: a member inflates to at most 64 MiB, a line to 1 MiB.
@Suite("limits against hostile input")
struct LimitTests {
    /// 65 MiB of zeros, streamed in 1 MiB chunks so the test itself stays small.
    static let bombChunks = repeatElement([UInt8](repeating: 0, count: 1 << 20), count: 65)

    @Test("decompression bombs are refused without allocating them")
    func bombs() throws {
        let honest = try SegmentFixture.handMadeMember(chunks: Self.bombChunks, count: 1)
        let lying = try SegmentFixture.handMadeMember(chunks: Self.bombChunks, count: 1, isize: 100)
        let plain = try SegmentFixture.plainGzipMember(chunks: Self.bombChunks)
        let file = try SegmentFixture.file(counts: [2])
        #if os(Linux)
        try SegmentFixture.resetPeakResident()
        let before = try SegmentFixture.peakResidentKiB()
        #endif
        for bomb in [honest, lying, plain] {
            let sandwich = file.bytes + bomb + file.bytes
            for inflate in [true, false] {
                // Alone, a bomb ends the file, so even a walk without inflating verifies it.
                let alone = try SegmentReader.scan(bomb, inflate: inflate)
                #expect(alone.members.isEmpty)
                #expect(alone.problems.map(\.kind) == [.memberTooLarge])

                let scan = try SegmentReader.scan(sandwich, inflate: inflate)
                // A walk without inflating trusts a lying ISIZE in the middle of a file: it
                // allocates nothing, and the reader that inflates catches the bomb.
                if inflate || bomb != lying {
                    #expect(scan.members.map(\.offset) == [0, file.bytes.count + bomb.count])
                    #expect(scan.problems.map(\.kind) == [.memberTooLarge])
                    #expect(scan.problems.first?.offset == file.bytes.count)
                }
                #expect(scan.tornTailOffset == nil)
                scan.checkInvariants(fileSize: sandwich.count, inflated: inflate)
            }
        }
        #if os(Linux)
        // Allocating and filling one 64 MiB buffer would show here; the scratch buffers are
        // 64 KiB. Other tests run in parallel, hence the margin.
        let grown = try SegmentFixture.peakResidentKiB() - before
        #expect(grown < 32 << 10, "peak RSS grew by \(grown) KiB")
        #endif
    }

    @Test("without inflating, an honest ISIZE over the limit is refused from the trailer alone")
    func isizeOverLimitWalking() throws {
        let member = try GzipMember.encode(
            payload: SegmentFixture.payload(firstSeq: 1, count: 3), firstSeq: 1, count: 3)
        var bytes = member + member
        bytes[member.count - 1] = 0x10  // ISIZE of the first member: 256 MiB + a bit
        let scan = try SegmentReader.scan(bytes, inflate: false)
        #expect(scan.problems.map(\.kind) == [.memberTooLarge])
        #expect(scan.members.map(\.offset) == [member.count])
    }

    @Test("a line longer than 1 MiB is refused; one of exactly 1 MiB is not")
    func longLines() throws {
        let maxLine = SegmentLimits.standard.maxLine
        let fits = [UInt8](repeating: UInt8(ascii: "x"), count: maxLine) + [0x0A]
        let tooLong = [UInt8](repeating: UInt8(ascii: "x"), count: maxLine + 1) + [0x0A]
        let short = SegmentFixture.line(seq: 2)

        let good = try GzipMember.encode(payload: fits + short, firstSeq: 1, count: 2)
        #expect(try SegmentReader.scan(good, inflate: true).members.first?.payload == fits + short)

        let error = #expect(throws: SegmentError.self) {
            try GzipMember.encode(payload: short + tooLong, firstSeq: 1, count: 2)
        }
        #expect(error?.kind == .problem(.lineTooLong))

        let hostile = try SegmentFixture.handMadeMember(chunks: [short, tooLong], count: 2)
        let other = try GzipMember.encode(payload: short, firstSeq: 3, count: 1)
        for inflate in [true, false] {
            // Last in the file: a complete member with a matching CRC is refused, never torn.
            let scan = try SegmentReader.scan(other + hostile, inflate: inflate)
            #expect(scan.problems.map(\.kind) == [.lineTooLong])
            #expect(scan.problems.first?.offset == other.count)
            #expect(scan.members.map(\.offset) == [0])
            #expect(scan.tornTailOffset == nil)
            scan.checkInvariants(fileSize: other.count + hostile.count, inflated: inflate)
        }
        // Also a final line without a newline that is too long.
        let unterminated = try SegmentFixture.handMadeMember(
            chunks: [short, Array(tooLong.dropLast())], count: 2)
        #expect(
            try SegmentReader.scan(unterminated, inflate: true).problems.map(\.kind) == [
                .lineTooLong
            ])
    }

    @Test("custom limits: a member of exactly the limit is read, one byte more is refused")
    func memberLimitBoundary() throws {
        let payload = SegmentFixture.payload(firstSeq: 1, count: 4)
        let member = try GzipMember.encode(payload: payload, firstSeq: 1, count: 4)
        let exact = SegmentLimits(maxMemberInflated: payload.count)
        let under = SegmentLimits(maxMemberInflated: payload.count - 1)
        for inflate in [true, false] {
            #expect(
                try SegmentReader.scan(member, inflate: inflate, limits: exact).problems.isEmpty)
            let refused = try SegmentReader.scan(member, inflate: inflate, limits: under)
            #expect(refused.problems.map(\.kind) == [.memberTooLarge])
            #expect(refused.members.isEmpty)
        }
    }

    @Test(
        "payloads that are not JSON Lines are refused", arguments: ["", "{}", "{}\n\n{}\n", "\n"])
    func notJSONLines(_ text: String) throws {
        let member = try SegmentFixture.handMadeMember(chunks: [Array(text.utf8)], count: 1)
        let scan = try SegmentReader.scan(member, inflate: true)
        #expect(scan.problems.map(\.kind) == [.notJSONLines])
        #expect(scan.members.isEmpty)
        #expect(scan.tornTailOffset == nil)
    }
}
