import ArgumentParser
import Limber

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show progress: records, pain by week, adherence, left against right.",
        discussion: """
            Every figure and formula is described in docs/STATS.md. Weeks are ISO weeks \
            (Monday first), each session on the local date of its own offset.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var range: DateRangeOptions

    @Option(help: ArgumentHelp("Only this exercise (id or name).", valueName: "exercise"))
    var exercise: String?

    @Option(help: ArgumentHelp("Only sessions logged against this routine (id or name).", valueName: "routine"))
    var routine: String?

    func run() throws {
        let journal = try options.open()
        var filter = SessionFilter()
        try range.apply(to: &filter)
        if let exercise { filter.exercise = try journal.catalog.exercise(matching: exercise).id }
        let routineID = try routine.map { try journal.catalog.routine(matching: $0).id }
        let report = try journal.progress(matching: filter, routine: routineID)
        if output.json {
            // In pieces: the timeline of every session is encoded a thousand at a time.
            try report.writeJSON { Terminal.put($0, to: 1) }
            Terminal.put("\n", to: 1)
        } else {
            for line in ProgressTable.lines(report, width: Terminal.width) { Terminal.write(line) }
            if report.sessions == 0 {
                Terminal.writeError(
                    filter == SessionFilter() && routineID == nil
                        ? "nothing logged yet: `limber log --routine sciatica` logs a session"
                        : "no session matches: try a wider --since/--until")
            }
        }
    }
}
