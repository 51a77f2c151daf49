import EventLog
import Foundation
import Limber
import Testing

@Suite("a failed write changes nothing")
struct UnchangedOnErrorTests {
    /// Runs `body`, which must throw, and checks that no file or folder changed (but the lock).
    private func expectUnchanged(
        _ folder: TestFolder, _ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) throws {
        let before = try folder.snapshot()
        #expect(throws: (any Error).self, "\(what)", sourceLocation: sourceLocation) { try body() }
        let after = try folder.snapshot()
        let changed = Set(after.keys).union(before.keys).filter { after[$0] != before[$0] }.sorted()
        #expect(changed.isEmpty, "\(what) changed \(changed)", sourceLocation: sourceLocation)
    }

    @Test("refused logs, amendments, deletions and definitions leave every file as it was")
    func refusedWrites() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        let session = try journal.log(Facade.request(day: 0, exercise: "bird-dog", side: .left)).value
        let deleted = try journal.log(Facade.request(day: 1)).value
        _ = try journal.delete(deleted.id)

        try expectUnchanged(folder, "unknown exercise") { _ = try journal.log(Facade.request(exercise: "no-such-move")) }
        try expectUnchanged(folder, "unknown routine") { _ = try journal.log(LogRequest(start: Facade.start(), routine: "yoga-flow")) }
        try expectUnchanged(folder, "empty session") { _ = try journal.log(LogRequest(start: Facade.start())) }
        try expectUnchanged(folder, "unknown session") { _ = try journal.amend("zz", AmendRequest(notes: "x")) }
        try expectUnchanged(folder, "nothing to change") { _ = try journal.amend(session.id, AmendRequest()) }
        try expectUnchanged(folder, "removing an entry it does not have") {
            _ = try journal.amend(session.id, AmendRequest(removeEntries: ["rockback"]))
        }
        try expectUnchanged(folder, "amending with an unknown exercise") {
            _ = try journal.amend(session.id, AmendRequest(notes: "new", sets: [SetSpec(exercise: "no-such-move", sets: Facade.reps(1))]))
        }
        try expectUnchanged(folder, "amending a deleted session") { _ = try journal.amend(deleted.id, AmendRequest(notes: "x")) }
        try expectUnchanged(folder, "restoring a visible session") { _ = try journal.restore(session.id) }
        try expectUnchanged(folder, "deleting a deleted session") { _ = try journal.delete(deleted.id) }
        try expectUnchanged(folder, "removing a condition not in the profile") {
            _ = try journal.updateProfile(adding: [], removing: ["knee pain"])
        }
        try expectUnchanged(folder, "redefining a built-in exercise") {
            _ = try journal.addExercise(name: "Bird dog", perSide: true, measure: .reps, notes: nil)
        }
        #expect(try journal.sessions.map(\.id) == [session.id])
    }

    @Test("a write that cannot get the lock changes nothing")
    func lockedWrite() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        _ = try folder.makeJournal().log(Facade.request())
        let impatient = try Journal.open(at: folder.journalPath, options: Journal.Options(lockTimeout: 0.2, environment: Facade.environment))
        let holder = try LogWriter(layout: JournalLayout(root: folder.journalPath), lockTimeout: 1, environment: Facade.environment)
        try expectUnchanged(folder, "locked") { _ = try impatient.log(Facade.request(day: 1)) }
        withExtendedLifetime(holder) {}
        #expect(try impatient.sessions.count == 1)
    }

    @Test("a refused first write on a new journal creates nothing either")
    func refusedFirstWrite() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        try expectUnchanged(folder, "unknown exercise as the first write") {
            _ = try journal.log(Facade.request(exercise: "no-such-move"))
        }
        try expectUnchanged(folder, "empty session as the first write") { _ = try journal.log(LogRequest(start: Facade.start())) }
    }
}
