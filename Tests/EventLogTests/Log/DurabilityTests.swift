import Foundation
import JournalModel
import Testing

import EventLog

@Suite("durability of the log", .tags(.logDurability))
struct DurabilityTests {
    /// The byte offsets are shared out over this many journals, tested in parallel.
    static let shares = 4

    @Test("a write torn at any byte of the last member loses only that commit, and the next write continues the chain", arguments: 0..<shares)
    func tornAtEveryByte(_ share: Int) throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var sizes: [Int] = []
        var committed: [[Event]] = []
        let device: String
        do {
            let writer = try journal.writer()
            device = writer.device
            let path = journal.layout.segment(device: device, firstSeq: 1)
            for commit in [LogSample.commit(day: 0), LogSample.commit(day: 1), LogSample.smallCommit()] {
                committed.append(try writer.append(commit))
                sizes.append(try journal.fileSize(path))
            }
        }
        let relative = "devices/\(device)/0000000000000001.jsonl.gz"
        let segment = journal.path(relative)
        let kept = committed[0] + committed[1]
        let pristine = journal.folder.appendingPathComponent("pristine")
        try FileManager.default.copyItem(atPath: journal.layout.root, toPath: pristine.path)
        let original = try journal.bytes(segment)
        #expect(original.count == sizes[2])
        #expect(sizes[2] - sizes[1] > 100, "the last member is a real member (header, data, trailer)")
        var cuts = 0

