import Foundation
import Testing

@Suite("log")
struct LogCommandTests {
    @Test("log prints the new session's id, and only that, on stdout")
    func printsID() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let result = try sandbox.limber("log", "--set", "rockback=10,10")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdoutLines.count == 1, "\(result)")
        let id = try #require(result.stdoutLines.first)
        #expect(UUID(uuidString: id) != nil, "\(result)")
        #expect(id == id.lowercased())
        let listed = try sandbox.limber("list", "--json").decode([SessionJSON].self)
        #expect(listed.map(\.id) == [id])
    }

    @Test("log --json prints the session object with exactly the DESIGN §8 keys")
    func jsonKeys() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let result = try sandbox.limber(
            "log", "--json", "--set", "bird-dog:left=12,12,10!", "--set", "rockback=12x5kg",
            "--set", "double-knee-to-chest=45s", "--pain-before", "6", "--pain-after", "4",
            "--note", "felt fine", "--duration", "25m", "--at", "2026-11-24T07:30:00+01:00")
        #expect(result.exitCode == 0, "\(result)")
        // `conflicted` may accompany the session (list --json has it); nothing else may.
        expectDesignKeys(try result.jsonObject(), extra: ["conflicted"])
        let session = try result.decode(SessionJSON.self)
        #expect(UUID(uuidString: session.id) != nil)
        #expect(session.painBefore == 6)
        #expect(session.painAfter == 4)
        #expect(session.notes == "felt fine")
        #expect(session.routine == nil)
        #expect(
            session.entries.map(\.exercise) == ["bird-dog", "rockback", "double-knee-to-chest"])
        #expect(session.entries.allSatisfy { $0.notes == nil })
        #expect(
            session.entries.flatMap(\.sets).allSatisfy {
                $0.kind == "normal" && $0.rpe == nil && $0.distanceMeters == nil
            })
        let stored = try sandbox.limber("show", String(session.id.prefix(8)), "--json")
            .decode(SessionJSON.self)
        #expect(stored.id == session.id)
        #expect(stored.entries == session.entries)
    }

    @Test("--set bird-dog:left=12,12,10! gives three sets, the last stopped for pain")
    func stoppedForPain() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let session = try sandbox.limber("log", "--json", "--set", "bird-dog:left=12,12,10!")
            .decode(SessionJSON.self)
        let entry = try #require(session.entries.first)
        #expect(session.entries.count == 1)
        #expect(entry.exercise == "bird-dog")
        #expect(entry.side == "left")
        #expect(entry.sets.map(\.reps) == [12, 12, 10])
        #expect(entry.sets.map(\.stoppedForPain) == [false, false, true])
        #expect(entry.sets.allSatisfy { $0.weight == nil && $0.durationSeconds == nil })
    }

    @Test("weights keep the unit they were typed in; 45s is a hold of 45 seconds")
    func unitsAndHolds() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let session = try sandbox.limber(
            "log", "--json", "--set", "single-leg-romanian-deadlift:right=12x5kg,10x12.5lb",
            "--set", "double-knee-to-chest=45s"
        ).decode(SessionJSON.self)
        let lifts = session.entries(of: "single-leg-romanian-deadlift")
        #expect(lifts.count == 1)
        #expect(lifts.first?.side == "right")
        let sets = lifts.first?.sets ?? []
        #expect(sets.map(\.reps) == [12, 10])
        #expect(
            sets.map(\.weight) == [.init(value: 5, unit: "kg"), .init(value: 12.5, unit: "lb")])
        let hold = try #require(session.entries(of: "double-knee-to-chest").first?.sets.first)
        #expect(hold.durationSeconds == 45)
        #expect(hold.reps == nil)
        #expect(hold.weight == nil)
        // The unit survives a round trip through the log, not just the echo.
        let listed = try sandbox.limber("list", "--json").decode([SessionJSON].self)
        #expect(listed.first?.entries == session.entries)
    }

    @Test(
        "--at keeps the offset it was given exactly",
        arguments: [
            "2026-11-24T07:30:00+01:00", "2026-11-24T07:30:00-03:30", "2026-06-01T23:59:00+14:00",
        ])
    func atWithOffset(_ time: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let logged = try sandbox.limber("log", "--json", "--set", "rockback=10", "--at", time)
        #expect(try logged.decode(SessionJSON.self).start == time)
        let listed = try sandbox.limber("list", "--json").decode([SessionJSON].self)
        #expect(listed.map(\.start) == [time])
    }

    @Test("--at \"YYYY-MM-DD HH:MM\" is local time, stored with the local offset")
    func atLocalTime() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        // A POSIX TZ string (no tz database needed): one hour east of UTC, no DST.
        let result = try sandbox.limber(
            ["log", "--json", "--set", "rockback=10", "--at", "2026-11-24 07:30"],
            environment: ["TZ": "XXX-1"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(try result.decode(SessionJSON.self).start == "2026-11-24T07:30:00+01:00")
    }

    @Test(
        "--duration is stored in seconds",
        arguments: [("25m", 1500), ("90s", 90), ("1h10m", 4200)])
    func duration(_ text: String, _ seconds: Int) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let session = try sandbox.limber(
            "log", "--json", "--set", "rockback=10", "--duration", text
        )
        .decode(SessionJSON.self)
        #expect(session.durationSeconds == seconds)
    }

    @Test("log without any exercise is a usage error and writes nothing")
    func emptySession() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        let before = try snapshot(sandbox.journal)
        let result = try sandbox.limber("log", "--pain-before", "3")
        #expect(result.exitCode == 2, "\(result)")
        #expect(result.stderrLines.contains { $0.hasPrefix("hint:") }, "\(result)")
        try expectUnchanged(sandbox.journal, since: before)
    }

    @Test("a time in a daylight-saving gap or overlap is logged with a note saying what was taken")
    func daylightSaving() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let berlin = ["TZ": "Europe/Berlin"]
        let gap = try sandbox.limber(
            ["log", "--json", "--set", "rockback=10", "--at", "2026-03-29 02:30"], environment: berlin)
        #expect(gap.exitCode == 0, "\(gap)")
        #expect(gap.stderr.contains("2026-03-29 02:30 does not exist here"), "\(gap)")
        #expect(try gap.decode(SessionJSON.self).start == "2026-03-29T03:30:00+02:00")
        let twice = try sandbox.limber(
            ["log", "--json", "--set", "rockback=10", "--at", "2026-10-25 02:30"], environment: berlin)
        #expect(twice.stderr.contains("2026-10-25 02:30 happens twice here"), "\(twice)")
        #expect(twice.stderr.contains("give 2026-10-25T02:30:00+01:00 for the second"), "\(twice)")
        #expect(try twice.decode(SessionJSON.self).start == "2026-10-25T02:30:00+02:00")
        let plain = try sandbox.limber(
            ["log", "--set", "rockback=10", "--at", "2026-11-24 7:30"], environment: berlin)
        #expect(plain.exitCode == 0, "one-digit hours: \(plain)")
        #expect(plain.stderr.isEmpty, "\(plain)")
    }

    @Test("--at yesterday is this time of day yesterday; --future allows a planned session")
    func yesterdayAndFuture() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let before = Date()
        let logged = try sandbox.limber("log", "--json", "--set", "rockback=10", "--at", "yesterday")
        let start = try logged.decode(SessionJSON.self).start
        let parsed = try #require(ISO8601DateFormatter().date(from: start))
        #expect(abs(parsed.timeIntervalSince(before) + 86_400) < 120, "\(start)")
        #expect(try sandbox.limber("log", "--set", "rockback=10", "--at", "2099-01-01 07:00").exitCode == 2)
        #expect(try sandbox.limber("log", "--set", "rockback=10", "--at", "2099-01-01 07:00", "--future").exitCode == 0)
    }
}
