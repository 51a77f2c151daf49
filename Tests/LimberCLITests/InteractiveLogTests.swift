import Foundation
import Testing

@Suite("log --interactive")
struct InteractiveLogTests {
    /// Runs `limber log --interactive` on a pty, typing `answers` (one per prompt).
    private func guided(_ sandbox: Sandbox, _ answers: [String]) throws -> CLIResult {
        try sandbox.onTerminal(["log", "--interactive"], stdin: answers.map { $0 + "\n" }.joined())
    }

    /// The prompts of the sciatica routine, in order: routine, then one per exercise and side
    /// (single-leg RDL L/R, rockback, bird dog L/R, chops L/R, nerve glide L/R, knee-to-chest),
    /// another exercise, pain before, pain after, duration, start, note, confirm.
    private func sciaticaAnswers(
        rockback: String = "", painBefore: String = "", painAfter: String = "",
        confirm: String = "y"
    ) -> [String] {
        [
            // routine; RDL left, right; rockback; bird dog left, right; chops left, right;
            // nerve glide (one entry, no side); knee-to-chest; another exercise; pain before,
            // after; duration; start; note; confirm.
            "sciatica", "", "", rockback, "", "", "", "", "", "", "", painBefore, painAfter, "",
            "", "", confirm,
        ]
    }

    @Test("without a terminal, --interactive is a usage error and writes nothing")
    func needsTerminal() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        let before = try snapshot(sandbox.journal)
        let result = try sandbox.limber("log", "--interactive")
        #expect(result.exitCode == 2, "\(result)")
        #expect(result.stderr.contains("terminal"), "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        try expectUnchanged(sandbox.journal, since: before)
    }

    @Test("on a terminal: routine, Enter for as prescribed, s to skip, pain 5 and 3, confirm")
    func guidedSession() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let result = try guided(
            sandbox, sciaticaAnswers(rockback: "s", painBefore: "5", painAfter: "3"))
        #expect(result.exitCode == 0, "\(result)")
        let sessions = try sandbox.limber("list", "--json").decode([SessionJSON].self)
        try #require(sessions.count == 1, "\(result)")
        let session = sessions[0]
        #expect(result.stdout.contains(session.id), "the id is not printed")
        #expect(session.routine == "sciatica")
        #expect(session.painBefore == 5)
        #expect(session.painAfter == 3)
        #expect(session.entries(of: "rockback").isEmpty, "rockback was skipped")
        for exercise in sciaticaPerSide + ["double-knee-to-chest"] {
            RoutineAndProfileTests.expectPrescribed(session, exercise)
        }
    }

    @Test("on a terminal, Enter everywhere logs what --routine logs")
    func guidedAsPrescribedMatchesRoutine() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let result = try guided(sandbox, sciaticaAnswers())
        #expect(result.exitCode == 0, "\(result)")
        let guidedSession = try #require(
            try sandbox.limber("list", "--json").decode([SessionJSON].self).first)
        let routine = try sandbox.limber("log", "--json", "--routine", "sciatica").decode(
            SessionJSON.self)
        #expect(guidedSession.routine == routine.routine)
        #expect(guidedSession.exercises == sciaticaExercises)
        #expect(guidedSession.entries == routine.entries)
    }

    @Test("on a terminal, answering n at the end logs nothing")
    func guidedCancel() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        let before = try snapshot(sandbox.journal)
        let result = try guided(sandbox, sciaticaAnswers(confirm: "n"))
        #expect(result.stdout.contains("nothing logged"), "\(result)")
        try expectUnchanged(sandbox.journal, since: before)
    }

    @Test("a mistyped routine is asked again; Ctrl-D ends an answer; the start is asked; a recap comes first")
    func guidedMistakesAndRecap() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        // "pilates" is no routine: asked again. "sciatica" then Ctrl-D (0x04) ends the answer
        // without Enter, so the newline after it is already the next (empty) answer.
        var answers = ["pilates", "sciatica\u{04}"]
        answers += ["", "s", "", "", "", "", "", ""]  // the routine; rockback skipped
        answers += ["bird dog", "l", "8,8", ""]  // another exercise: side l means left
        answers += ["6", "4", "25m", "yesterday 18:00", "a note", "y"]
        let result = try guided(sandbox, answers)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("unknown routine \"pilates\""), "\(result)")
        #expect(result.stdout.contains("This will be logged:"), "\(result)")
        #expect(result.stdout.contains("pain      6→4"), "the recap shows the pain: \(result)")
        let sessions = try sandbox.limber("list", "--json").decode([SessionJSON].self)
        let session = try #require(sessions.first, "\(result)")
        #expect(session.routine == "sciatica")
        #expect(session.entries(of: "rockback").isEmpty)
        // The left side was given later (8, 8): only the right one is as prescribed.
        let birdDog = session.entries(of: "bird-dog")
        #expect(birdDog.map(\.side) == ["left", "right"], "in routine order: \(birdDog)")
        #expect(birdDog.first { $0.side == "left" }?.sets.map(\.reps) == [8, 8])
        #expect(birdDog.first { $0.side == "right" }?.prescribed == true)
        let yesterday = Calendar(identifier: .gregorian).date(byAdding: .day, value: -1, to: Date())!
        let day = ISO8601DateFormatter.string(
            from: yesterday, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        #expect(session.start.hasPrefix(day + "T18:00"), "\(session.start)")
        #expect(session.notes == "a note")
    }
}
