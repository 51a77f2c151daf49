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

        let both = try sandbox.limber("conflicts", "resolve", String(conflictID.prefix(6)), "--take", "both")
        #expect(both.exitCode == 2 && both.stderr.contains("is for a possible duplicate"), "\(both)")
        // By the number of this machine's side, as `conflicts` lists them.
        let sides = try #require(listed.first?["sides"] as? [[String: Any]])
        let mine = try #require(sides.firstIndex { $0["mine"] as? Bool == true })
        let resolved = try sandbox.limber("conflicts", "resolve", String(conflictID.prefix(6)), "--take", "\(mine + 1)")
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
        #expect(result.stderr.contains("no open conflict id"), "\(result)")
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
        let result = try sandbox.onTerminal(["conflicts", "review"], stdin: "2\n")
        #expect(result.stdout.contains("resolved 1 of 1"), "\(result)")
        #expect(try sandbox.limber("conflicts").exitCode == 0)
        #expect(try sandbox.limber("show", id, "--json").jsonObject()["painAfter"] as? Int == Int(second))
    }
}

/// One kind of concurrent change: what the laptop and the desktop each do to one session.
struct ConflictKind: Sendable, CustomTestStringConvertible {
    var name: String
    var laptop: [String]
    var desktop: [String]
    var field: String
    var testDescription: String { name }

    static let all: [ConflictKind] = [
        ConflictKind(
            name: "pain", laptop: ["amend", "{id}", "--pain-after", "3"],
            desktop: ["amend", "{id}", "--pain-after", "7"], field: "painAfter"),
        ConflictKind(
            name: "notes", laptop: ["amend", "{id}", "--note", "laptop"],
            desktop: ["amend", "{id}", "--note", "desktop"], field: "notes"),
        ConflictKind(
            name: "entry", laptop: ["amend", "{id}", "--set", "rockback=8"],
            desktop: ["amend", "{id}", "--set", "rockback=12"], field: "entry:rockback"),
        ConflictKind(
            name: "deleted here, amended there", laptop: ["delete", "{id}"],
            desktop: ["amend", "{id}", "--pain-after", "7"], field: "deleted"),
        ConflictKind(
            name: "amended here, deleted there", laptop: ["amend", "{id}", "--pain-after", "3"],
            desktop: ["delete", "{id}"], field: "deleted"),
    ]
}

@Suite("conflict markers")
struct ConflictMarkerTests {
    @Test("the side marked shown is what list and show show, for every kind", arguments: ConflictKind.all)
    func shownMatchesList(_ kind: ConflictKind) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10", "--pain-after", "5", "--note", "n")
        let desktop = sandbox.root + "/desktop"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: desktop)
        let onDesktop = ["LIMBER_MACHINE_ID": "desktop"]
        func fill(_ arguments: [String]) -> [String] { arguments.map { $0 == "{id}" ? id : $0 } }
        // In both orders of the clock: the later write wins the register, the marker follows.
        #expect(try sandbox.limber(fill(kind.laptop)).exitCode == 0)
        #expect(try sandbox.limber(fill(kind.desktop), journal: desktop, environment: onDesktop).exitCode == 0)
        #expect(try sandbox.limber("merge", desktop).exitCode == 0)
        let conflicts = try sandbox.limber("conflicts", "--json").jsonArray()
        let conflict = try #require(conflicts.first { $0["field"] as? String == kind.field }, "\(conflicts)")
        let sides = try #require(conflict["sides"] as? [[String: Any]])
        let shown = sides.filter { $0["shown"] as? Bool == true }
        let listed = try sandbox.limber("list", "--json").decode([SessionJSON].self)
        let visible = listed.first { $0.id == id }
        if kind.field == "deleted" {
            let deletion = try #require(sides.first { $0["value"] as? String == "deleted" })
            #expect((deletion["shown"] as? Bool) == (visible == nil), "\(sides) vs list \(listed)")
            #expect(shown.count == 1, "\(sides)")
        } else {
            #expect(shown.count == 1, "\(sides)")
            let value = try #require(shown.first?["value"] as? String)
            let session = try #require(visible)
            switch kind.field {
            case "painAfter": #expect(value == String(session.painAfter ?? -1))
            case "notes": #expect(value == "\"\(session.notes ?? "")\"")
            default: #expect(value == String(session.entries(of: "rockback").first?.sets.first?.reps ?? -1))
            }
        }
        // The text marks the same side.
        let text = try sandbox.limber("conflicts").stdoutLines
        let marked = text.filter { $0.contains("(shown now)") }
        #expect(marked.count == 1, "\(text)")
        let index = try #require(sides.firstIndex { $0["shown"] as? Bool == true })
        #expect(marked.first?.hasPrefix("  \(index + 1). ") == true, "\(text)")
    }
}

@Suite("conflicts review")
struct ConflictReviewTests {
    @Test("review takes a device name, says which value won, and skips on s")
    func reviewByName() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let logged = try sandbox.limber(
            ["log", "--set", "rockback=10", "--pain-after", "5"], environment: ["LIMBER_DEVICE_NAME": "laptop"])
        let id = logged.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let other = sandbox.root + "/other"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: other)
        let onOther = ["LIMBER_MACHINE_ID": "other", "LIMBER_DEVICE_NAME": "desktop"]
        #expect(try sandbox.limber(["amend", id, "--pain-after", "3"], environment: ["LIMBER_DEVICE_NAME": "laptop"]).exitCode == 0)
        #expect(try sandbox.limber(["amend", id, "--pain-after", "8"], journal: other, environment: onOther).exitCode == 0)
        #expect(try sandbox.limber(["amend", id, "--note", "x"], journal: other, environment: onOther).exitCode == 0)
        #expect(try sandbox.limber("amend", id, "--note", "y").exitCode == 0)
        #expect(try sandbox.limber("merge", other).exitCode == 0)
        let name = "laptop"
        // notes comes first (by field): skip it; painAfter: a wrong answer, then mine by name.
        let result = try sandbox.onTerminal(["conflicts", "review"], stdin: "s\n9\n\(name)\n")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("  1. \(name) ("), "device names, numbered: \(result)")
        #expect(result.stdout.contains("there is no side 9"), "\(result)")
        #expect(result.stdout.contains("resolved pain after of session \(id.prefix(8)): kept 3 (from \(name))"), "\(result)")
        #expect(result.stdout.contains("resolved 1 of 2"), "\(result)")
        #expect(try sandbox.limber("show", id, "--json").decode(SessionJSON.self).painAfter == 3)
    }
}

