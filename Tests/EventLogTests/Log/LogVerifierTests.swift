import Foundation
import JournalModel
import Testing

import EventLog

@Suite("log verifier")
struct LogVerifierTests {
    static let deviceA = "aaaaaaaaaaaaaaaa"
    static let deviceB = "bbbbbbbbbbbbbbbb"
    static let now: Int64 = 1_795_500_000_000
    static let first = "0000000000000001.jsonl.gz"

    private func hlc(_ offset: Int64) -> HLC { HLC(millis: Self.now - 60_000 + offset, counter: 0) }

    private func verify(_ journal: TemporaryJournal, now: Int64 = Self.now) throws -> LogVerifier.Report {
        try LogVerifier.verify(journal.layout, nowMillis: now)
    }

    @Test("a well-formed hand-written log is clean (the baseline of the other checks)")
    func baseline() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: Self.deviceA)
        let events = try (1...3).map { try device.event(seq: UInt64($0), hlc: hlc(Int64($0))) }
        try device.writeSegment([HandWrittenDevice.member(Array(events[0...1])), HandWrittenDevice.member([events[2]])], named: Self.first, in: journal)
        let report = try verify(journal)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.events == 3 && report.members == 2 && report.segments == 1 && report.devices == 1)
        #expect(try LogReader.read(journal.layout).events == events.map(\.event))
    }

    @Test("a seq gap is an error naming the missing seqs")
    func gap() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: Self.deviceA)
        let e1 = try device.event(seq: 1, hlc: hlc(1))
        let e2 = try device.event(seq: 2, hlc: hlc(2))
        let e5 = try device.event(seq: 5, hlc: hlc(5))
        let memberOne = try HandWrittenDevice.member([e1, e2])
        try device.writeSegment([memberOne, HandWrittenDevice.member([e5])], named: Self.first, in: journal)
        let report = try verify(journal)
        #expect(!report.isClean)
        #expect(report.problems.count == 1, "\(report.problems)")
        let problem = try #require(report.problems.first)
        #expect(problem.severity == .error)
        #expect(problem.file == "devices/\(Self.deviceA)/\(Self.first)")
        #expect(problem.offset == memberOne.count)
        #expect(problem.message.contains("gap") && problem.message.contains("3…4"), "\(problem)")
    }

    @Test("two different events with one seq are a fork")
    func fork() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: Self.deviceA)
        let e1 = try device.event(seq: 1, hlc: hlc(1))
        let e2 = try device.event(seq: 2, hlc: hlc(2))
        let other = try device.event(seq: 2, hlc: hlc(3), entity: "s-2", prev: Hex.chainHash(e1.line))
        try device.writeSegment([HandWrittenDevice.member([e1, e2])], named: Self.first, in: journal)
        try device.writeSegment([HandWrittenDevice.member([other])], named: "0000000000000002.jsonl.gz", in: journal)
        let report = try verify(journal)
        #expect(!report.isClean)
        let errors = report.problems.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(report.problems)")
        #expect(errors.first?.file == "devices/\(Self.deviceA)/0000000000000002.jsonl.gz")
        #expect(errors.first?.message.contains("fork") == true, "\(errors)")
    }

    @Test("the same event stored twice is only a warning")
    func storedTwice() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: Self.deviceA)
        let e1 = try device.event(seq: 1, hlc: hlc(1))
        let e2 = try device.event(seq: 2, hlc: hlc(2))
        try device.writeSegment([HandWrittenDevice.member([e1, e2]), HandWrittenDevice.member([e2])], named: Self.first, in: journal)
        let report = try verify(journal)
        #expect(report.isClean, "\(report.problems)")
        #expect(report.problems.map(\.severity) == [.warning])
    }

    @Test("a prev that is not the hash of the previous stored line breaks the chain")
    func brokenPrev() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: Self.deviceA)
        let e1 = try device.event(seq: 1, hlc: hlc(1))
        let e2 = try device.event(seq: 2, hlc: hlc(2), prev: String(repeating: "f", count: 64))
        let e3 = try device.event(seq: 3, hlc: hlc(3))
        let memberOne = try HandWrittenDevice.member([e1])
        try device.writeSegment([memberOne, HandWrittenDevice.member([e2, e3])], named: Self.first, in: journal)
        let report = try verify(journal)
        #expect(!report.isClean)
        #expect(report.problems.count == 1, "\(report.problems)")
        #expect(report.problems.first?.severity == .error)
        #expect(report.problems.first?.offset == memberOne.count)
        #expect(report.problems.first?.message.contains("chain") == true)
        #expect(report.problems.first?.message.contains("line 1") == true, "names the line of the member")
    }

    @Test("a first event whose prev is not 64 zeros breaks the chain")
    func brokenGenesis() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: Self.deviceA)
        let e1 = try device.event(seq: 1, hlc: hlc(1), prev: String(repeating: "1", count: 64))
        try device.writeSegment([HandWrittenDevice.member([e1])], named: Self.first, in: journal)
        let report = try verify(journal)
        #expect(report.problems.map(\.severity) == [.error], "\(report.problems)")
    }

    @Test("an event in another device's folder is an error")
    func wrongFolder() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: Self.deviceA)
        let stray = try device.event(seq: 1, hlc: hlc(1), deviceField: Self.deviceB)
        try device.writeSegment([HandWrittenDevice.member([stray])], named: Self.first, in: journal)
        let report = try verify(journal)
        #expect(!report.isClean)
        #expect(report.problems.count == 1, "\(report.problems)")
        #expect(report.problems.first?.message.contains(Self.deviceB) == true)
        #expect(report.problems.first?.file == "devices/\(Self.deviceA)/\(Self.first)")
    }

    @Test("a Syncthing conflict copy is listed as a warning and never read as a segment")
    func syncConflictCopy() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: Self.deviceA)
        let e1 = try device.event(seq: 1, hlc: hlc(1))
        let e2 = try device.event(seq: 2, hlc: hlc(2))
        let e3 = try device.event(seq: 3, hlc: hlc(3), entity: "only-in-the-copy")
        try device.writeSegment([HandWrittenDevice.member([e1, e2])], named: Self.first, in: journal)
        let conflictName = "0000000000000001.sync-conflict-20261125-101010-ABCDEFG.jsonl.gz"
        try device.writeSegment([HandWrittenDevice.member([e1, e2, e3])], named: conflictName, in: journal)

        let report = try verify(journal)
        #expect(report.isClean)
        #expect(report.segments == 1)
        #expect(report.problems.count == 1, "\(report.problems)")
        let problem = try #require(report.problems.first)
        #expect(problem.severity == .warning)
        #expect(problem.file == "devices/\(Self.deviceA)/\(conflictName)")
        #expect(problem.message.contains("Syncthing"))

        let contents = try LogReader.read(journal.layout)
        #expect(contents.events == [e1.event, e2.event])
        #expect(contents.problems.isEmpty)
        #expect(try LogReader.segmentPaths(journal.layout) == ["devices/\(Self.deviceA)/\(Self.first)"])
    }

    @Test("an event more than 24 h ahead of this machine's clock is flagged, not rejected")
    func clockSkew() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: Self.deviceA)
        let hour: Int64 = 3_600_000
        let e1 = try device.event(seq: 1, hlc: HLC(millis: Self.now + 23 * hour, counter: 0))
        let e2 = try device.event(seq: 2, hlc: HLC(millis: Self.now + 25 * hour, counter: 0))
        let memberOne = try HandWrittenDevice.member([e1])
        try device.writeSegment([memberOne, HandWrittenDevice.member([e2])], named: Self.first, in: journal)
        let report = try verify(journal)
        #expect(report.isClean)
        #expect(report.problems.count == 1, "\(report.problems)")
        #expect(report.problems.first?.severity == .warning)
        #expect(report.problems.first?.offset == memberOne.count)
        #expect(report.problems.first?.message.contains("skew") == true)
        #expect(report.problems.first?.message.contains("25 h") == true)
        #expect(try LogReader.read(journal.layout).events.count == 2, "skewed events are still read")
    }

    @Test("event types a newer limber wrote are a warning once per device and type, and are still read")
    func unknownTypes() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: Self.deviceA)
        let checkin = EventType(rawValue: "checkin.logged")
        let events = [
            try device.event(seq: 1, hlc: hlc(1)),
            try device.event(seq: 2, hlc: hlc(2), body: .unknown, type: checkin),
            try device.event(seq: 3, hlc: hlc(3), body: .unknown, type: checkin),
            try device.event(seq: 4, hlc: hlc(4), body: .unknown, type: EventType(rawValue: "score.recorded")),
        ]
        try device.writeSegment([HandWrittenDevice.member(events)], named: Self.first, in: journal)
        let report = try verify(journal)
        #expect(report.isClean, "a newer limber's events are not damage")
        #expect(report.problems.count == 2, "\(report.problems)")
        #expect(report.problems.allSatisfy { $0.severity == .warning })
        #expect(report.problems.first?.message.contains("\"checkin.logged\" (first at seq 2)") == true)
        #expect(report.problems.last?.message.contains("\"score.recorded\" (first at seq 4)") == true)
        #expect(report.problems.first?.message.contains("newer version") == true)
        #expect(try LogReader.read(journal.layout).events.count == 4, "they stay in the log")
    }

    @Test("a torn tail of the last segment is only a warning")
    func tornTailIsWarning() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        var device = HandWrittenDevice(device: Self.deviceA)
        let e1 = try device.event(seq: 1, hlc: hlc(1))
        let e2 = try device.event(seq: 2, hlc: hlc(2))
        let one = try HandWrittenDevice.member([e1])
        let two = try HandWrittenDevice.member([e2])
        try device.writeSegment([one, Array(two.prefix(two.count - 3))], named: Self.first, in: journal)
        let torn = try verify(journal)
        #expect(torn.isClean)
        #expect(torn.problems.map(\.severity) == [.warning])
        #expect(torn.problems.first?.offset == one.count)
        #expect(try LogReader.read(journal.layout).events == [e1.event])
    }
}
