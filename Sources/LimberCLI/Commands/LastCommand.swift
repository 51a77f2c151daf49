import ArgumentParser
import Limber

struct LastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "last",
        abstract: "What did I do last time: an exercise's last sessions and its records.")

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The exercise (id or name).", valueName: "exercise"))
    var exercise: String

    @Option(help: ArgumentHelp("How many of its last sessions (default 3).", valueName: "N"))
    var count = 3

    func run() throws {
        guard count >= 1 else {
            throw LimberError(.usage("--count must be 1 or more, got \(count)", hint: "e.g. --count 5"))
        }
        let journal = try options.open()
        let found = try journal.catalog.exercise(matching: exercise)
        let sessions = try journal.sessions(matching: SessionFilter(exercise: found.id, last: count))
        let report = try journal.progress(matching: SessionFilter(exercise: found.id))
        if output.json {
            try JSONOutput.print(LastView(exercise: found.id, sessions: sessions.reversed(), records: report.exercises))
            return
        }
        guard !sessions.isEmpty else {
            Terminal.writeError("\(found.name) was never logged: `limber log --set \(found.id)\(found.perSide ? ":left" : "")=12` logs it")
            return
        }
        Terminal.write("\(found.name): last \(sessions.count) session(s), newest first")
        for session in sessions.reversed() {
            let entries = session.entries.filter { $0.exercise == found.id }
            let sets = entries.map { entry in
                (entry.side.map { $0.rawValue + " " } ?? "") + SetText.compact(entry.sets)
                    + (entry.prescribed ? " (as prescribed)" : "")
            }
            Terminal.write("  " + SessionText.timestamp(session.start) + "  " + sets.joined(separator: "   "))
        }
        for item in report.exercises where !item.records.isEmpty {
            let best = ProgressTable.recordsText(item.records)
            Terminal.write("records" + (item.side.map { " (\($0.rawValue))" } ?? "") + ": " + best)
        }
    }
}

/// `last --json`: the sessions (newest first) and the exercise's progress per side.
struct LastView: Encodable {
    var exercise: String
    var sessions: [Session]
    var records: [ExerciseProgress]
}