@Suite("possible duplicates")
struct DuplicateTests {
    static let onOther = ["LIMBER_MACHINE_ID": "other"]

    /// A journal with one old session, and its copy at `<root>/other`: a second device.
    static func secondDevice(_ sandbox: Sandbox) throws -> String {
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=1", "--at", "2026-11-20 08:00")
        let other = sandbox.root + "/other"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: other)
        return other
    }

    private func setUp(_ sandbox: Sandbox) throws -> String {
        let other = try Self.secondDevice(sandbox)
        try sandbox.logSession("--routine", "sciatica", "--at", "2026-11-24 07:30")
        #expect(try sandbox.limber(["log", "--routine", "sciatica", "--at", "2026-11-24 07:45"], journal: other, environment: ["LIMBER_MACHINE_ID": "other"]).exitCode == 0)
        #expect(try sandbox.limber("merge", other).exitCode == 0)
        return other
    }

    @Test("the routine done morning and evening on two devices is no duplicate; within 90 minutes it is")
    func ninetyMinutes() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let other = try Self.secondDevice(sandbox)
        try sandbox.logSession("--routine", "sciatica", "--at", "2026-11-24 07:30")
        #expect(try sandbox.limber(["log", "--routine", "sciatica", "--at", "2026-11-24 18:30"], journal: other, environment: Self.onOther).exitCode == 0)
        #expect(try sandbox.limber(["log", "--routine", "sciatica", "--at", "2026-11-25 09:00"], journal: other, environment: Self.onOther).exitCode == 0)
        #expect(try sandbox.limber(["log", "--routine", "sciatica", "--at", "2026-11-25 10:29"], journal: sandbox.journal).exitCode == 0)
        let merge = try sandbox.limber("merge", other)
        #expect(merge.stdout.contains("1 possible duplicate(s) came in: review them with `limber conflicts review`"), "\(merge)")
        let duplicates = try sandbox.limber("conflicts", "--json").jsonArray()
        #expect(duplicates.count == 1, "only 09:00 and 10:29 on the 25th: \(duplicates)")
    }

    @Test("four close sessions of two devices are two possible duplicates, not four; one logged knowing the other is none")
    func pairsOnce() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let other = try Self.secondDevice(sandbox)
        for time in ["07:00", "07:40"] {
            try sandbox.logSession("--set", "rockback=10", "--at", "2026-11-24 \(time)")
            #expect(try sandbox.limber(["log", "--set", "rockback=10", "--at", "2026-11-24 \(time)"], journal: other, environment: Self.onOther).exitCode == 0)
        }
        #expect(try sandbox.limber("merge", other).exitCode == 0)
        #expect(try sandbox.limber("conflicts", "--json").jsonArray().count == 2)
        // Another day: the other device, having merged and amended this one, logs a second
        // session close by. It knew the first: no duplicate.
        let first = try sandbox.logSession("--set", "bird-dog:left=5", "--at", "2026-11-25 10:00")
        #expect(try sandbox.limber(["merge", sandbox.journal], journal: other, environment: Self.onOther).exitCode == 0)
        #expect(try sandbox.limber(["amend", first, "--note", "seen"], journal: other, environment: Self.onOther).exitCode == 0)
        #expect(try sandbox.limber(["log", "--set", "bird-dog:left=5", "--at", "2026-11-25 10:30"], journal: other, environment: Self.onOther).exitCode == 0)
        #expect(try sandbox.limber("merge", other).exitCode == 0)
        let after = try sandbox.limber("conflicts", "--json").jsonArray()
        #expect(after.count == 2, "still the two of the 24th: \(after)")
    }

    @Test("possible duplicates come the same from the session store, from sessions on top of it, and from the log alone")
    func storeAndLog() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try setUp(sandbox)  // the merge leaves the store current: its pair is in the store
        let other = sandbox.root + "/other"
        #expect(try sandbox.limber(["log", "--set", "rockback=10", "--at", "2026-11-26 08:00"], journal: other, environment: Self.onOther).exitCode == 0)
        #expect(try sandbox.limber("merge", other).exitCode == 0)
        // Logged here after the merge: read on top of the store, near a stored session.
        try sandbox.logSession("--set", "rockback=10", "--at", "2026-11-26 09:20")
        let warm = try sandbox.limber("conflicts", "--json").jsonArray().compactMap { $0["id"] as? String }
        #expect(warm.count == 2, "\(warm)")
        try FileManager.default.removeItem(atPath: sandbox.journal + "/local/cache")
        let cold = try sandbox.limber("conflicts", "--json").jsonArray().compactMap { $0["id"] as? String }
        #expect(cold == warm)
        let rebuilt = try sandbox.limber("conflicts", "--json").jsonArray().compactMap { $0["id"] as? String }
        #expect(rebuilt == warm, "and from the store the cold open wrote")
    }

    @Test("the same exercises logged within 90 minutes on two devices is offered; keeping both is remembered and syncs")
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
