import Foundation
import Testing

@Suite("amend, delete and restore")
struct AmendAndDeleteTests {
    @Test("amend changes just the fields it is given")
    func amendChangesOnlyThose() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession(
            "--set", "rockback=10,10", "--set", "bird-dog:left=12,12,10!", "--pain-before", "6",
            "--pain-after", "5", "--note", "before", "--duration", "25m",
            "--at", "2026-11-24T07:30:00+01:00")
        let before = try sandbox.limber("show", id, "--json").decode(SessionJSON.self)

        let result = try sandbox.limber(
            "amend", String(id.prefix(8)), "--pain-after", "3", "--note", "x", "--set", "rockback=8"
        )
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains(id), "\(result)")

        let after = try sandbox.limber("show", id, "--json").decode(SessionJSON.self)
        var expected = before
        expected.painAfter = 3
        expected.notes = "x"
        expected.entries = before.entries.map { entry in
            guard entry.exercise == "rockback" else { return entry }
            var changed = entry
            changed.sets = [.init(kind: "normal", reps: 8, stoppedForPain: false)]
            return changed
        }
        #expect(after == expected)
        #expect(after.painBefore == 6)
        #expect(after.start == "2026-11-24T07:30:00+01:00")
        #expect(after.durationSeconds == 1500)
        #expect(after.entries(of: "bird-dog").first?.sets.map(\.reps) == [12, 12, 10])
        // list agrees with show.
        let listed = try sandbox.limber("list", "--json").decode([SessionJSON].self)
        #expect(listed.first == after)
    }

    @Test("amend without any option is a usage error and writes nothing")
    func amendWithoutOptions() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10")
        let before = try snapshot(sandbox.journal)
        let result = try sandbox.limber("amend", String(id.prefix(8)))
        #expect(result.exitCode == 2, "\(result)")
        #expect(!result.stderr.isEmpty)
        try expectUnchanged(sandbox.journal, since: before)
    }

    @Test("delete hides a session from list; show still shows it, deleted; restore brings it back")
    func deleteAndRestore() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let kept = try sandbox.logSession("--set", "rockback=10", "--at", "2026-11-20 07:00")
        let id = try sandbox.logSession("--set", "rockback=11", "--at", "2026-11-21 07:00")

        let deleted = try sandbox.limber("delete", String(id.prefix(8)))
        #expect(deleted.exitCode == 0, "\(deleted)")
        #expect(try sandbox.limber("list", "--json").decode([SessionJSON].self).map(\.id) == [kept])
        #expect(!(try sandbox.limber("list").stdout.contains(String(id.prefix(8)))))

        let shown = try sandbox.limber("show", String(id.prefix(8)))
        #expect(shown.exitCode == 0, "\(shown)")
        #expect(shown.stdout.contains(id), "\(shown)")
        #expect(shown.stdout.lowercased().contains("deleted"), "\(shown)")
        let shownJSON = try sandbox.limber("show", String(id.prefix(8)), "--json")
        #expect(try shownJSON.decode(SessionJSON.self).deleted == true, "\(shownJSON)")

        let restored = try sandbox.limber("restore", String(id.prefix(8)))
        #expect(restored.exitCode == 0, "\(restored)")
        #expect(
            try sandbox.limber("list", "--json").decode([SessionJSON].self).map(\.id) == [kept, id])
        let again = try sandbox.limber("show", id, "--json").decode(SessionJSON.self)
        #expect(again.deleted != true)
        #expect(again.entries.first?.sets.first?.reps == 11)

        let history = try sandbox.limber("show", id, "--history", "--json").decode(
            [HistoryJSON].self)
        #expect(history.map(\.type) == ["session.logged", "session.deleted", "session.restored"])
    }

    @Test("deleting twice is an error and writes nothing; so is restoring a live session")
    func deleteTwice() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10")
        #expect(try sandbox.limber("delete", id).exitCode == 0)
        var before = try snapshot(sandbox.journal)
        let twice = try sandbox.limber("delete", id)
        #expect(twice.exitCode == 1, "\(twice)")
        #expect(twice.stderr.contains(id), "\(twice)")
        #expect(twice.stderrLines.contains { $0.hasPrefix("hint:") }, "\(twice)")
        try expectUnchanged(sandbox.journal, since: before)

        #expect(try sandbox.limber("restore", id).exitCode == 0)
        before = try snapshot(sandbox.journal)
        let restoreLive = try sandbox.limber("restore", id)
        #expect(restoreLive.exitCode == 1, "\(restoreLive)")
        try expectUnchanged(sandbox.journal, since: before)
    }

    @Test("a deleted session cannot be amended")
    func amendDeleted() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10")
        #expect(try sandbox.limber("delete", id).exitCode == 0)
        let before = try snapshot(sandbox.journal)
        let result = try sandbox.limber("amend", id, "--note", "x")
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.contains("restore"), "\(result)")
        try expectUnchanged(sandbox.journal, since: before)
    }
}
