import EventLog
import Testing

@Suite("segment file names")
struct SegmentNameTests {
    @Test("names are 16 zero-padded digits and .jsonl.gz, and round-trip")
    func roundTrip() {
        #expect(SegmentName.fileName(firstSeq: 1) == "0000000000000001.jsonl.gz")
        #expect(SegmentName.fileName(firstSeq: 4213) == "0000000000004213.jsonl.gz")
        for seq: UInt64 in [0, 1, 9, 10, 4213, 1 << 40, SegmentName.maxFirstSeq] {
            #expect(SegmentName.firstSeq(fromFileName: SegmentName.fileName(firstSeq: seq)) == seq)
        }
    }

    @Test("a seq too large for 16 digits makes a name that is not a segment")
    func tooLarge() {
        let name = SegmentName.fileName(firstSeq: SegmentName.maxFirstSeq + 1)
        #expect(name == "10000000000000000.jsonl.gz")
        #expect(SegmentName.firstSeq(fromFileName: name) == nil)
        #expect(SegmentName.firstSeq(fromFileName: SegmentName.fileName(firstSeq: .max)) == nil)
    }

    @Test(
        "anything but 16 digits and .jsonl.gz is not a segment",
        arguments: [
            "0000000000000001.sync-conflict-20261125-120000-ABCDEFG.jsonl.gz",
            ".syncthing.0000000000000001.jsonl.gz.tmp", ".syncthing.x.tmp", "x.jsonl.gz~",
            "0000000000000001.jsonl.gz~", "0000000000000001.jsonl.gz.corrupt",
            "0000000000000001 (conflicted copy 2026-11-25).jsonl.gz", "000000000000001.jsonl.gz",
            "00000000000000001.jsonl.gz", "000000000000000a.jsonl.gz", "+000000000000001.jsonl.gz",
            "-000000000000001.jsonl.gz", " 000000000000001.jsonl.gz", "0000000000000001.jsonl",
            "0000000000000001.JSONL.GZ", "0000000000000001.jsonl.gz/",
            "a/0000000000000001.jsonl.gz",
            "٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠١.jsonl.gz", "", ".jsonl.gz", "0000000000000001",
        ])
    func notSegments(_ name: String) {
        #expect(SegmentName.firstSeq(fromFileName: name) == nil)
    }
}
