import Foundation
import Testing

@Suite("conflicts across devices")
struct ConflictCommandTests {
    @Test("concurrent edits on two machines: listed on both after merging, resolved once, gone on both")
    func reviewAndResolve() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10", "--pain-after", "5")
        let laptop = sandbox.journal
        let desktop = sandbox.root + "/desktop"
        try FileManager.default.copyItem(atPath: laptop, toPath: desktop)
        let onDesktop = ["LIMBER_MACHINE_ID": "desktop"]
        #expect(try sandbox.limber("amend", id, "--pain-after", "3").exitCode == 0)
        #expect(try sandbox.limber(["amend", id, "--pain-after", "7", "--note", "from the desktop"], journal: desktop, environment: onDesktop).exitCode == 0)
        #expect(try sandbox.limber(["conflicts"]).exitCode == 0, "no conflict before merging")

        let preview = try sandbox.limber("merge", desktop, "--dry-run")
        #expect(
            preview.stdout.contains(
                "1 new conflict(s) would come in: review them with `limber conflicts review`"),
            "\(preview)")
        #expect(try sandbox.limber(["merge", desktop]).exitCode == 0)
        #expect(try sandbox.limber(["merge", laptop], journal: desktop, environment: onDesktop).exitCode == 0)
        let onLaptop = try sandbox.limber("conflicts", "--json")
        #expect(onLaptop.exitCode == 3, "conflicts found: exit 3 (\(onLaptop))")
        let listed = try onLaptop.jsonArray()
        #expect(listed.count == 1, "the note merged without a conflict: \(listed)")
        let conflictID = try #require(listed.first?["id"] as? String)
        #expect(listed.first?["field"] as? String == "painAfter")
        let onDesktopList = try sandbox.limber(["conflicts", "--json"], journal: desktop, environment: onDesktop)
        #expect(try onDesktopList.jsonArray().first?["id"] as? String == conflictID, "the same id on every device")
        let listing = try sandbox.limber("list", "--json").jsonArray()
        #expect(listing.first?["conflicted"] as? Bool == true)

        let resolved = try sandbox.limber("conflicts", "resolve", String(conflictID.prefix(6)), "--take", "mine")
        #expect(resolved.exitCode == 0, "\(resolved)")
        #expect(try sandbox.limber("conflicts").exitCode == 0)
        #expect(try sandbox.limber(["merge", laptop], journal: desktop, environment: onDesktop).exitCode == 0)
        #expect(try sandbox.limber(["conflicts"], journal: desktop, environment: onDesktop).exitCode == 0, "gone there too")
        let shown = try sandbox.limber("show", id, "--json").jsonObject()
        #expect(shown["painAfter"] as? Int == 3)
        #expect(shown["notes"] as? String == "from the desktop")
        #expect(try sandbox.limber(["show", id, "--json"], journal: desktop, environment: onDesktop).stdout == sandbox.limber("show", id, "--json").stdout)
    }

    @Test("--take that names no side is a usage error and changes nothing")
    func badTake() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let result = try sandbox.limber("conflicts", "resolve", "abc", "--take", "mine")
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.contains("no conflict id"), "\(result)")
    }

    @Test("conflicts review on a terminal: choosing side 2 settles it with that value")
    func review() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10", "--pain-after", "5")
        let other = sandbox.root + "/other"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: other)
        #expect(try sandbox.limber("amend", id, "--pain-after", "3").exitCode == 0)
        #expect(try sandbox.limber(["amend", id, "--pain-after", "8"], journal: other, environment: ["LIMBER_MACHINE_ID": "other"]).exitCode == 0)
        #expect(try sandbox.limber("merge", other).exitCode == 0)
        let sides = try #require(try sandbox.limber("conflicts", "--json").jsonArray().first?["sides"] as? [[String: Any]])
        let second = try #require(sides.last?["value"] as? String)
        let command = [LimberBinary.path, "conflicts", "review", "--journal", sandbox.journal]
            .map { "'" + $0 + "'" }.joined(separator: " ")
        let result = try sandbox.run("/usr/bin/script", ["-qec", command, "/dev/null"], stdin: "2\n")
        #expect(result.stdout.contains("resolved 1 of 1"), "\(result)")
        #expect(try sandbox.limber("conflicts").exitCode == 0)
        #expect(try sandbox.limber("show", id, "--json").jsonObject()["painAfter"] as? Int == Int(second))
    }
}

@Suite("possible duplicates")
struct DuplicateTests {
    private func setUp(_ sandbox: Sandbox) throws -> String {
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=1", "--at", "2026-11-20 08:00")
        let other = sandbox.root + "/other"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: other)
        try sandbox.logSession("--routine", "sciatica", "--at", "2026-11-24 07:30")
        #expect(try sandbox.limber(["log", "--routine", "sciatica", "--at", "2026-11-24 07:45"], journal: other, environment: ["LIMBER_MACHINE_ID": "other"]).exitCode == 0)
        #expect(try sandbox.limber("merge", other).exitCode == 0)
        return other
    }

    @Test("the same day and exercises logged on two devices is offered; keeping both is remembered and syncs")
    func keepBoth() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let other = try setUp(sandbox)
        let listed = try sandbox.limber("conflicts", "--json")
        #expect(listed.exitCode == 3)
        let duplicate = try #require(try listed.jsonArray().first { $0["field"] as? String == "duplicate" })
        let id = try #require(duplicate["id"] as? String)
        #expect(try sandbox.limber("conflicts", "resolve", id, "--take", "both").exitCode == 0)
        #expect(try sandbox.limber("conflicts").exitCode == 0)
        #expect(try sandbox.limber("list", "--json").jsonArray().count == 3, "both kept")
        #expect(try sandbox.limber(["merge", sandbox.journal], journal: other, environment: ["LIMBER_MACHINE_ID": "other"]).exitCode == 0)
        #expect(try sandbox.limber(["conflicts"], journal: other, environment: ["LIMBER_MACHINE_ID": "other"]).exitCode == 0, "the choice synced")
    }

    @Test("folding keeps the chosen side's session and deletes the other")
    func fold() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try setUp(sandbox)
        let id = try #require(try sandbox.limber("conflicts", "--json").jsonArray().first?["id"] as? String)
        #expect(try sandbox.limber("conflicts", "resolve", id, "--take", "mine").exitCode == 0)
        #expect(try sandbox.limber("conflicts").exitCode == 0)
        let sessions = try sandbox.limber("list", "--json").jsonArray()
        #expect(sessions.count == 2)
        #expect(sessions.contains { ($0["start"] as? String)?.hasPrefix("2026-11-24T07:30") == true }, "\(sessions)")
    }
}
