import Foundation
import Testing

/// Issue #10, item 2: a file that does not say its units is refused (or, on a terminal, asked
/// about), and importing it again with other options corrects what it made, but never what
/// the person changed since.
@Suite("import units and corrections")
struct ImportCorrectionTests {
    static let strong = ImportExportTests.fixtures + "strong/sample_strong.csv"

    /// Every weight unit in the journal's sets.
    private func units(_ sandbox: Sandbox) throws -> Set<String> {
        let sessions = try sandbox.limber("list", "--json").decode([SessionJSON].self)
        return Set(sessions.flatMap(\.entries).flatMap(\.sets).compactMap { $0.weight.map(\.unit) })
    }

    @Test("without --unit a file without units is refused, showing two of its rows")
    func refusedWithoutUnit() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let before = try snapshot(sandbox.journal, ignoringCache: true)
        let result = try sandbox.limber("import", Self.strong)
        #expect(result.exitCode == 2, "\(result)")
        let lines = result.stderrLines
        #expect(lines.first?.contains("does not say whether its weights are kg or lb") == true, "\(result)")
        #expect(lines.filter { $0.hasPrefix("  line ") }.count == 2, "\(result)")
        #expect(lines.last?.hasPrefix("hint:") == true && lines.last?.contains("--unit kg") == true)
        #expect(result.stdout.isEmpty)
        try expectUnchanged(sandbox.journal, since: before, ignoringCache: true)
    }

    @Test("on a terminal the unit is asked, with the rows shown")
    func askedOnTerminal() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let result = try sandbox.onTerminal(["import", Self.strong], stdin: "stone\nlb\n")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("line 2: Bent Over Row (Barbell): weight 10, 13 reps"), "\(result)")
        #expect(result.stdout.contains("answer kg or lb"), "a wrong answer is asked again: \(result)")
        #expect(result.stdout.contains("imported 15 new session(s)"), "\(result)")
        #expect(try units(sandbox) == ["lb"])
    }

    @Test("a re-import with another --unit or --timezone corrects the sessions the file made")
    func reimportCorrects() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        #expect(try sandbox.limber("import", "--unit", "kg", Self.strong).exitCode == 0)
        #expect(try units(sandbox) == ["kg"])
        let same = try sandbox.limber("import", "--unit", "kg", Self.strong)
        #expect(same.stdout.contains("15 session(s) already in the journal: left as they are"), "\(same)")

        let corrected = try sandbox.limber("import", "--unit", "lb", Self.strong)
        #expect(corrected.exitCode == 0, "\(corrected)")
        #expect(
            corrected.stdout.contains("15 session(s) already in the journal: 15 were corrected"),
            "\(corrected)")
        #expect(try units(sandbox) == ["lb"])
        let sessions = try sandbox.limber("list", "--json").decode([SessionJSON].self)
        #expect(sessions.count == 15, "corrected, not duplicated")

        // The person changes one session and deletes another; the rest follow the file.
        let changed = sessions[0].id
        let deleted = sessions[1].id
        #expect(try sandbox.limber("amend", changed, "--pain-after", "2").exitCode == 0)
        #expect(try sandbox.limber("delete", deleted).exitCode == 0)
        let again = try sandbox.limber("import", "--unit", "kg", "--timezone", "+05:00", Self.strong)
        #expect(again.exitCode == 0, "\(again)")
        #expect(again.stdout.contains("13 were corrected"), "\(again)")
        #expect(
            again.stdout.contains(
                "left 1 session(s) as they are because you changed them in limber since: \(changed.prefix(8))"),
            "\(again)")
        #expect(again.stdout.contains("1 session(s) of this file that you deleted stay deleted: \(deleted.prefix(8))"), "\(again)")
        let after = try sandbox.limber("list", "--json").decode([SessionJSON].self)
        let kept = try #require(after.first { $0.id == changed })
        #expect(Set(kept.entries.flatMap(\.sets).compactMap { $0.weight.map(\.unit) }) == ["lb"], "left alone")
        #expect(kept.painAfter == 2)
        for session in after where session.id != changed {
            #expect(session.start.hasSuffix("+05:00"), "\(session.start)")
            #expect(Set(session.entries.flatMap(\.sets).compactMap { $0.weight.map(\.unit) }).isSubset(of: ["kg"]))
        }
        #expect(!after.contains { $0.id == deleted }, "a deleted session stays deleted")
        // Corrections are the import's: history says so, and undo takes one back.
        let history = try sandbox.limber("show", sessions[2].id, "--history")
        #expect(history.stdout.contains("amended by import"), "\(history)")
        #expect(try sandbox.limber("verify").exitCode == 0)
    }

    @Test("the same file imported on a machine in another zone moves no start; --timezone does")
    func otherZoneMovesNothing() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        #expect(try sandbox.limber("import", "--unit", "kg", Self.strong).exitCode == 0)
        let before = try sandbox.limber("list", "--json").stdout
        let travelled = try sandbox.limber(["import", "--unit", "kg", Self.strong], environment: ["TZ": "Asia/Tokyo"])
        #expect(travelled.exitCode == 0, "\(travelled)")
        #expect(!travelled.stdout.contains("corrected"), "\(travelled)")
        #expect(try sandbox.limber("list", "--json").stdout == before)
    }
}
