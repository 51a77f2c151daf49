import Foundation
import Testing

/// `limber stats` on a real journal (issue #12): the table fits `COLUMNS`, the JSON carries
/// DESIGN §8's fields, and the filters are checked like every other command's.
@Suite("stats")
struct StatsCommandTests {
    /// Two weeks of sessions: pain going down, left and right bird dogs, a load in kg and one
    /// in lb, a set stopped for pain.
    private func journal(_ sandbox: Sandbox) throws {
        try sandbox.initJournal()
        try sandbox.logSession(
            "--set", "bird-dog:left=8,8,6!", "--set", "bird-dog:right=12,12,12",
            "--set", "single-leg-romanian-deadlift:left=10x10kg", "--set", "single-leg-romanian-deadlift:right=10x25lb",
            "--at", "2026-11-02 07:30", "--pain-before", "6", "--pain-after", "5")
        try sandbox.logSession(
            "--set", "bird-dog:left=12,12,12", "--set", "bird-dog:right=12,12,12",
            "--at", "2026-11-10 07:30", "--pain-before", "3", "--pain-after", "3")
        try sandbox.logSession("--routine", "sciatica", "--at", "2026-11-24 07:30", "--pain-before", "3", "--pain-after", "2")
    }

    @Test("--json: sessions, exercises with their records, pain by ISO week with the empty one, adherence")
    func json() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try journal(sandbox)
        let result = try sandbox.limber("stats", "--json")
        #expect(result.exitCode == 0, "\(result)")
        let report = try result.jsonObject()
        #expect(report["sessions"] as? Int == 3)
        let pain = try #require(report["pain"] as? [[String: Any]])
        #expect(pain.map { $0["week"] as? String } == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"])
        #expect(pain.map { $0["sessions"] as? Int } == [1, 1, 0, 1])
        #expect(pain[2]["before"] is NSNull)
        let exercises = try #require(report["exercises"] as? [[String: Any]])
        let rdlLeft = try #require(exercises.first { $0["exercise"] as? String == "single-leg-romanian-deadlift" && $0["side"] as? String == "left" })
        #expect((rdlLeft["bestWeight"] as? [String: Any])?["value"] as? Double == 10)
        let rdlRight = try #require(exercises.first { $0["exercise"] as? String == "single-leg-romanian-deadlift" && $0["side"] as? String == "right" })
        #expect((rdlRight["bestWeight"] as? [String: Any])?["unit"] as? String == "lb")
        let adherence = try #require(report["adherence"] as? [[String: Any]])
        #expect(adherence.last?["loggedSessions"] as? Int == 1)
        #expect(adherence.last?["prescribedSessions"] is NSNull)
        let flags = try #require(report["flags"] as? [String: Any])
        #expect((flags["stoppedForPain"] as? [[String: Any]])?.first?["exercise"] as? String == "bird-dog")
    }

    @Test("the table fits COLUMNS, never wraps, and draws pain on a fixed 0–10 scale")
    func table() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try journal(sandbox)
        for columns in [40, 60, 100] {
            let result = try sandbox.limber(["stats"], environment: ["COLUMNS": String(columns)])
            #expect(result.exitCode == 0, "\(result)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= columns }, "COLUMNS=\(columns):\n\(result.stdout)")
            #expect(result.stdout.contains("3 session(s)"), "\(result.stdout)")
        }
        let wide = try sandbox.limber(["stats"], environment: ["COLUMNS": "120"])
        // Pain before 6, 3, none, 3: bars on 0–10, a gap for the empty week.
        #expect(wide.stdout.contains("before ▅▃ ▃"), "\(wide.stdout)")
        #expect(wide.stdout.contains("Bird dog"), "\(wide.stdout)")
        // Bird dog reps: left 8+8+6+36+36 (the routine as prescribed) = 94, right 108:
        // (94 − 108) / 108 = −13 %.
        #expect(wide.stdout.contains("left 13 % less"), "\(wide.stdout)")
        #expect(!wide.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test("filters: a period, an exercise; an unknown one is refused with a hint and exit 2, as list does")
    func filters() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try journal(sandbox)
        let period = try sandbox.limber("stats", "--json", "--since", "2026-11-09", "--until", "2026-11-15")
        #expect(try period.jsonObject()["sessions"] as? Int == 1)
        let one = try sandbox.limber("stats", "--json", "--exercise", "bird dog")
        let exercises = try #require(try one.jsonObject()["exercises"] as? [[String: Any]])
        #expect(Set(exercises.compactMap { $0["exercise"] as? String }) == ["bird-dog"])
        let unknown = try sandbox.limber("stats", "--exercise", "bird-dgo")
        #expect(unknown.exitCode == 2, "\(unknown)")
        #expect(unknown.stderr.contains("hint:"), "\(unknown)")
        let routine = try sandbox.limber("stats", "--json", "--routine", "sciatica")
        #expect(try routine.jsonObject()["sessions"] as? Int == 1)
        let empty = try sandbox.limber("stats", "--since", "2027-01-01")
        #expect(empty.exitCode == 0 && empty.stdout.hasPrefix("0 session(s)"), "\(empty)")
    }
}

