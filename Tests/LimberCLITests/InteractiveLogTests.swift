import Foundation
import Testing

@Suite("log --interactive")
struct InteractiveLogTests {
    /// util-linux `script` (Debian package bsdutils) gives the command a pseudo-terminal.
    static let script = "/usr/bin/script"

    /// Runs `limber log --interactive` on a pty, typing `answers` (one per prompt).
    private func guided(_ sandbox: Sandbox, _ answers: [String]) throws -> CLIResult {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.script),
            "\(Self.script) is missing: apt-get install bsdutils")
        let command = [LimberBinary.path, "log", "--interactive", "--journal", sandbox.journal]
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        return try sandbox.run(
            Self.script, ["-qec", command, "/dev/null"],
            stdin: answers.map { $0 + "\n" }.joined())
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
}
