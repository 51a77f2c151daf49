import EventLog
import Testing

@Suite("corruption is reported, never dropped")
struct CorruptionTests {
    /// Header bytes that no check covers (MTIME, XFL, OS) and the low six bytes of
    /// `first_seq`, which only the event layer can check against the events' own `seq` (its
    /// top two bytes put it past 2^53, which the header check refuses).
    static let uncheckedHeaderBytes = Set(4...9).union(20...25)

    @Test("a flipped byte anywhere in member 2 of 3 is reported there; 1 and 3 survive")
    func flippedByteInflating() throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2])
        let second = file.members[1]
        for position in 0..<second.size {
            var bytes = file.bytes
            bytes[second.offset + position] ^= 0xFF
            let scan = try SegmentReader.scan(bytes, inflate: true)
            let offsets = scan.members.map(\.offset)
            #expect(offsets.contains(file.members[0].offset), "flip at +\(position)")
            #expect(offsets.contains(file.members[2].offset), "flip at +\(position)")
            let survivorsIntact =
                scan.members.first?.payload == file.members[0].payload
                && scan.members.last?.payload == file.members[2].payload
            #expect(survivorsIntact, "flip at +\(position)")
            #expect(scan.tornTailOffset == nil, "flip at +\(position)")
            if Self.uncheckedHeaderBytes.contains(position) {
                #expect(scan.problems.isEmpty, "flip at +\(position)")
            } else {
                #expect(scan.problems.map(\.offset) == [second.offset], "flip at +\(position)")
                // Flipping the "LB" id leaves a plain gzip member: read, but reported.
                #expect(
                    !scan.members.contains { $0.offset == second.offset && $0.isIndexed },
                    "flip at +\(position)")
            }
            scan.checkInvariants(fileSize: bytes.count, inflated: true)
        }
    }

    @Test("without inflating, a flipped byte in member 2 of 3 never loses members 1 and 3")
    func flippedByteWalking() throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2])
        let second = file.members[1]
        for position in 0..<second.size {
            var bytes = file.bytes
            bytes[second.offset + position] ^= 0xFF
            let scan = try SegmentReader.scan(bytes, inflate: false)
            let offsets = scan.members.map(\.offset)
            #expect(offsets.contains(file.members[0].offset), "flip at +\(position)")
            #expect(offsets.contains(file.members[2].offset), "flip at +\(position)")
            #expect(scan.tornTailOffset == nil, "flip at +\(position)")
            scan.checkInvariants(fileSize: bytes.count, inflated: false)
        }
    }

    @Test("specific damage gets its own kind")
    func kinds() throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2])
        let second = file.members[1]
        func kinds(_ change: (inout [UInt8]) -> Void) throws -> [SegmentProblem.Kind] {
            var bytes = file.bytes
            change(&bytes)
            return try SegmentReader.scan(bytes, inflate: true).problems.map(\.kind)
        }
        #expect(try kinds { $0[second.end - 8] ^= 1 } == [.badCRC])
        #expect(try kinds { $0[second.end - 4] ^= 1 } == [.badLength])
        #expect(try kinds { $0[second.end - 1] ^= 0x80 } == [.badLength])  // ISIZE > limit
        #expect(try kinds { $0[second.offset] = 0 } == [.garbage])
        #expect(try kinds { $0[second.offset + 2] = 7 } == [.badHeader])
        #expect(try kinds { $0[second.offset + 3] |= 0x20 } == [.badHeader])
        #expect(try kinds { $0[second.offset + 14] = 15 } == [.badHeader])  // LB length
        #expect(try kinds { $0[second.offset + 28] ^= 1 } == [.countMismatch])
        #expect(try kinds { $0[second.offset + 12] = UInt8(ascii: "X") } == [.missingIndex])
    }

    @Test(
        "a member_size that lies is a problem, never a crash or a huge allocation",
        arguments: ["0", "1", "39", "41", "4294967295", "-1", "+1"])
    func memberSizeLies(_ lie: String) throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2])
        let second = file.members[1]
        // "-1" and "+1" are relative to the true size, the others absolute; 42 bytes is the
        // smallest possible member (32-byte header, 2 bytes of deflate data, trailer).
        let value = try #require(Int64(lie))
        let relative = lie.hasPrefix("-") || lie.hasPrefix("+")
        let claimed = UInt32(truncatingIfNeeded: relative ? Int64(second.size) + value : value)
        var bytes = file.bytes
        withUnsafeBytes(of: claimed.littleEndian) {
            bytes.replaceSubrange((second.offset + 16)..<(second.offset + 20), with: $0)
        }
        for inflate in [true, false] {
            let scan = try SegmentReader.scan(bytes, inflate: inflate)
            let context = "member_size \(claimed), inflate \(inflate)"
            #expect(
                scan.members.map(\.offset) == [file.members[0].offset, file.members[2].offset],
                "\(context)")
            #expect(scan.problems.map(\.offset) == [second.offset], "\(context)")
            #expect(scan.tornTailOffset == nil, "\(context)")
            let expected: SegmentProblem.Kind =
                Int(claimed) > bytes.count - second.offset ? .truncated : .sizeMismatch
            #expect(scan.problems.first?.kind == expected, "\(context)")
            scan.checkInvariants(fileSize: bytes.count, inflated: inflate)
        }
    }

    @Test("garbage before, between and after members", arguments: [true, false])
    func garbage(inflate: Bool) throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2])
        // Junk that even contains a gzip magic and a fake LB header.
        let junk: [UInt8] = [
            0x00, 0x1F, 0x8B, 0x08, 0x04, 0, 0, 0, 0, 0, 255, 20, 0, 0x4C, 0x42, 16, 0, 1, 2, 3,
            0x1F,
        ]

        let split = file.members[0].end
        let inputs = [
            junk + file.bytes,
            Array(file.bytes[..<split]) + junk + Array(file.bytes[split...]),
            file.bytes + junk,
            junk,
        ]
        let scans = try inputs.map { try SegmentReader.scan($0, inflate: inflate) }
        for (input, scan) in zip(inputs, scans) {
            scan.checkInvariants(fileSize: input.count, inflated: inflate)
        }

        let before = scans[0]
        #expect(before.members.map(\.offset) == file.members.map { $0.offset + junk.count })
        #expect(before.problems.map(\.kind) == [.garbage])
        #expect(before.problems.first?.length == junk.count)
        #expect(before.tornTailOffset == nil)

        let between = scans[1]
        #expect(between.members.count == 3)
        #expect(between.problems.map(\.offset) == [split])
        #expect(between.problems.first?.length == junk.count)
        #expect(between.tornTailOffset == nil)
        #expect(between.corruption.map(\.offset) == [split])

        let after = scans[2]
        #expect(after.members.count == 3)
        #expect(after.tornTailOffset == file.bytes.count)
        #expect(after.validEnd == file.bytes.count)
        #expect(after.problems.map(\.kind) == [.garbage])
        #expect(after.corruption.isEmpty)

        let only = scans[3]
        #expect(only.members.isEmpty)
        #expect(only.tornTailOffset == 0)
        #expect(only.validEnd == 0)
    }

    @Test(
        "plain gzip members (cat a.gz b.gz) are read and reported as missing the index",
        arguments: [true, false])
    func plainMembers(inflate: Bool) throws {
        let file = try SegmentFixture.file(counts: [3, 2])
        let plainPayload = SegmentFixture.payload(firstSeq: 6, count: 4)
        let plain = try SegmentFixture.plainGzipMember(chunks: [plainPayload])
        let bytes =
            Array(file.bytes[..<file.members[1].offset]) + plain
            + Array(file.bytes[file.members[1].offset...])
        let scan = try SegmentReader.scan(bytes, inflate: inflate)
        #expect(scan.members.map(\.isIndexed) == [true, false, true])
        #expect(scan.members[1].size == plain.count)
        #expect(scan.members[1].count == 4)
        #expect(scan.members[1].firstSeq == 0)
        #expect(scan.members[1].payload == (inflate ? plainPayload : nil))
        #expect(scan.problems.map(\.kind) == [.missingIndex])
        #expect(scan.problems.first?.offset == file.members[1].offset)
        #expect(scan.tornTailOffset == nil)
        scan.checkInvariants(fileSize: bytes.count, inflated: inflate)

        // A plain member cut short is a torn tail too.
        let cut = try SegmentReader.scan(Array(plain.dropLast(3)), inflate: inflate)
        #expect(cut.members.isEmpty)
        #expect(cut.tornTailOffset == 0)
        #expect(cut.problems.map(\.kind) == [.truncated])
    }

    @Test("plain headers with FNAME, FCOMMENT and FHCRC are parsed; a wrong FHCRC is not")
    func plainHeaderFields() throws {
        let payload = SegmentFixture.payload(firstSeq: 1, count: 2)
        let deflated = try SegmentFixture.deflate(chunks: [payload], windowBits: -15, level: 6)
        var header: [UInt8] = [0x1F, 0x8B, 8, 0x08 | 0x10 | 0x02, 1, 2, 3, 4, 0, 3]
        header += Array("name.jsonl".utf8) + [0] + Array("a comment".utf8) + [0]
        let headerCRC = header.withUnsafeBytes { SegmentFixture.crc32($0) }
        var member = header
        member.appendLittleEndian(UInt16(truncatingIfNeeded: headerCRC))
        member += deflated.bytes
        member.appendLittleEndian(deflated.crc)
        member.appendLittleEndian(deflated.size)
        let scan = try SegmentReader.scan(member, inflate: true)
        #expect(scan.members.first?.payload == payload)
        #expect(scan.problems.map(\.kind) == [.missingIndex])

        member[header.count] ^= 1
        let damaged = try SegmentReader.scan(member, inflate: true)
        #expect(damaged.members.isEmpty)
        #expect(damaged.problems.map(\.kind) == [.badHeader])
    }
}