@Suite("last EXERCISE")
struct LastCommandTests {
    @Test("the last sessions of an exercise, newest first, each side's sets, and its records")
    func last() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "single-leg-romanian-deadlift:left=10x8kg,8x10kg", "--at", "2026-11-02 07:30")
        try sandbox.logSession("--set", "single-leg-romanian-deadlift:left=10x9kg", "--set", "rockback=12", "--at", "2026-11-04 07:30")
        try sandbox.logSession("--set", "rockback=12", "--at", "2026-11-06 07:30")
        let result = try sandbox.limber("last", "single leg romanian deadlift", "--count", "5")
        #expect(result.exitCode == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Single-leg Romanian deadlift: last 2 session(s), newest first", "\(result)")
        #expect(lines[1].contains("2026-11-04") && lines[1].contains("left 10x9kg"), "\(result)")
        #expect(lines[2].contains("2026-11-02") && lines[2].contains("left 10x8kg,8x10kg"), "\(result)")
        #expect(result.stdout.contains("heaviest 10kg (2026-11-02)"), "\(result)")
        #expect(result.stdout.contains("most reps 10 at 8kg (2026-11-02)"), "\(result)")
        let json = try sandbox.limber("last", "rockback", "--json").jsonObject()
        #expect((json["sessions"] as? [[String: Any]])?.count == 2)
        let never = try sandbox.limber("last", "bird-dog")
        #expect(never.exitCode == 0 && never.stderr.contains("never logged"), "\(never)")
        let unknown = try sandbox.limber("last", "bird-dgo")
        #expect(unknown.exitCode == 2 && unknown.stderr.contains("did you mean bird-dog"), "\(unknown)")
    }
}

@Suite("weekly frequency")
struct FrequencyCommandTests {
    @Test("profile --per-week and routine add --per-week set what adherence reports against")
    func frequency() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--routine", "sciatica", "--at", "2026-11-02 07:30")
        let set = try sandbox.limber("profile", "--per-week", "Sciatica=3")
        #expect(set.exitCode == 0 && set.stdout.contains("sciatica: 3 session(s) a week"), "\(set)")
        let stats = try sandbox.limber("stats", "--json").jsonObject()
        #expect((stats["adherence"] as? [[String: Any]])?.first?["prescribedSessions"] as? Int == 3)
        let typo = try sandbox.limber("profile", "--per-week", "sciatca=3")
        #expect(typo.exitCode == 2 && typo.stderr.contains("did you mean sciatica"), "\(typo)")
        let many = try sandbox.limber("profile", "--per-week", "sciatica=15")
        #expect(many.exitCode == 1 && many.stderr.contains("1 to 14"), "\(many)")
        let bare = try sandbox.limber("profile", "--per-week", "sciatica")
        #expect(bare.exitCode == 2 && bare.stderr.contains("ROUTINE=N"), "\(bare)")
        let added = try sandbox.limber("routine", "add", "core", "--item", "bird-dog=3x12/side", "--per-week", "2")
        #expect(added.exitCode == 0, "\(added)")
        let profile = try sandbox.limber("profile", "--json").jsonObject()
        #expect(profile["sessionsPerWeek"] as? [String: Int] == ["core": 2, "sciatica": 3])
        let cleared = try sandbox.limber("profile", "--per-week", "sciatica=0", "--json").jsonObject()
        #expect(cleared["sessionsPerWeek"] as? [String: Int] == ["core": 2])
    }
}
