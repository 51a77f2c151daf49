import ArgumentParser
import Limber

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List sessions, oldest first.")

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    @Option(
        help: ArgumentHelp(
            "Only sessions from this day or time on (YYYY-MM-DD, \"YYYY-MM-DD HH:MM\" or RFC 3339).",
            valueName: "date"))
    var since: String?

    @Option(
        help: ArgumentHelp(
            "Only sessions up to this day (inclusive) or before this time.", valueName: "date"))
    var until: String?

    @Option(
        help: ArgumentHelp("Only sessions with this exercise (id or name).", valueName: "exercise"))
    var exercise: String?

    @Option(help: ArgumentHelp("Only the newest N sessions.", valueName: "N"))
    var last: Int?

    func validate() throws {
        if let last, last < 1 { throw ValidationError("--last must be 1 or more, got \(last)") }
    }

    func run() throws {
        let journal = try options.open()
        var filter = SessionFilter(last: last)
        filter.since = try since.map { try SessionFilter.bound($0, isUpperBound: false) }
        filter.until = try until.map { try SessionFilter.bound($0, isUpperBound: true) }
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
