import EventLog
import Foundation
import Reconcile
@testable import Limber
import Testing

@Suite("the snapshot in local/cache")
struct SnapshotTests {
    /// Logs `count` sessions a day apart and returns them, oldest first.
    private func logDays(_ journal: Journal, _ count: Int) throws -> [Session] {
        try (0..<count).map { day in
            try journal.log(LogRequest(
                start: LocalTimestamp(epochSeconds: 1_790_000_000 + Int64(day) * 86_400, utcOffsetSeconds: 3600),
                sets: [SetSpec(exercise: "rockback", sets: Facade.reps(10 + day))])).value
        }
    }

    @Test("a warm open shows, amends, deletes and restores sessions that live only in the snapshot")
    func writesThroughTheSnapshot() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let logged = try logDays(try folder.makeJournal(), 5)
        // A cold open writes the snapshot; every open after it is warm.
        _ = try Journal.open(at: folder.journalPath, options: Facade.options)
        let snapshot = folder.journalPath + "/local/cache/snapshot"
        #expect(FileManager.default.fileExists(atPath: snapshot))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: snapshot)[.size] as? Int)
        #expect(size < 4096, "the snapshot points into the log, it does not copy it (\(size) bytes)")

        let warm = try Journal.open(at: folder.journalPath, options: Facade.options)
        #expect(try warm.sessions == logged)
        #expect(try warm.sessions(matching: SessionFilter(last: 2)) == Array(logged.suffix(2)))
        let first = logged[0]
        #expect(try warm.session(String(first.id.prefix(8))) == first)

        let amended = try warm.amend(first.id, AmendRequest(painAfter: PainScore(rawValue: 2)))
        #expect(amended.value.painAfter == PainScore(rawValue: 2))
        #expect(amended.value.entries == first.entries, "the rest of the session came from the log")
        _ = try Journal.open(at: folder.journalPath, options: Facade.options).delete(logged[1].id)
        let after = try Journal.open(at: folder.journalPath, options: Facade.options)
        #expect(try after.sessions.map(\.id) == [logged[0].id] + logged[2...].map(\.id))
        #expect(after.isDeleted(logged[1].id))
        _ = try after.restore(logged[1].id)

