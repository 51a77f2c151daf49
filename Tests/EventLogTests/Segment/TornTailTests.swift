import EventLog
import Testing

extension Tag {
    @Tag static var segmentDurability: Self
}

@Suite("torn tails", .tags(.segmentDurability))
struct TornTailTests {
    @Test(
        "a cut at every byte keeps exactly the complete members before it",
        arguments: [true, false])
    func cutEverywhere(inflate: Bool) throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2])
        let boundaries = Set([0] + file.members.map(\.end))
        for cut in 0...file.bytes.count {
            let prefix = Array(file.bytes[0..<cut])
            let scan = try SegmentReader.scan(prefix, inflate: inflate)
            let complete = file.members.filter { $0.end <= cut }
            #expect(scan.members.map(\.offset) == complete.map(\.offset), "cut at \(cut)")
            if inflate {
                #expect(scan.members.map(\.payload) == complete.map(\.payload), "cut at \(cut)")
            }
            let lastEnd = complete.last?.end ?? 0
            if boundaries.contains(cut) {
                #expect(scan.tornTailOffset == nil, "cut at \(cut)")
                #expect(scan.problems.isEmpty, "cut at \(cut)")
            } else {
                #expect(scan.tornTailOffset == lastEnd, "cut at \(cut)")
                #expect(scan.problems.map(\.offset) == [lastEnd], "cut at \(cut)")
                #expect(scan.corruption.isEmpty, "cut at \(cut)")
            }
            scan.checkInvariants(fileSize: cut, inflated: inflate)
        }
    }

    @Test("zero-filled blocks after the last member are a torn tail", arguments: [true, false])
    func zeroFilledTail(inflate: Bool) throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2])
        let scan = try SegmentReader.scan(
            file.bytes + [UInt8](repeating: 0, count: 4096), inflate: inflate)
        #expect(scan.members.count == 3)
        #expect(scan.tornTailOffset == file.bytes.count)
        #expect(scan.problems.map(\.kind) == [.garbage])
    }

    @Test(
        "a last member whose data a crash left zero-filled is torn, even without inflating",
        arguments: [true, false])
    func zeroFilledLastMember(inflate: Bool) throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2])
        let last = try #require(file.members.last)
        var bytes = file.bytes
        // The header survived, the blocks after it did not.
        for index in (last.offset + GzipMember.headerSize)..<bytes.count { bytes[index] = 0 }
        let scan = try SegmentReader.scan(bytes, inflate: inflate)
        #expect(scan.members.map(\.offset) == file.members.dropLast().map(\.offset))
        #expect(scan.tornTailOffset == last.offset)
    }

    @Test("a member_size past the end of the file at the tail is a torn tail")
    func sizePastEndAtTail() throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2])
        let last = try #require(file.members.last)
        var bytes = file.bytes
        bytes.replaceSubrange(
            (last.offset + 16)..<(last.offset + 20), with: [0xFF, 0xFF, 0xFF, 0x7F])
        for inflate in [true, false] {
            let scan = try SegmentReader.scan(bytes, inflate: inflate)
            #expect(scan.members.count == 2)
            #expect(scan.tornTailOffset == last.offset)
            #expect(scan.problems.map(\.kind) == [.truncated])
        }
    }

    @Test("an empty file has no members and no problems")
    func emptyFile() throws {
        for inflate in [true, false] {
            let scan = try SegmentReader.scan([UInt8](), inflate: inflate)
            #expect(
                scan == SegmentScan(members: [], problems: [], tornTailOffset: nil, validEnd: 0))
        }
    }
}