        for offset in sizes[1]..<sizes[2] where (offset - sizes[1]) % Self.shares == share {
            try FileManager.default.removeItem(atPath: journal.layout.root)
            try FileManager.default.copyItem(atPath: pristine.path, toPath: journal.layout.root)
            try journal.write(Array(original[0..<offset]), to: segment)

            let before = try LogReader.read(journal.layout)
            #expect(before.events == kept, "readers ignore a torn tail (cut at \(offset))")
            #expect(before.problems.isEmpty, "cut at \(offset)")

            let appended: [Event]
            do {
                let writer = try journal.writer()
                #expect(writer.device == device)
                #expect(writer.recoveredBytes == offset - sizes[1], "cut at \(offset)")
                #expect(writer.headSeq == UInt64(kept.count))
                #expect(try journal.fileSize(segment) == sizes[1], "the torn tail is cut (cut at \(offset))")
                appended = try writer.append(LogSample.smallCommit())
            }
            #expect(appended.map(\.seq) == [UInt64(kept.count) + 1], "cut at \(offset)")
            let after = try LogReader.read(journal.layout)
            #expect(after.events == kept + appended, "cut at \(offset)")
            #expect(after.problems.isEmpty)
            let report = try LogVerifier.verify(journal.layout)
            #expect(report.isClean, "cut at \(offset): \(report.problems)")
            #expect(report.problems.isEmpty, "cut at \(offset): \(report.problems)")
            #expect(report.events == kept.count + 1)
            cuts += 1
            if report.problems.isEmpty == false || after.events != kept + appended { break }
        }
        let mine = (sizes[1]..<sizes[2]).filter { ($0 - sizes[1]) % Self.shares == share }
        #expect(cuts == mine.count, "every byte offset of the last member was tried (each share by one test case)")
    }

    /// A journal of three commits (two events each) whose member 2 has one byte flipped at
    /// `place` bytes from its start (negative: from its end).
    private struct DamagedJournal {
        let journal: TemporaryJournal
        let device: String
        let relative: String
        let committed: [[Event]]
        let sizes: [Int]
        let pristine: [UInt8]
        let damaged: [UInt8]
        var segment: String { journal.path(relative) }
        var memberTwo: Range<Int> { sizes[0]..<sizes[1] }

        init(place: Int) throws {
            journal = try TemporaryJournal()
            var sizes: [Int] = []
            var committed: [[Event]] = []
            do {
                let writer = try journal.writer()
                device = writer.device
                let path = journal.layout.segment(device: device, firstSeq: 1)
                for day in 0..<3 {
                    committed.append(try writer.append(LogSample.commit(day: day)))
                    sizes.append(try journal.fileSize(path))
                }
            }
            self.sizes = sizes
            self.committed = committed
            relative = "devices/\(device)/0000000000000001.jsonl.gz"
            pristine = try journal.bytes(journal.path(relative))
            var damaged = pristine
            damaged[place >= 0 ? sizes[0] + place : sizes[1] + place] ^= 0xFF
            self.damaged = damaged
            try journal.write(damaged, to: journal.path(relative))
        }
    }

    /// Where member 2 is damaged: its header's flags, the middle of its compressed data, its CRC.
    static let damagePlaces: [Int] = [3, 120, -6]

    @Test("damage before a valid member is reported where it is, and repair keeps every valid member", arguments: damagePlaces)
    func corruptionBeforeValidMember(_ place: Int) throws {
        let damage = try DamagedJournal(place: place)
        let journal = damage.journal
        defer { journal.remove() }
        let relative = damage.relative, segment = damage.segment, memberTwo = damage.memberTwo
        let committed = damage.committed, sizes = damage.sizes
        #expect(memberTwo.count > 200, "the member is large enough for the damage places")

        // The reader reports the damage where it is and still returns members 1 and 3.
        let contents = try LogReader.read(journal.layout)
        #expect(contents.events == committed[0] + committed[2])
        #expect(contents.problems.count == 1, "\(contents.problems)")
        let problem = try #require(contents.problems.first)
        #expect(problem.file == relative)
        #expect(problem.offset == memberTwo.lowerBound)
        #expect(problem.severity == .error)

        // verify reports it as an error at that file and offset.
        let report = try LogVerifier.verify(journal.layout)
        #expect(!report.isClean)
        #expect(report.problems.contains { $0.severity == .error && $0.file == relative && $0.offset == memberTwo.lowerBound })

        // repair keeps the original aside and every valid member in place.
        let actions = try LogRepairer.repair(journal.layout, lockTimeout: 1)
        #expect(actions.count == 1)
        let action = try #require(actions.first)
        #expect(action.file == relative)
        #expect(action.movedTo == relative + ".corrupt")
        #expect(action.keptMembers == 2)
        #expect(action.droppedBytes == memberTwo.count)
        #expect(try journal.bytes(segment + ".corrupt") == damage.damaged)
        #expect(try journal.bytes(segment) == Array(damage.pristine[0..<sizes[0]] + damage.pristine[sizes[1]..<sizes[2]]))

        let repaired = try LogReader.read(journal.layout)
        #expect(repaired.problems.isEmpty)
        #expect(repaired.events == committed[0] + committed[2])

        // What is left to report is exactly the seq gap of member 2's events.
        let missing = committed[1].map(\.seq)
        let after = try LogVerifier.verify(journal.layout)
        // The gap is known once repair has kept the damaged bytes aside: verify reports it as a
        // warning (so it can go back to catching new damage), naming the missing seqs.
        #expect(after.isClean, "\(after.problems)")
        let gap = after.problems.filter { $0.message.contains("gap") }
        #expect(gap.count == 1, "\(after.problems)")
        #expect(gap.first?.severity == .warning)
        #expect(gap.first?.file == relative)
        #expect(gap.first?.offset == sizes[0], "the gap is found at the member after it")
        #expect(gap.first?.message.contains("\(missing[0])…\(missing[missing.count - 1])") == true, "\(gap)")
        let warnings = after.problems.filter { $0.severity == .warning }
        #expect(Set(warnings.map(\.file)) == [relative + ".corrupt", relative])
        #expect(after.events == committed[0].count + committed[2].count)

        // And the device can write again.
        _ = try journal.writer().append(LogSample.smallCommit())
    }

    @Test("the writer refuses to open a log with damage before a valid member", arguments: damagePlaces)
    func writerRefusesDamage(_ place: Int) throws {
        let damage = try DamagedJournal(place: place)
        let journal = damage.journal
        defer { journal.remove() }
        // Without its head cache (first write on this machine, after a crash or a repair) the
        // writer inflates and checks its whole open segment. With a head cache that still
        // matches the file's size and last bytes it trusts it (a `log` must not inflate 4 MiB),
        // and damage in old members is left to readers and `verify`.
        try? FileManager.default.removeItem(atPath: journal.layout.cache)
        let refusal = #expect(throws: JournalError.self) { _ = try journal.writer() }
        if case .corruptSegment(let offset, _)? = refusal?.kind {
            #expect(offset == damage.memberTwo.lowerBound)
        } else {
            Issue.record("expected .corruptSegment, got \(String(describing: refusal))")
        }
        #expect(refusal?.path == damage.segment)
        #expect(refusal?.exitCode == 3)
        #expect(try journal.bytes(damage.segment) == damage.damaged, "a refused open changes nothing")
    }
}
