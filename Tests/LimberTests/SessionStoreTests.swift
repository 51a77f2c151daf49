import EventLog
import Foundation
import Interchange
import Reconcile
@testable import Limber
import Testing

@Suite("the session store answers whole-history questions as a fold of the log does")
struct SessionStoreTests {
    /// Every question a command asks of the history, answered by `journal`.
    private func answers(_ journal: Journal) throws -> [String] {
        var lines: [String] = []
        func add(_ name: String, _ sessions: [Session]) {
            lines.append("\(name): " + sessions.map { "\($0.id.prefix(8))@\($0.start.epochSeconds)#\($0.entries.count)" }.joined(separator: " "))
        }
        add("all", try journal.sessions)
        add("last 3", try journal.sessions(matching: SessionFilter(last: 3)))
        add("bird-dog", try journal.sessions(matching: SessionFilter(exercise: "bird-dog")))
        add("bird-dog last 2", try journal.sessions(matching: SessionFilter(exercise: "bird-dog", last: 2)))
        let middle = Facade.start(day: 5).epochSeconds
        add("since day 5", try journal.sessions(matching: SessionFilter(since: middle)))
        add("until day 5", try journal.sessions(matching: SessionFilter(until: middle)))
        add("days 3 to 8", try journal.sessions(matching: SessionFilter(since: Facade.start(day: 3).epochSeconds, until: Facade.start(day: 8).epochSeconds)))
        lines.append("conflicts: \(try journal.conflicts().map(\.id))")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limber-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let count = try journal.export(.csv, to: try ExportOutput(path: path))
        lines.append("export of \(count): " + (try String(contentsOfFile: path, encoding: .utf8)))
        return lines
    }

    @Test("sessions logged on top, amended, deleted and restored merge into the stored ones, in order")
    func onTopOfTheStore() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        var ids: [String] = []
        for day in stride(from: 0, to: 12, by: 2) {
            ids.append(try journal.log(Facade.request(day: day, exercise: day % 4 == 0 ? "bird-dog" : "rockback", side: day % 4 == 0 ? .left : nil)).value.id)
        }
        _ = try folder.coldAndWarm()  // the store now holds them all
        let warm = try Journal.open(at: folder.journalPath, options: Facade.options)
        // On top: sessions between the stored ones, a change to a stored one, a deletion.
        for day in [1, 5, 11, 13] { _ = try warm.log(Facade.request(day: day, exercise: "bird-dog", side: .right)) }
        _ = try warm.amend(ids[1], AmendRequest(start: Facade.start(day: 9, hour: 3), sets: [SetSpec(exercise: "bird-dog", side: .left, sets: Facade.reps(8))]))
        _ = try warm.delete(ids[2])
        _ = try warm.delete(ids[3])
        _ = try warm.restore(ids[3])
        let onTop = try answers(Journal.open(at: folder.journalPath, options: Facade.options))
        let cold = try folder.coldAndWarm()
        #expect(try answers(cold[0]) == onTop)
        #expect(try answers(cold[1]) == onTop, "a store rebuilt from the log answers the same")
        #expect(onTop[0].split(separator: " ").count == 1 + 6 + 4 - 1)
    }

    @Test("a segment replaced by other bytes of the same length or longer is noticed: the store is rebuilt")
    func replacedSegment() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        _ = try folder.makeJournal().log(Facade.request(day: 0))
        // Two versions of this device's log from the same start: the journal is put back to a
        // copy made after the first session (same folder, so the same device), then goes on.
        let fm = FileManager.default
        let copy = folder.url.appendingPathComponent("copy").path
        try fm.copyItem(atPath: folder.journalPath, toPath: copy)
        _ = try Journal.open(at: folder.journalPath, options: Facade.options).log(
            Facade.request(day: 2, exercise: "bird-dog", side: .left, notes: "the other version, which is longer"))
        let devices = folder.journalPath + "/devices"
        let device = try #require(try fm.contentsOfDirectory(atPath: devices).first)
        let theirs = folder.url.appendingPathComponent("theirs").path
        try fm.copyItem(atPath: devices + "/" + device, toPath: theirs)
        try fm.removeItem(atPath: folder.journalPath)
        try fm.moveItem(atPath: copy, toPath: folder.journalPath)
        _ = try Journal.open(at: folder.journalPath, options: Facade.options).log(Facade.request(day: 1, notes: "mine"))
        _ = try folder.coldAndWarm()
        let before = try Journal.open(at: folder.journalPath, options: Facade.options).sessions
        #expect(before.last?.notes == "mine")
        // A sync tool brings the other version of this device's segments (the same names).
        for name in try fm.contentsOfDirectory(atPath: theirs) {
            let mine = devices + "/\(device)/\(name)"
            #expect(try Data(contentsOf: URL(fileURLWithPath: theirs + "/" + name)).count >= Data(contentsOf: URL(fileURLWithPath: mine)).count)
            try fm.removeItem(atPath: mine)
            try fm.copyItem(atPath: theirs + "/" + name, toPath: mine)
        }
        let after = try Journal.open(at: folder.journalPath, options: Facade.options)
        #expect(try after.sessions.last?.notes == "the other version, which is longer")
        try folder.dropCache()
        #expect(try after.sessions == Journal.open(at: folder.journalPath, options: Facade.options).sessions)
    }

    @Test("damaged folded sessions in the store are noticed: the command folds the log instead")
    func damagedStore() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        for day in 0..<4 { _ = try journal.log(Facade.request(day: day, exercise: "bird-dog", side: .left)) }
        _ = try folder.coldAndWarm()
        let expected = try answers(Journal.open(at: folder.journalPath, options: Facade.options))
        let path = folder.journalPath + "/local/cache/snapshot"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // The bodies section: its offset and length are header fields 11 and 12.
        let offset = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 8 + 8 * 11, as: UInt64.self).littleEndian) }
        let length = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 8 + 8 * 12, as: UInt64.self).littleEndian) }
        #expect(length > 0)
        for index in offset..<(offset + length) where index % 3 == 0 { bytes[index] = 0xff }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try answers(Journal.open(at: folder.journalPath, options: Facade.options)) == expected)
        let rebuilt = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(rebuilt != bytes, "the damaged store was replaced")
    }

    @Test("a synced session with values the store's form does not keep is read from its events")
    func foldOnlySession() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        _ = try journal.log(Facade.request(day: 0))
        // Another device wrote reps past every limit; the fold keeps what it wrote.
        let odd = Session(
            id: Session.newID(), start: Facade.start(day: 1),
            entries: [Entry(exercise: "rockback", sets: [ExerciseSet(reps: 123_456)])])
        let writer = try LogWriter(
            layout: JournalLayout(root: folder.journalPath), lockTimeout: 2,
            environment: ["LIMBER_MACHINE_ID": "other-machine"])
        _ = try writer.append([NewEvent(entity: odd.id, body: .sessionLogged(odd))])
        for journal in try folder.coldAndWarm() {
            #expect(try journal.sessions.last == odd)
            #expect(try journal.session(odd.id) == odd)
            #expect(try journal.sessions(matching: SessionFilter(exercise: "rockback")).count == 2)
        }
    }
}