        // The same state with the snapshot deleted (a cold open folds the log).
        try FileManager.default.removeItem(atPath: folder.journalPath + "/local/cache")
        let cold = try Journal.open(at: folder.journalPath, options: Facade.options)
        var expected = logged
        expected[0] = amended.value
        #expect(try cold.sessions == expected)
    }

    @Test("many events on top of the snapshot: it is rewritten incrementally and still agrees with the log")
    func incrementalRewrite() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        var logged = try logDays(journal, 3)
        _ = try Journal.open(at: folder.journalPath, options: Facade.options)  // writes the snapshot
        let writer = try Journal.open(at: folder.journalPath, options: Facade.options)
        for day in 3..<(3 + SessionStore.rebuildThreshold + 5) {
            logged.append(
                try writer.log(LogRequest(
                    start: LocalTimestamp(epochSeconds: 1_790_000_000 + Int64(day) * 86_400, utcOffsetSeconds: 0),
                    sets: [SetSpec(exercise: "bird-dog", side: .left, sets: Facade.reps(day))])).value)
        }
        _ = try writer.amend(logged[0].id, AmendRequest(painAfter: PainScore(rawValue: 1)))
        logged[0].painAfter = PainScore(rawValue: 1)
        let snapshot = folder.journalPath + "/local/cache/snapshot"
        let before = try FileManager.default.attributesOfItem(atPath: snapshot)[.modificationDate] as? Date
        let rewriting = try Journal.open(at: folder.journalPath, options: Facade.options)
        #expect(try rewriting.sessions == logged)
        let after = try FileManager.default.attributesOfItem(atPath: snapshot)[.modificationDate] as? Date
        #expect(before != after, "the snapshot was rewritten")
        let warm = try Journal.open(at: folder.journalPath, options: Facade.options)
        #expect(warm.store.eventsSinceSnapshot == 0, "the new snapshot covers every event")
        #expect(try warm.sessions == logged)
        #expect(try warm.session(String(logged[0].id.prefix(10))) == logged[0])
        try FileManager.default.removeItem(atPath: folder.journalPath + "/local/cache")
        #expect(try Journal.open(at: folder.journalPath, options: Facade.options).sessions == logged)
    }

    /// How the journal stands when an import begins.
    enum ImportBase: CaseIterable, CustomTestStringConvertible {
        /// No sessions: the import follows a cold open, which wrote a snapshot.
        case empty
        /// Sessions and a snapshot of them: a warm open.
        case warm
        /// The importing process logged a session first, which the snapshot cannot point at:
        /// the import folds its sessions into the state instead of writing them straight into
        /// the snapshot.
        case loggedFirst

        var testDescription: String { "\(self)" }
    }

    @Test("an import leaves the snapshot current, reads the same at once, after a reopen and cold", arguments: ImportBase.allCases)
    func importLeavesTheSnapshot(base: ImportBase) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        var logged = try logDays(journal, base == .empty ? 0 : 3)
        // With sessions, a snapshot to import on top of (a warm open); without, a cold open.
        if base != .empty { _ = try Journal.open(at: folder.journalPath, options: Facade.options) }
        // Enough for several members, so the commit is a staged segment of its own.
        var imported = (0..<1_000).map { index in
            Session(
                id: UUID().uuidString.lowercased(),
                start: LocalTimestamp(epochSeconds: 1_700_000_000 + Int64(index) * 3_600, utcOffsetSeconds: 0),
                entries: [Entry(exercise: "rockback", sets: Facade.reps(index % 20 + 1))])
        }
        // An exercise entered twice is one entry once folded, as a cold open folds it.
        imported[7].entries.append(Entry(exercise: "rockback", sets: Facade.reps(2)))
        let body = try imported.map { String(decoding: try JSONCoding.encoder().encode($0), as: UTF8.self) }
        let path = folder.url.appendingPathComponent("export.json").path
        try Data(("{\"format\":\"limber.export\",\"sessions\":[" + body.joined(separator: ",") + "]}").utf8)
            .write(to: URL(fileURLWithPath: path))
        let importing = try Journal.open(at: folder.journalPath, options: Facade.options)
        if base == .loggedFirst { logged.append(try importing.log(Facade.request(day: 40)).value) }
        let snapshot = URL(fileURLWithPath: folder.journalPath + "/local/cache/snapshot")
        let before = try Data(contentsOf: snapshot)
        #expect(try importing.importFile(path).value.newSessions == 1_000)
        let written = try Data(contentsOf: snapshot)
        // After a write it cannot point at, the import leaves the snapshot to the next open.
        #expect((written.count > before.count) == (base != .loggedFirst), "the import rewrote the snapshot")
        let expected = (logged + imported).sorted { ($0.start.epochSeconds, $0.id) < ($1.start.epochSeconds, $1.id) }.map(\.id)
        #expect(try importing.sessions.map(\.id) == expected, "the importing process reads what it wrote")
        // New sessions go from the file into the snapshot, not the state (bounded memory).
        #expect((importing.store.state.records.count < 100) == (base != .loggedFirst), "\(importing.store.state.records.count)")

        let next = try Journal.open(at: folder.journalPath, options: Facade.options)
        #expect(next.store.eventsSinceSnapshot == 0, "the snapshot covers the import")
        if base != .loggedFirst {
            #expect(try Data(contentsOf: snapshot) == written, "the next open had nothing to add to it")
        }
        #expect(try next.sessions.map(\.id) == expected)
        #expect(try next.session(imported[150].id).entries == imported[150].entries)
        #expect(try next.session(imported[7].id).entries.count == 1)
        #expect(try importing.sessions == next.sessions)
        try folder.dropCache()
        #expect(try Journal.open(at: folder.journalPath, options: Facade.options).sessions == next.sessions)
    }

    @Test("a merge leaves the store current: the next open reads nothing again")
    func mergeLeavesTheStore() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        _ = try logDays(try folder.makeJournal(), 2)
        let other = folder.url.appendingPathComponent("other").path
        try FileManager.default.copyItem(atPath: folder.journalPath, toPath: other)
        // The copy writes as a second device (another folder): 100 sessions to bring back.
        let copy = try Journal.open(at: other, options: Facade.options)
        for day in 10..<110 { _ = try copy.log(Facade.request(day: day)) }
        _ = try Journal.open(at: folder.journalPath, options: Facade.options)  // the snapshot
        let merging = try Journal.open(at: folder.journalPath, options: Facade.options)
        let snapshot = URL(fileURLWithPath: folder.journalPath + "/local/cache/snapshot")
        let before = try Data(contentsOf: snapshot)
        _ = try merging.merge(from: other, dryRun: false)
        let written = try Data(contentsOf: snapshot)
        #expect(written != before, "the merge rewrote the snapshot")
        // Taken from the plan (or read), the store has each segment exactly to its end and
        // every session the merge brought.
        for (file, size) in merging.store.watermark {
            #expect(FileSystem.fileSize(folder.journalPath + "/" + file).map { Int($0) } == size, "\(file)")
        }
        #expect(try merging.sessions.count == 102)
        let next = try Journal.open(at: folder.journalPath, options: Facade.options)
        #expect(next.store.eventsSinceSnapshot == 0, "the snapshot covers what the merge brought")
        #expect(try Data(contentsOf: snapshot) == written, "the next open had nothing to add to it")
        #expect(try next.sessions.count == 102)
        try folder.dropCache()
        #expect(try Journal.open(at: folder.journalPath, options: Facade.options).sessions == next.sessions)
    }

    @Test("a snapshot that points at the wrong bytes is noticed and the log is folded again")
    func staleSnapshotFallsBack() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let logged = try logDays(try folder.makeJournal(), 3)
        _ = try Journal.open(at: folder.journalPath, options: Facade.options)
        // Recompress the same events into a segment of the same name whose members sit at other
        // offsets (as if another copy of the file arrived): the refs no longer match.
        let devices = folder.journalPath + "/devices"
        let device = try #require(try FileManager.default.contentsOfDirectory(atPath: devices).first)
        let segment = devices + "/" + device + "/0000000000000001.jsonl.gz"
        let lines = try Self.zcat(segment)
        #expect(lines.count > 0)
        // One member instead of three: the snapshot's member offsets point into the middle of it.
        try Data(try GzipMember.encode(payload: Array(lines), firstSeq: 1, count: UInt32(lines.filter { $0 == 10 }.count), level: 9))
            .write(to: URL(fileURLWithPath: segment))
        let reopened = try Journal.open(at: folder.journalPath, options: Facade.options)
        #expect(try reopened.sessions == logged)
    }

    private static func zcat(_ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zcat")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}

@Suite("notes")
struct NoteTests {
    @Test("an empty note is no note: logging stores none, amending one that has none changes nothing")
    func emptyNote() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        let logged = try journal.log(LogRequest(notes: "", sets: [SetSpec(exercise: "rockback", sets: Facade.reps(10))]))
        #expect(logged.value.notes == nil)
        let amended = try journal.amend(logged.value.id, AmendRequest(notes: ""))
        #expect(!amended.changed)
        let noted = try journal.amend(logged.value.id, AmendRequest(notes: "tight"))
        #expect(noted.value.notes == "tight")
        let cleared = try journal.amend(logged.value.id, AmendRequest(notes: ""))
        #expect(cleared.changed && cleared.value.notes == nil)
    }
}
