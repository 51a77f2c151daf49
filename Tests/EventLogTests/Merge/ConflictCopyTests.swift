import EventLog
import Foundation
import Testing

@Suite("sync tools' conflict copies of segments")
struct ConflictCopyTests {
    @Test("events only in a Syncthing conflict copy are reported by verify and kept by repair")
    func keptFromConflictCopy() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: "00000000000000c1")
        let members = try (1...3).map { seq in
            try HandWrittenDevice.member([try device.event(seq: UInt64(seq), hlc: HLC(millis: 1_790_000_000_000 + Int64(seq), counter: 0))])
        }
        try device.writeSegment([members[0]], named: "0000000000000001.jsonl.gz", in: journal)
        let copyName = "0000000000000001.jsonl.sync-conflict-20261125-101010-ABCDEFG.gz"
        try device.writeSegment(members, named: copyName, in: journal)
        #expect(LogMerger.conflictCopyOriginal(copyName) == "0000000000000001.jsonl.gz")
        #expect(LogMerger.conflictCopyOriginal("0000000000000001.jsonl.gz") == nil)

        let before = try LogVerifier.verify(journal.layout)
        let note = before.problems.first { $0.file.hasSuffix(copyName) }
        #expect(note?.severity == .warning)
        #expect(note?.message.contains("holds 2 event(s) the original lacks") == true, "\(String(describing: note))")
        #expect(try LogReader.read(journal.layout).events.count == 1, "a copy is never read as a segment")

        let recovered = try LogRepairer.recoverConflictCopies(journal.layout, lockTimeout: 1)
        #expect(recovered.map(\.events) == [2])
        #expect(try LogReader.read(journal.layout).events.map(\.seq) == [1, 2, 3])
        #expect(try journal.bytes(journal.path("devices/00000000000000c1/0000000000000001.jsonl.gz")) == members.flatMap { $0 })
        #expect(try LogRepairer.recoverConflictCopies(journal.layout, lockTimeout: 1).isEmpty, "nothing twice")
        #expect(try LogVerifier.verify(journal.layout).isClean)
    }
}
