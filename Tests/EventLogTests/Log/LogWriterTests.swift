import Crypto
import Foundation
import JournalModel
import Testing

import EventLog
import LimberTestSupport

@Suite("log writer and reader")
struct LogWriterTests {
    @Test("appended commits read back identical, seq gapless from 1, prev chained to the stored lines")
    func appendAndReadBack() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var stored: [Event] = []
        let device: String
        do {
            let writer = try journal.writer()
            device = writer.device
            #expect(DeviceIdentity.isValidID(device))
            #expect(writer.headSeq == 0)
            for day in 0..<4 { stored += try writer.append(LogSample.commit(day: day, notes: "day \(day)")) }
            stored += try writer.append(LogSample.smallCommit())
            #expect(try writer.append([]) == [], "an empty commit writes nothing")
            #expect(writer.headSeq == 9)
        }
        #expect(stored.count == 9)
        #expect(stored.map(\.seq) == Array(1...9))
        #expect(Set(stored.map(\.id)).count == 9)
        #expect(stored.allSatisfy { $0.device == device && $0.version == 1 })
        #expect(zip(stored, stored.dropFirst()).allSatisfy { $0.hlc < $1.hlc }, "hlc strictly increases")

        let contents = try LogReader.read(journal.layout)
        #expect(contents.problems.isEmpty)
        #expect(contents.events == stored)

        // The chain, checked with stock tools: zcat's lines, SHA-256 of each previous line.
        let names = try journal.segmentNames(device: device)
        #expect(names == ["0000000000000001.jsonl.gz"])
        let lines = try journal.zcatLines(journal.layout.segment(device: device, firstSeq: 1))
        #expect(lines.count == 9)
        var previous = String(repeating: "0", count: 64)
        for (line, event) in zip(lines, stored) {
            let decoded = try JSONCoding.decoder().decode(Event.self, from: Data(line))
            #expect(decoded == event)
            #expect(decoded.prev == previous, "seq \(event.seq)")
            previous = SHA256.hash(data: line).map { String(format: "%02x", $0) }.joined()
        }

