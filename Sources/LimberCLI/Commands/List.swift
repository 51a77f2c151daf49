import ArgumentParser
import Limber

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List sessions, oldest first.")

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var range: DateRangeOptions

    @Option(
        help: ArgumentHelp("Only sessions with this exercise (id or name).", valueName: "exercise"))
    var exercise: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Only the newest N sessions.", valueName: "N"))
    var last: Int?

    func run() throws {
        if let last, last < 1 {
            throw LimberError(
                .usage("--last must be 1 or more, got \(last)", hint: "e.g. --last 10 for the newest ten"))
        }
        let journal = try options.open()
        var filter = SessionFilter(last: last)
        try range.apply(to: &filter)
        if let exercise { filter.exercise = try journal.catalog.exercise(matching: exercise).id }
        let sessions = try journal.sessions(matching: filter)
        if output.json {
            try JSONOutput.print(sessions.map { journal.listing($0) })
        } else if sessions.isEmpty {
            Terminal.writeError(
                "no sessions"
                    + (filter == SessionFilter()
                        ? " yet: `limber log --routine sciatica` logs one" : " match"))
        } else {
            for session in sessions {
                Terminal.write(
                    SessionText.line(session, conflicted: journal.isConflicted(session.id)))
            }
        }
    }
}
