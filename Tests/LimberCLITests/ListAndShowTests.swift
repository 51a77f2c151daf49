import Foundation
import Testing

@Suite("list and show")
struct ListAndShowTests {
    /// A journal with four sessions on known days (TZ=UTC), oldest first.
    struct Fixture {
        let sandbox: Sandbox
        /// 2026-11-20 07:30 rockback
        let a: String
        /// 2026-11-22 00:00 bird-dog
        let b: String
        /// 2026-11-22 23:59 rockback + bird-dog
        let c: String
        /// 2026-11-23 00:00 rockback
        let d: String

        init() throws {
            let sandbox = try Sandbox()
            self.sandbox = sandbox
            var done = false
            defer { if !done { sandbox.remove() } }
            try sandbox.initJournal()
            // Logged out of order: list sorts by start.
            d = try sandbox.logSession("--set", "rockback=12", "--at", "2026-11-23 00:00")
            a = try sandbox.logSession("--set", "rockback=10", "--at", "2026-11-20 07:30")
            c = try sandbox.logSession(
                "--set", "rockback=11", "--set", "bird-dog:right=12", "--at", "2026-11-22 23:59")
            b = try sandbox.logSession("--set", "bird-dog:left=12", "--at", "2026-11-22 00:00")
            done = true
        }

        func listIDs(_ arguments: String...) throws -> [String] {
            let result = try sandbox.limber(["list", "--json"] + arguments)
            #expect(result.exitCode == 0, "\(result)")
            return try result.decode([SessionJSON].self).map(\.id)
        }
    }

    @Test("list prints one line per session, oldest first, with no conflict marker")
    func listText() throws {
        let f = try Fixture()
        defer { f.sandbox.remove() }
        let result = try f.sandbox.limber("list")
        #expect(result.exitCode == 0, "\(result)")
        let lines = result.stdoutLines
        #expect(lines.count == 4, "\(result)")
        for (line, id) in zip(lines, [f.a, f.b, f.c, f.d]) {
            #expect(line.hasPrefix(String(id.prefix(8))), "\(line)")
            #expect(!line.lowercased().contains("conflict"), "\(line)")
        }
        #expect(lines.first?.contains("2026-11-20 07:30") == true, "\(result)")
    }

    @Test("list --json prints the session objects, each with \"conflicted\": false")
    func listJSON() throws {
        let f = try Fixture()
        defer { f.sandbox.remove() }
        let result = try f.sandbox.limber("list", "--json")
        #expect(result.exitCode == 0, "\(result)")
        let objects = try result.jsonArray()
        #expect(objects.count == 4)
        for object in objects {
            expectDesignKeys(object, extra: ["conflicted"], exactExtra: true)
            #expect(object["conflicted"] as? Bool == false)
        }
        #expect(try result.decode([SessionJSON].self).map(\.id) == [f.a, f.b, f.c, f.d])
    }

    @Test("--last N shows the newest N, oldest first")
    func last() throws {
        let f = try Fixture()
        defer { f.sandbox.remove() }
        #expect(try f.listIDs("--last", "2") == [f.c, f.d])
        #expect(try f.listIDs("--last", "1") == [f.d])
        #expect(try f.listIDs("--last", "9") == [f.a, f.b, f.c, f.d])
        let text = try f.sandbox.limber("list", "--last", "1")
        #expect(text.stdoutLines.count == 1, "\(text)")
    }

    @Test("--since and --until take days, both inclusive")
    func dateRange() throws {
        let f = try Fixture()
        defer { f.sandbox.remove() }
        #expect(try f.listIDs("--since", "2026-11-22", "--until", "2026-11-22") == [f.b, f.c])
        #expect(try f.listIDs("--since", "2026-11-21") == [f.b, f.c, f.d])
        #expect(try f.listIDs("--until", "2026-11-20") == [f.a])
        #expect(try f.listIDs("--since", "2026-11-23") == [f.d])
        #expect(try f.listIDs("--since", "2026-11-24") == [])
    }

    @Test("--exercise takes an id or a name")
    func exerciseFilter() throws {
        let f = try Fixture()
        defer { f.sandbox.remove() }
        #expect(try f.listIDs("--exercise", "bird-dog") == [f.b, f.c])
        #expect(try f.listIDs("--exercise", "Bird dog") == [f.b, f.c])
        #expect(try f.listIDs("--exercise", "rockback", "--last", "2") == [f.c, f.d])
        #expect(try f.listIDs("--exercise", "diagonal-chop") == [])
    }