        // A new writer continues the chain where the last one stopped.
        let more = try journal.writer().append(LogSample.smallCommit())
        #expect(more.map(\.seq) == [10])
        #expect(more[0].prev == previous)
        #expect(try LogVerifier.verify(journal.layout).problems.isEmpty)
    }

    @Test("a bulk commit is cut into members of at most 64 KiB of lines, a longer line alone, seqs gapless")
    func bulkMembersAreSmall() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        let writer = try journal.writer()
        // 1,500 sessions (~0.5 MB of lines) and, in the middle, one note longer than a member.
        var events: [NewEvent] = []
        for day in 0..<1_500 {
            let notes = day == 700 ? String(repeating: "long note ", count: 10_000) : "day \(day)"
            events += LogSample.commit(day: day, notes: notes)
        }
        let batch = BatchAppend(writer: writer)
        let stored = try events.map { try batch.add($0) }
        // Members ready so far wait in staging, out of sync tools' sight.
        #expect(((try? journal.segmentNames(device: writer.device)) ?? []).isEmpty)
        let locations = try batch.finish()
        #expect(stored.map(\.seq) == Array(1...UInt64(events.count)))
        // Where it says each event is, a reader finds it (a snapshot can point there).
        #expect(locations == (try LogReader.read(journal.layout).locations))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: journal.layout.local + "/staging")) ?? []).isEmpty)
        let names = try journal.segmentNames(device: writer.device)
        #expect(names.count == 1)
        let scan = try SegmentReader.scan(
            try journal.bytes(journal.layout.segment(device: writer.device, firstSeq: 1)), inflate: true)
        #expect(scan.isClean)
        let sizes = scan.members.map { $0.payload?.count ?? 0 }
        let limit = LogWriter.batchMemberBytes
        #expect(sizes.count > 8, "\(sizes)")
        // Only the long note's member is larger, and it holds that one line.
        #expect(scan.members.filter { ($0.payload?.count ?? 0) > limit }.map(\.count) == [1], "\(sizes)")
        // Members are full: each but the last would have overflowed with its successor's first line.
        for (member, next) in zip(scan.members, scan.members.dropFirst()).dropLast() {
            let firstLine = (next.lines.first?.count ?? 0) + 1
            #expect((member.payload?.count ?? 0) + firstLine > limit)
        }
        for (member, next) in zip(scan.members, scan.members.dropFirst()) {
            #expect(member.firstSeq + UInt64(member.count) == next.firstSeq)
        }
        #expect(try LogReader.read(journal.layout).events == stored)
        #expect(try LogVerifier.verify(journal.layout).problems.isEmpty)
    }

    @Test("a batch dropped before it is finished leaves nothing: no staging file, no event, the chain head as it was")
    func droppedBatchLeavesNothing() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        let writer = try journal.writer()
        _ = try writer.append(LogSample.smallCommit())
        do {
            let batch = BatchAppend(writer: writer)
            for day in 0..<1_500 { for event in LogSample.commit(day: day, notes: "day \(day)") { try batch.add(event) } }
            #expect(batch.count > 1_500)
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: journal.layout.local + "/staging")) ?? []).isEmpty)
        let more = try writer.append(LogSample.smallCommit())
        #expect(more.first?.seq == UInt64(LogSample.smallCommit().count) + 1)
        #expect(try LogReader.read(journal.layout).events.count == 2 * LogSample.smallCommit().count)
        #expect(try journal.segmentNames(device: writer.device).count == 1)
        #expect(try LogVerifier.verify(journal.layout).problems.isEmpty)
    }

    @Test("a batch of one member is appended to the open segment like any commit")
    func smallBatchJoinsOpenSegment() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        let writer = try journal.writer()
        _ = try writer.append(LogSample.smallCommit())
        let batch = BatchAppend(writer: writer)
        let stored = try LogSample.commit(day: 3, notes: "one").map { try batch.add($0) }
        let locations = try batch.finish()
        #expect(try journal.segmentNames(device: writer.device).count == 1)
        let contents = try LogReader.read(journal.layout)
        #expect(Array(contents.locations.suffix(locations.count)) == locations)
        #expect(Array(contents.events.suffix(stored.count)) == stored)
        // The batch is the chain head: the next commit continues after it.
        let more = try writer.append(LogSample.smallCommit())
        #expect(more.first?.seq == (stored.last?.seq ?? 0) + 1)
        #expect(more.first?.prev != stored.last?.prev)
        #expect(try LogVerifier.verify(journal.layout).problems.isEmpty)
    }

    @Test("each commit is one gzip member indexed by its first seq and count")
    func oneMemberPerCommit() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        let writer = try journal.writer()
        let path = journal.layout.segment(device: writer.device, firstSeq: 1)
        var sizes: [Int] = []
        for day in 0..<3 {
            _ = try writer.append(LogSample.commit(day: day))
            sizes.append(try journal.fileSize(path))
            #expect(writer.openSegmentState?.relativePath == "devices/\(writer.device)/0000000000000001.jsonl.gz")
            #expect(writer.openSegmentState?.size == sizes.last)
        }
        let bytes = try journal.bytes(path)
        let scan = try SegmentReader.scan(bytes, inflate: true)
        #expect(scan.isClean)
        #expect(scan.members.map(\.offset) == [0, sizes[0], sizes[1]])
        #expect(scan.members.map(\.firstSeq) == [1, 3, 5])
        #expect(scan.members.map(\.count) == [2, 2, 2])
    }

    @Test("a new segment starts after ~4 MiB, named by its first seq", .tags(.logDurability))
    func rotation() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var random = SplitMix64(seed: 0x5E6)
        var stored: [Event] = []
        let device: String
        let secondName: String
        do {
            let writer = try journal.writer()
            device = writer.device
            let first = journal.layout.segment(device: device, firstSeq: 1)
            var lastSize = 0
            var largestMember = 0
            // Fill the first segment until it passes the rotation size.
            while lastSize < LogWriter.rotationBytes {
                let session = LogSample.session(notes: random.incompressibleText(count: 200_000))
                stored += try writer.append([NewEvent(entity: session.id, body: .sessionLogged(session))])
                let size = try journal.fileSize(first)
                largestMember = max(largestMember, size - lastSize)
                lastSize = size
                try #require(stored.count < 60, "200 KB of incompressible notes fill 4 MiB in ~30 commits")
            }
            #expect(try journal.segmentNames(device: device) == ["0000000000000001.jsonl.gz"])
            #expect(lastSize < LogWriter.rotationBytes + largestMember, "no member is appended past the size")

            let next = try writer.append(LogSample.commit(day: 1))
            let seqText = String(next[0].seq)
            secondName = String(repeating: "0", count: 16 - seqText.count) + seqText + ".jsonl.gz"
            #expect(try journal.segmentNames(device: device) == ["0000000000000001.jsonl.gz", secondName])
            #expect(try journal.fileSize(first) == lastSize, "the sealed segment is not touched again")
            stored += next
        }
        // A writer opened later appends to the new segment, not to the sealed one.
        stored += try journal.writer().append(LogSample.smallCommit())
        #expect(try journal.segmentNames(device: device) == ["0000000000000001.jsonl.gz", secondName])
        let lines = try journal.zcatLines(journal.layout.deviceFolder(device) + "/" + secondName)
        #expect(lines.count == 3)

        let contents = try LogReader.read(journal.layout)
        #expect(contents.problems.isEmpty)
        #expect(contents.events == stored)
        #expect(contents.events.map(\.seq) == Array(1...UInt64(stored.count)))
        let report = try LogVerifier.verify(journal.layout)
        #expect(report.problems.isEmpty)
        #expect(report.segments == 2)
        #expect(report.events == stored.count)
    }
}

@Suite("incremental reads")
struct IncrementalReadTests {
    @Test("a read since a watermark returns only what was appended after it")
    func sinceWatermark() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        let writer = try journal.writer()
        let first = try writer.append(LogSample.commit(day: 0))
        let initial = try LogReader.read(journal.layout)
        #expect(initial.events == first)
        let relative = "devices/\(writer.device)/0000000000000001.jsonl.gz"
        #expect(initial.watermark == [relative: try journal.fileSize(journal.path(relative))])

        let nothing = try LogReader.read(journal.layout, since: initial.watermark)
        #expect(nothing.events.isEmpty && nothing.continuous)
        #expect(nothing.watermark == initial.watermark)

        let second = try writer.append(LogSample.commit(day: 1))
        let more = try LogReader.read(journal.layout, since: initial.watermark)
        #expect(more.events == second)
        #expect(more.continuous)

        // A segment that shrank (after a repair) makes the read discontinuous.
        var shrunk = more.watermark
        shrunk[relative] = (shrunk[relative] ?? 0) + 10
        #expect(try LogReader.read(journal.layout, since: shrunk).continuous == false)
        #expect(try LogReader.read(journal.layout, since: ["devices/\(writer.device)/0000000000000099.jsonl.gz": 5]).continuous == false)
    }
}
