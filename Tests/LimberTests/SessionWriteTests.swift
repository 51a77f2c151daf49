import EventLog
import Foundation
import Limber
import Testing

@Suite("logging, amending, deleting and restoring through the facade")
struct SessionWriteTests {
    @Test("each write gives the exact session, and a reopened journal shows the same")
    func logAmendDeleteRestore() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        let start = Facade.start()
        let stopped = ExerciseSet(reps: 10, stoppedForPain: true)

        // log
        let logged = try journal.log(LogRequest(
            start: start, durationSeconds: 1500, painBefore: PainScore(rawValue: 5), painAfter: PainScore(rawValue: 3),
            notes: "felt ok",
            sets: [
                SetSpec(exercise: "bird dogs", side: .left, sets: [ExerciseSet(reps: 12), stopped]),
                SetSpec(exercise: "Rockbacks", sets: Facade.reps(10, 10)),
            ]))
        let id = logged.value.id
        #expect(Session.isValidID(id))
        #expect(Array(id)[14] == "4", "session ids are random (v4), so short prefixes are unique")
        let expected = Session(
            id: id, start: start, durationSeconds: 1500, routine: nil, painBefore: PainScore(rawValue: 5),
            painAfter: PainScore(rawValue: 3), notes: "felt ok",
            entries: [
                Entry(exercise: "bird-dog", side: .left, notes: nil, sets: [ExerciseSet(reps: 12), stopped]),
                Entry(exercise: "rockback", side: nil, notes: nil, sets: Facade.reps(10, 10)),
            ])
        #expect(logged.value == expected)
        #expect(logged.changed)
        #expect(logged.notices.isEmpty)
        #expect(try journal.sessions == [expected])
        #expect(try Journal.open(at: folder.journalPath, options: Facade.options).sessions == [expected])

        // amend: change, clear, add and remove
        let amended = try journal.amend(String(id.prefix(6)), AmendRequest(
            painAfter: PainScore(rawValue: 2), notes: "",
            sets: [SetSpec(exercise: "bird-dog", side: .right, sets: Facade.reps(12))], removeEntries: ["rockback"]))
        var expectedAmended = expected
        expectedAmended.painAfter = PainScore(rawValue: 2)
        expectedAmended.notes = nil
        expectedAmended.entries = [
            Entry(exercise: "bird-dog", side: .left, sets: [ExerciseSet(reps: 12), stopped]),
            Entry(exercise: "bird-dog", side: .right, sets: Facade.reps(12)),
        ]
        #expect(amended.value == expectedAmended)
        #expect(amended.changed)
        #expect(try journal.sessions == [expectedAmended])

        // amend with the values it already has: nothing written
        let before = try folder.snapshot()
        let same = try journal.amend(id, AmendRequest(painAfter: PainScore(rawValue: 2), sets: [SetSpec(exercise: "bird-dog", side: .right, sets: Facade.reps(12))]))
        #expect(!same.changed)
        #expect(same.value == expectedAmended)
        #expect(same.notices.contains { $0.kind == .info })
        #expect(try folder.snapshot() == before, "an amendment that changes nothing writes nothing")

        // delete
        let deleted = try journal.delete(String(id.prefix(8)))
        #expect(deleted.value == expectedAmended)
        #expect(try journal.sessions.isEmpty)
        #expect(journal.isDeleted(id))
        #expect(try journal.session(id, includeDeleted: true) == expectedAmended)
        #expect(limberError { _ = try journal.session(id) } == .sessionDeleted(id))
        #expect(limberError { _ = try journal.delete(id) } == .sessionDeleted(id))
        #expect(limberError { _ = try journal.amend(id, AmendRequest(notes: "x")) } == .sessionDeleted(id))
        for reopened in try [Journal.open(at: folder.journalPath, options: Facade.options)] + folder.coldAndWarm() {
            #expect(try reopened.sessions.isEmpty)
            #expect(reopened.isDeleted(id))
            #expect(try reopened.session(String(id.prefix(8)), includeDeleted: true) == expectedAmended)
            #expect(try reopened.resolveSessionID(String(id.prefix(8))) == id, "a deleted session can still be named")
        }

        // restore
        let restored = try journal.restore(id)
        #expect(restored.value == expectedAmended)
        #expect(try journal.sessions == [expectedAmended])
        #expect(!journal.isDeleted(id))
        #expect(limberError { _ = try journal.restore(id) } == .sessionNotDeleted(id))

        for again in try folder.coldAndWarm() {
            #expect(try again.sessions == [expectedAmended])
            #expect(!again.isDeleted(id))
        }
        let reopened = try Journal.open(at: folder.journalPath, options: Facade.options)
        #expect(try reopened.sessions == [expectedAmended])
        #expect(try reopened.history(of: id).map(\.type) == ["session.logged", "session.amended", "session.deleted", "session.restored"])
        #expect(try reopened.history(of: id)[1].changes.map(\.field) == ["entry:bird-dog:right", "entry:rockback", "notes", "painAfter"])
        let report = try Journal.verify(at: folder.journalPath)
        #expect(report.clean)
        #expect(report.problems.isEmpty)
        #expect(report.events == 5, "4 writes and the device.named of its first commit")
    }

    @Test("a session without exercises is refused")
    func emptySession() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        #expect(limberError { _ = try journal.log(LogRequest(start: Facade.start())) } == .emptySession)
        #expect(limberError { _ = try journal.amend("abc", AmendRequest()) } == .nothingToChange)
    }
}

/// The kind of the `LimberError` that `body` throws, or `nil`.
func limberError(_ body: () throws -> Void) -> LimberError.Kind? {
    do {
        try body()
        return nil
    } catch let error as LimberError {
        return error.kind
    } catch {
        Issue.record("expected a LimberError, got \(error)")
        return nil
    }
}