    @Test("show PREFIX and show --json")
    func show() throws {
        let f = try Fixture()
        defer { f.sandbox.remove() }
        let text = try f.sandbox.limber("show", String(f.c.prefix(6)))
        #expect(text.exitCode == 0, "\(text)")
        #expect(text.stdout.contains(f.c), "\(text)")
        #expect(text.stdout.contains("Bird dog") || text.stdout.contains("bird-dog"), "\(text)")
        #expect(text.stdout.contains("2026-11-22 23:59"), "\(text)")

        let json = try f.sandbox.limber("show", String(f.c.prefix(6)), "--json")
        #expect(json.exitCode == 0, "\(json)")
        expectDesignKeys(try json.jsonObject(), extra: ["conflicted"])
        let shown = try json.decode(SessionJSON.self)
        let listed = try f.sandbox.limber("list", "--json").decode([SessionJSON].self)
        #expect(listed.first { $0.id == f.c } == shown)
        // The full id works as well as a prefix, in any case.
        #expect(
            try f.sandbox.limber("show", f.c.uppercased(), "--json").decode(SessionJSON.self).id
                == f.c)
    }

    @Test("an unknown prefix is an error naming it")
    func unknownPrefix() throws {
        let f = try Fixture()
        defer { f.sandbox.remove() }
        let prefix = "zz"
        for command in [["show", prefix], ["amend", prefix, "--note", "x"], ["delete", prefix]] {
            let before = try snapshot(f.sandbox.journal)
            let result = try f.sandbox.limber(command)
            #expect(result.exitCode == 1, "\(result)")
            #expect(result.stderrLines.first?.contains("\"zz\"") == true, "\(result)")
            #expect(result.stderrLines.contains { $0.hasPrefix("hint:") }, "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
            try expectUnchanged(f.sandbox.journal, since: before)
        }
    }

    @Test("an ambiguous prefix is a usage error (exit 2) listing the candidates")
    func ambiguousPrefix() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        // 17 random ids: two of them share a first hex digit.
        var ids: [String] = []
        for _ in 0..<17 { ids.append(try sandbox.logSession("--set", "rockback=10")) }
        let groups = Dictionary(grouping: ids) { $0.prefix(1) }
        let (prefix, candidates) = try #require(groups.first { $0.value.count > 1 })
        let before = try snapshot(sandbox.journal)
        for command in [["show", String(prefix)], ["delete", String(prefix)]] {
            let result = try sandbox.limber(command)
            #expect(result.exitCode == 2, "\(result)")
            let message = try #require(result.stderrLines.first)
            #expect(message.contains("\"\(prefix)\""), "\(result)")
            #expect(candidates.contains { message.contains($0) }, "\(result)")
            #expect(result.stderrLines.contains { $0.hasPrefix("hint:") }, "\(result)")
        }
        try expectUnchanged(sandbox.journal, since: before)
    }

    @Test("show --history lists session.logged then session.amended")
    func history() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10")
        let other = try sandbox.logSession("--set", "rockback=11")
        #expect(
            try sandbox.limber("amend", String(id.prefix(8)), "--pain-after", "2").exitCode == 0)
        #expect(
            try sandbox.limber("amend", String(other.prefix(8)), "--pain-after", "2").exitCode == 0)

        let json = try sandbox.limber("show", String(id.prefix(8)), "--history", "--json")
        #expect(json.exitCode == 0, "\(json)")
        let items = try json.decode([HistoryJSON].self)
        #expect(items.map(\.type) == ["session.logged", "session.amended"])
        #expect(items.map(\.seq) == [2, 4], "seq 1 is the device.named of the first commit")

        let text = try sandbox.limber("show", String(id.prefix(8)), "--history")
        #expect(text.exitCode == 0, "\(text)")
        let lines = text.stdoutLines.filter { $0.contains(" event ") }
        #expect(lines.count == 2, "\(text)")
        #expect(lines.first?.contains("  logged  ") == true, "\(text)")
        #expect(lines.last?.contains("  amended  ") == true, "\(text)")
        #expect(text.stdoutLines.contains("    pain after: (none) → 2"), "\(text)")
    }
}
