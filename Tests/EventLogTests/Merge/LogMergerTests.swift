import EventLog
import Foundation
import Testing

@Suite("merging another journal folder (LogMerger)")
struct LogMergerTests {
    private let device = "00000000000000d1"
    private let segment = "0000000000000001.jsonl.gz"

    /// Three one-event members of `device`, chained.
    private func threeMembers() throws -> [[UInt8]] {
        var writer = HandWrittenDevice(device: device)
        return try (1...3).map { seq in
            try HandWrittenDevice.member([
                try writer.event(
                    seq: UInt64(seq), hlc: HLC(millis: 1_790_000_000_000 + Int64(seq), counter: 0),
                    id: "e-\(seq)")
            ])
        }
    }

    /// Runs `body` with a fresh source and target journal, removed afterwards.
    private func withJournals(
        _ body: (_ source: TemporaryJournal, _ target: TemporaryJournal) throws -> Void
    ) throws {
        let (source, target) = (try TemporaryJournal(), try TemporaryJournal())
        defer {
            source.remove()
            target.remove()
        }
        try body(source, target)
    }

    /// Writes members of `threeMembers()` into one segment of each journal (by index).
    private func write(
        _ members: [[UInt8]], source: [Int], target: [Int],
        into journals: (TemporaryJournal, TemporaryJournal)
    ) throws {
        let writer = HandWrittenDevice(device: device)
        try writer.writeSegment(source.map { members[$0] }, named: segment, in: journals.0)
        if !target.isEmpty {
            try writer.writeSegment(target.map { members[$0] }, named: segment, in: journals.1)
        }
    }

    private func plan(_ target: TemporaryJournal, _ source: TemporaryJournal, own: String? = nil)
        throws -> MergePlan
    {
        try LogMerger.plan(into: target.layout, from: source.layout, ownDevice: own)
    }

    @Test("copies the members it lacks byte for byte, into the segment of the same name, once")
    func copiesWhatIsMissing() throws {
        try withJournals { source, target in
            let members = try threeMembers()
            try write(members, source: [0, 1, 2], target: [0], into: (source, target))

            let first = try plan(target, source)
            #expect(first.devices.count == 1)
            #expect(first.devices.first?.refusal == nil)
            #expect(first.events.map(\.seq) == [2, 3])
            try LogMerger.apply(first, into: target.layout)
            let path = "devices/\(device)/\(segment)"
            #expect(try target.bytes(target.path(path)) == source.bytes(source.path(path)))
            #expect(try plan(target, source).devices.isEmpty, "a second merge has nothing to take")
            #expect(try LogVerifier.verify(target.layout).isClean)
        }
    }

    @Test("where a plan says its events and bytes land is where a reader finds them after the copy")
    func planLocatesWhatItCopies() throws {
        try withJournals { source, target in
            let members = try threeMembers()
            try write(members, source: [0, 1, 2], target: [0], into: (source, target))
            let before = try LogReader.read(target.layout)
            let plan = try plan(target, source)
            try LogMerger.apply(plan, into: target.layout)
            let after = try LogReader.read(target.layout, since: before.watermark)
            #expect(after.events == plan.events)
            #expect(after.locations == plan.locations)
            let path = "devices/\(device)/\(segment)"
            #expect(plan.spans == [path: before.watermark[path]!..<after.watermark[path]!])
        }
    }

    @Test("a member still being copied into the other folder has not arrived yet")
    func tornMemberNotYetArrived() throws {
        try withJournals { source, target in
            let members = try threeMembers()
            let writer = HandWrittenDevice(device: device)
            try writer.writeSegment(
                [members[0], members[1], Array(members[2].prefix(members[2].count / 2))],
                named: segment, in: source)
            let plan = try plan(target, source)
            #expect(plan.events.map(\.seq) == [1, 2])
            #expect(plan.devices.first?.refusal == nil, "not an error: the rest arrives later")
        }
    }

    @Test("the same seq with other content is a forked device: nothing more is taken from it")
    func forkedDevice() throws {
        try withJournals { source, target in
            let members = try threeMembers()
            var other = HandWrittenDevice(device: device)
            let first = try other.event(
                seq: 1, hlc: HLC(millis: 1_790_000_000_001, counter: 0), id: "e-1")
            #expect(try HandWrittenDevice.member([first]) == members[0], "the same first event")
            let forked = try other.event(
                seq: 2, hlc: HLC(millis: 1_790_000_000_999, counter: 0), entity: "s-other")
            let third = try other.event(seq: 3, hlc: HLC(millis: 1_790_000_001_000, counter: 0))
            try other.writeSegment(
                [
                    members[0], try HandWrittenDevice.member([forked]),
                    try HandWrittenDevice.member([third]),
                ], named: segment, in: source)
            try HandWrittenDevice(device: device).writeSegment(
                [members[0], members[1]], named: segment, in: target)
            let plan = try plan(target, source)
            #expect(plan.events.isEmpty)
            #expect(plan.devices.first?.refusal?.contains("forked") == true, "\(plan.devices)")
        }
    }

    @Test("a gap in the other folder: everything before it is taken, the rest waits")
    func gap() throws {
        try withJournals { source, target in
            let members = try threeMembers()
            let writer = HandWrittenDevice(device: device)
            try writer.writeSegment([members[0]], named: segment, in: source)
            try writer.writeSegment([members[2]], named: "0000000000000003.jsonl.gz", in: source)
            let plan = try plan(target, source)
            #expect(plan.events.map(\.seq) == [1])
            #expect(plan.devices.first?.refusal?.contains("missing") == true)
        }
    }

    @Test("events of this machine's own device that it never wrote are refused as a fork")
    func ownDeviceAhead() throws {
        try withJournals { source, target in
            let members = try threeMembers()
            try write(members, source: [0, 1, 2], target: [0], into: (source, target))
            let plan = try plan(target, source, own: device)
            #expect(plan.events.isEmpty)
            #expect(plan.devices.first?.refusal?.contains("forked") == true)
        }
    }

    @Test("a member that does not continue the chain is refused")
    func brokenChain() throws {
        try withJournals { source, target in
            var writer = HandWrittenDevice(device: device)
            let one = try writer.event(seq: 1, hlc: HLC(millis: 1_790_000_000_001, counter: 0))
            let two = try writer.event(
                seq: 2, hlc: HLC(millis: 1_790_000_000_002, counter: 0),
                prev: String(repeating: "f", count: 64))
            try writer.writeSegment(
                [try HandWrittenDevice.member([one]), try HandWrittenDevice.member([two])],
                named: segment, in: source)
            let plan = try plan(target, source)
            #expect(plan.events.map(\.seq) == [1])
            #expect(plan.devices.first?.refusal?.contains("chain") == true)
        }
    }
}
