import Foundation
import Testing

/// Issue #10, item 5: every change can be seen (local time, device name, old → new) and
/// undone, as new events that sync.
@Suite("history and undo")
struct HistoryAndUndoTests {
    @Test("show --history: local time, device name, and each field old → new")
    func historyShowsChanges() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let berlin = ["TZ": "Europe/Berlin"]
        let logged = try sandbox.limber(
            ["log", "--set", "bird-dog:left=12,12", "--note", "first", "--pain-after", "4"],
            environment: berlin)
        let id = logged.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try sandbox.limber("amend", id, "--note", "", "--pain-after", "3").exitCode == 0)
        let history = try sandbox.limber(["show", id, "--history"], environment: berlin)
        #expect(history.exitCode == 0, "\(history)")
        let lines = history.stdoutLines
        let heading = try #require(lines.first)
        #expect(heading.contains("  logged  on "), "\(history)")
        let devices = try sandbox.limber("devices", "--json").jsonArray()
        let name = try #require(devices.first?["name"] as? String)
        #expect(heading.contains("on \(name) ("), "the device's name: \(heading)")
        // The event's time on this machine's clock (Berlin is UTC+1 in winter).
        let json = try sandbox.limber(["show", id, "--history", "--json"], environment: berlin).jsonArray()
        let time = try #require(json.first?["time"] as? String)
        let hlc = try #require(json.first?["hlc"] as? String)
        #expect(!heading.contains(hlc), "no raw clock stamp: \(heading)")
        #expect(time.hasSuffix("+01:00") || time.hasSuffix("+02:00"), "\(time)")
        #expect(heading.hasPrefix(String(time.prefix(10)) + " " + String(time.dropFirst(11).prefix(5))))
        #expect(lines.contains("    notes: \"first\" → (none)"), "\(history)")
        #expect(lines.contains("    pain after: 4 → 3"), "\(history)")
        #expect(lines.contains("    Bird dog (left): 12,12"), "what the logging recorded: \(history)")
    }

    @Test("undo steps back through the changes, as new events; --revert of an undo redoes it")
    func undoSteps() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10", "--note", "keep me", "--pain-after", "4")
        #expect(try sandbox.limber("amend", id, "--note", "").exitCode == 0)
        #expect(try sandbox.limber("amend", id, "--pain-after", "3").exitCode == 0)
        let first = try sandbox.limber("undo", String(id.prefix(6)))
        #expect(first.exitCode == 0, "\(first)")
        #expect(first.stdout.contains("undid amended"), "\(first)")
        #expect(first.stdout.contains("pain after: 3 → 4"), "\(first)")
        let second = try sandbox.limber("undo", id)
        #expect(second.stdout.contains("notes: (none) → \"keep me\""), "the step before: \(second)")
        var session = try sandbox.limber("show", id, "--json").decode(SessionJSON.self)
        #expect(session.notes == "keep me" && session.painAfter == 4)
        let history = try sandbox.limber("show", id, "--history")
        #expect(history.stdoutLines.filter { $0.contains("(undone)") }.count == 2, "\(history)")
        #expect(history.stdout.contains("undo of amended"), "\(history)")
        // Redo the first undo: the pain change is back, and undo takes it first again.
        let items = try sandbox.limber("show", id, "--history", "--json").jsonArray()
        let undoOfPain = try #require(items.first { ($0["label"] as? String)?.hasPrefix("undo of") == true }?["shortID"] as? String)
        let redo = try sandbox.limber("amend", id, "--revert", String(undoOfPain.prefix(4)))
        #expect(redo.exitCode == 0, "a prefix of the short id: \(redo)")
        #expect(redo.stdout.hasPrefix("redid amended "), "\(redo)")
        let twice = try sandbox.limber("amend", id, "--revert", undoOfPain)
        #expect(twice.exitCode == 1, "\(twice)")
        #expect(twice.stderr.contains("is undone already"), "\(twice)")
        #expect(try sandbox.limber("show", id, "--history").stdout.contains("redo of amended"))
        session = try sandbox.limber("show", id, "--json").decode(SessionJSON.self)
        #expect(session.painAfter == 3 && session.notes == "keep me")
        let again = try sandbox.limber("undo", id)
        #expect(again.stdout.contains("pain after: 3 → 4"), "\(again)")
        let types = try sandbox.limber("show", id, "--history", "--json").jsonArray()
            .compactMap { $0["type"] as? String }
        #expect(types == ["session.logged", "session.amended", "session.amended"] + Array(repeating: "conflict.resolved", count: 4))
        #expect(try sandbox.limber("conflicts").exitCode == 0, "an undo is no conflict")
        #expect(try sandbox.limber("verify").exitCode == 0)
    }

    @Test("undo of a deletion restores; undo of the logging deletes (and restore brings it back)")
    func undoDeleteAndLogging() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10")
        #expect(try sandbox.limber("delete", id).exitCode == 0)
        #expect(try sandbox.limber("undo", id).exitCode == 0)
        #expect(try sandbox.limber("list", "--json").jsonArray().count == 1, "restored")
        let fresh = try sandbox.logSession("--set", "bird-dog:left=5")
        let undo = try sandbox.limber("undo", fresh)
        #expect(undo.stdout.contains("undid logged"), "\(undo)")
        #expect(try sandbox.limber("list", "--json").jsonArray().count == 1, "the new one is deleted")
        #expect(try sandbox.limber("restore", fresh).exitCode == 0)
    }

    @Test("amend --revert EVENT reverts a chosen change; one changed again later is refused")
    func revertChosen() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10", "--pain-before", "6")
        #expect(try sandbox.limber("amend", id, "--pain-before", "5", "--note", "n").exitCode == 0)
        #expect(try sandbox.limber("amend", id, "--pain-before", "4").exitCode == 0)
        let events = try sandbox.limber("show", id, "--history", "--json").jsonArray()
        let first = try #require(events[1]["shortID"] as? String)
        let before = try snapshot(sandbox.journal, ignoringCache: true)
        let refused = try sandbox.limber("amend", id, "--revert", first)
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderrLines.first?.contains("pain before changed again after it") == true, "\(refused)")
        try expectUnchanged(sandbox.journal, since: before, ignoringCache: true)
        let latest = try #require(events[2]["shortID"] as? String)
        #expect(try sandbox.limber("amend", id, "--revert", latest).exitCode == 0)
        let thenFirst = try sandbox.limber("amend", id, "--revert", first)
        #expect(thenFirst.exitCode == 0, "\(thenFirst)")
        let session = try sandbox.limber("show", id, "--json").decode(SessionJSON.self)
        #expect(session.painBefore == 6)
        #expect(session.notes == nil)
        let unknown = try sandbox.limber("amend", id, "--revert", "ffffffff")
        #expect(unknown.exitCode == 2, "\(unknown)")
        #expect(unknown.stderr.contains("--history"), "\(unknown)")
    }

    @Test("an undo made on one machine reaches the other with a merge")
    func undoSyncs() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10", "--pain-after", "5")
        let other = sandbox.root + "/desktop"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: other)
        #expect(try sandbox.limber("amend", id, "--pain-after", "2").exitCode == 0)
        #expect(try sandbox.limber("undo", id).exitCode == 0)
        let desktop = ["LIMBER_MACHINE_ID": "desktop"]
        #expect(try sandbox.limber(["merge", sandbox.journal], journal: other, environment: desktop).exitCode == 0)
        let there = try sandbox.limber(["show", id, "--json"], journal: other, environment: desktop)
        #expect(try there.decode(SessionJSON.self).painAfter == 5)
    }
}
