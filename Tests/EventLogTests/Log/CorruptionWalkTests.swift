import Foundation
import JournalModel
import Testing

import EventLog

/// Every byte of a small sealed segment flipped in turn, and the segment cut at every offset:
/// `verify` finds each one and names the file and an offset in the damaged member, and the
/// other segments are still read whole (issue #11).
@Suite("corruption walks")
struct CorruptionWalkTests {
    static let device = "aaaaaaaaaaaaaaaa"
    static let now: Int64 = 1_795_500_000_000
    static let sealed = "0000000000000001.jsonl.gz"
    static let open = "0000000000000004.jsonl.gz"

    /// A device with a sealed segment (events 1…3, two members) and an open one (4…5).
    private func journal() throws -> (TemporaryJournal, sealed: [UInt8], members: [Range<Int>], later: [Event]) {
        let journal = try TemporaryJournal()
        var device = HandWrittenDevice(device: Self.device)
        let events = try (1...5).map {
            try device.event(seq: UInt64($0), hlc: HLC(millis: Self.now - 60_000 + Int64($0), counter: 0))
        }
        let first = try HandWrittenDevice.member(Array(events[0...1]))
        let second = try HandWrittenDevice.member([events[2]])
        try device.writeSegment([first, second], named: Self.sealed, in: journal)
        try device.writeSegment([try HandWrittenDevice.member(Array(events[3...4]))], named: Self.open, in: journal)
        let members = [0..<first.count, first.count..<(first.count + second.count)]
        return (journal, first + second, members, events[3...4].map(\.event))
    }

    private var sealedPath: String { "devices/\(Self.device)/\(Self.sealed)" }

    @Test("every flipped byte of a sealed segment is found, named by file and member")
    func everyFlip() throws {
        let (journal, bytes, members, later) = try journal()
        defer { journal.remove() }
        for position in bytes.indices {
            var flipped = bytes
            flipped[position] ^= 0x01
            try journal.write(flipped, to: journal.path(sealedPath))
            let report = try LogVerifier.verify(journal.layout, nowMillis: Self.now)
            let member = members.first { $0.contains(position) }!
            let headerOffset = position - member.lowerBound
            // Bytes no check can cover: the header's FTEXT hint (the flip is 0x01), MTIME, XFL
            // and OS.
            let unchecked = headerOffset == 3 || (4...9).contains(headerOffset)
            let here = report.problems.filter { $0.file == sealedPath }
            if unchecked {
                #expect(report.problems.isEmpty, "flip at \(position): \(report.problems)")
            } else if (12...13).contains(headerOffset) {
                // The LB id: a plain gzip member, read whole and reported as one.
                #expect(here.map(\.severity) == [.warning], "flip at \(position): \(report.problems)")
            } else {
                #expect(here.contains { $0.severity == .error }, "flip at \(position) not found: \(report.problems)")
                #expect(
                    here.contains { ($0.offset ?? -1) >= 0 && ($0.offset ?? 0) <= member.upperBound },
                    "flip at \(position): \(here)")
                // Anything said of another file is the gap the damaged member leaves.
                #expect(
                    report.problems.allSatisfy { $0.file == sealedPath || $0.message.contains("gap") },
                    "flip at \(position): \(report.problems)")
            }
            // The other segment is read whole, whatever happened to this one.
            let read = try LogReader.read(journal.layout)
            #expect(later.allSatisfy { event in read.events.contains(event) }, "flip at \(position)")
        }
    }

    @Test("a sealed segment cut at every offset: reported, and the later segment still read")
    func everyCut() throws {
        let (journal, bytes, members, later) = try journal()
        defer { journal.remove() }
        for length in 0..<bytes.count {
            try journal.write(Array(bytes.prefix(length)), to: journal.path(sealedPath))
            let report = try LogVerifier.verify(journal.layout, nowMillis: Self.now)
            let errors = report.problems.filter { $0.severity == .error }
            // A cut sealed segment is damage (only the newest segment may have a torn tail):
            // an error in the file, or the missing events as a gap.
            #expect(!errors.isEmpty, "cut at \(length)")
            if length > 0, !members.contains(where: { $0.upperBound == length }) {
                #expect(errors.contains { $0.file == sealedPath }, "cut at \(length): \(errors)")
            }
            let read = try LogReader.read(journal.layout)
            #expect(later.allSatisfy { event in read.events.contains(event) }, "cut at \(length)")
        }
    }

    @Test("repair after any flip leaves a journal verify passes (but for a gap) with the later segment whole")
    func repairAfterFlip() throws {
        let (journal, bytes, _, later) = try journal()
        defer { journal.remove() }
        for position in stride(from: 0, to: bytes.count, by: 7) {
            var flipped = bytes
            flipped[position] ^= 0x01
            try journal.write(flipped, to: journal.path(sealedPath))
            for name in try FileManager.default.contentsOfDirectory(atPath: journal.path("devices/\(Self.device)"))
            where name.contains(".corrupt") {
                try FileManager.default.removeItem(atPath: journal.path("devices/\(Self.device)/\(name)"))
            }
            _ = try LogRepairer.repair(journal.layout, lockTimeout: 2)
            let report = try LogVerifier.verify(journal.layout, nowMillis: Self.now)
            #expect(report.isClean, "flip at \(position): \(report.problems)")
            let read = try LogReader.read(journal.layout)
            #expect(later.allSatisfy { event in read.events.contains(event) }, "flip at \(position)")
        }
    }
}
