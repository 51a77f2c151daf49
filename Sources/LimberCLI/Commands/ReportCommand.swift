import ArgumentParser
import Limber

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a one-page progress report for a physiotherapist (HTML).",
        discussion: """
            One self-contained file (no network, no scripts) that prints on A4: the period, \
            pain before and after each session with the weekly line and its baseline, an \
            adherence calendar, records, left against right, what to look at first and the \
            last sessions. Open it in a browser, or print it to PDF.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var range: DateRangeOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (an earlier report is replaced).", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Only this exercise (id or name).", valueName: "exercise"))
    var exercise: String?

    @Option(help: ArgumentHelp("Only sessions logged against this routine (id or name).", valueName: "routine"))
    var routine: String?

    @Flag(help: "Replace the --output file even when it is not an earlier limber report.")
    var force = false

    func run() throws {
        try Journal.checkReportTarget(output, force: force)
        let journal = try options.open()
        var filter = SessionFilter()
        try range.apply(to: &filter)
        if let exercise { filter.exercise = try journal.catalog.exercise(matching: exercise).id }
        let routineID = try routine.map { try journal.catalog.routine(matching: $0).id }
        let report = try journal.writeReport(
            matching: filter, routine: routineID, to: try ExportOutput(path: output))
        Terminal.writeError("wrote \(output): \(report.sessions) session(s), \(ProgressPage.periodText(report))")
    }
}
