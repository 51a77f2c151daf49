import Foundation
import Testing

@Suite("custom exercises and routines")
struct CustomCatalogTests {
    @Test("exercise add \"Side plank\" --measure hold --per-side, then log it")
    func addExerciseAndLog() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let added = try sandbox.limber(
            "exercise", "add", "Side plank", "--measure", "hold", "--per-side")
        #expect(added.exitCode == 0, "\(added)")
        #expect(added.stdout.contains("side-plank"), "\(added)")

        let listed = try sandbox.limber("exercises")
        #expect(listed.exitCode == 0, "\(listed)")
        #expect(listed.stdout.contains("side-plank"), "\(listed)")

        let logged = try sandbox.limber("log", "--json", "--set", "side-plank:left=30s")
        #expect(logged.exitCode == 0, "\(logged)")
        let session = try logged.decode(SessionJSON.self)
        let entry = try #require(session.entries.first)
        #expect(entry.exercise == "side-plank")
        #expect(entry.side == "left")
        #expect(entry.sets.map(\.durationSeconds) == [30])
        // By name, too.
        #expect(try sandbox.limber("log", "--set", "Side plank:right=45s").exitCode == 0)
        #expect(
            try sandbox.limber("list", "--json", "--exercise", "side-plank").decode(
                [SessionJSON].self
            ).count == 2)
    }

    @Test(
        "a custom exercise may not take a built-in id",
        arguments: [["Bird dog"], ["My rocking", "--id", "rockback"]])
    func builtInClash(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        let before = try snapshot(sandbox.journal)
        let result = try sandbox.limber(["exercise", "add"] + arguments)
        #expect(result.exitCode != 0, "\(result)")
        #expect(
            result.stderr.contains("bird-dog") || result.stderr.contains("rockback"), "\(result)")
        #expect(result.stderrLines.contains { $0.hasPrefix("hint:") }, "\(result)")
        try expectUnchanged(sandbox.journal, since: before)
    }

    @Test("adding the same custom exercise twice fails the second time")
    func customClash() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        #expect(try sandbox.limber("exercise", "add", "Side plank").exitCode == 0)
        let before = try snapshot(sandbox.journal)
        let result = try sandbox.limber("exercise", "add", "Side plank")
        #expect(result.exitCode != 0, "\(result)")
        try expectUnchanged(sandbox.journal, since: before)
    }

    @Test("routine add core --item bird-dog=3x12/side, then routine show core and log it")
    func addRoutine() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let added = try sandbox.limber("routine", "add", "core", "--item", "bird-dog=3x12/side")
        #expect(added.exitCode == 0, "\(added)")

        let shown = try sandbox.limber("routine", "show", "core")
        #expect(shown.exitCode == 0, "\(shown)")
        #expect(shown.stdout.contains("bird-dog"), "\(shown)")
        #expect(shown.stdout.contains("3"), "\(shown)")
        #expect(shown.stdout.contains("12"), "\(shown)")
        #expect(shown.stdout.contains("side"), "\(shown)")
        #expect(!shown.stdout.contains("rockback"), "\(shown)")

        let routines = try sandbox.limber("routines")
        #expect(routines.stdout.contains("core"), "\(routines)")
        #expect(routines.stdout.contains("sciatica"), "\(routines)")

        let session = try sandbox.limber("log", "--json", "--routine", "core").decode(
            SessionJSON.self)
        #expect(session.routine == "core")
        #expect(session.entries.map(\.exercise) == ["bird-dog", "bird-dog"])
        #expect(session.entries.map(\.side) == ["left", "right"])
        #expect(session.entries.map { $0.sets.map(\.reps) } == [[12, 12, 12], [12, 12, 12]])
    }

    @Test("a routine of an unknown exercise is refused and writes nothing")
    func routineUnknownExercise() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        let before = try snapshot(sandbox.journal)
        let result = try sandbox.limber("routine", "add", "core", "--item", "pushup=3x12")
        #expect(result.exitCode != 0, "\(result)")
        #expect(result.stderr.contains("pushup"), "\(result)")
        try expectUnchanged(sandbox.journal, since: before)
        #expect(try sandbox.limber("routine", "show", "core").exitCode != 0)
    }
}
