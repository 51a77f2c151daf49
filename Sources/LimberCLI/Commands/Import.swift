import ArgumentParser
import Limber

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import sessions from limber JSON, events or CSV, or from Strong, Hevy or FitNotes.",
        discussion: """
            The format is recognised from the content unless --format names it. An import is one \
            atomic commit: every new session or, if any line of the file is invalid, nothing \
            (each problem is listed with its line and column). Sessions already imported, here \
            or on another device, are left as they are, so importing a file again adds nothing. \
            Other apps' exports carry local times without an offset: they are read in this \
            machine's time zone unless --timezone names another.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The file to import.", valueName: "file"))
    var file: String

    @Option(help: "auto, limber, events, csv, strong, hevy or fitnotes.")
    var format = "auto"

    @Flag(name: .customLong("dry-run"), help: "Report what would be imported without writing.")
    var dryRun = false

    @Option(help: ArgumentHelp("The zone of the app's local times: UTC, +01:00 or Europe/Berlin.", valueName: "zone"))
    var timezone: String?

    @Option(help: ArgumentHelp("The unit of weights the file does not label (Strong): kg or lb.", valueName: "unit"))
    var unit = "kg"

    func run() throws {
        var importOptions = ImportOptions(zone: try TimeZoneOption.zone(timezone))
        if format != "auto" {
            guard let chosen = ImportFormat(rawValue: format.lowercased()) else {
                throw LimberError(.usage("\"\(format)\" is not an import format", hint: "use auto, limber, events, csv, strong, hevy or fitnotes"))
            }
            importOptions.format = chosen
        }
        guard let weightUnit = WeightUnit(parsing: unit) else {
            throw LimberError(.usage("\"\(unit)\" is not a weight unit", hint: "use kg or lb"))
        }
        importOptions.defaultWeightUnit = weightUnit
        let journal = try options.open()
        let bar = ProgressBar("importing")
        importOptions.progress = bar.handler
        let outcome: WriteOutcome<ImportReport>
        do {
            outcome = try journal.importFile(file, options: importOptions, dryRun: dryRun)
            bar.finish()
        } catch {
            bar.finish()
            throw error
        }
        Terminal.show(outcome.notices)
        let report = outcome.value
        if output.json {
            try JSONOutput.print(report)
            return
        }
        for line in Self.summary(report) { Terminal.write(line) }
    }

    /// The report in a few lines.
    static func summary(_ report: ImportReport) -> [String] {
        let verb = report.dryRun ? "would import" : "imported"
        var lines = [
            "\(verb) \(report.newSessions) new session(s) and \(report.newSets) set(s) from \(report.file) (\(report.format.displayName), \(report.records) record(s))"
        ]
        if report.presentSessions > 0 {
            var line = "\(report.presentSessions) session(s) already in the journal"
            if report.extendedSessions > 0 {
                line += "; \(report.extendedSessions) of them \(report.dryRun ? "would gain" : "gained") entries or sets this file adds"
            } else {
                line += ", left as they are"
            }
            lines.append(line)
        }
        if !report.newExercises.isEmpty {
            let shown = report.newExercises.prefix(8).joined(separator: ", ")
            let more = report.newExercises.count > 8 ? ", …" : ""
            lines.append("\(report.dryRun ? "would define" : "defined") \(report.newExercises.count) custom exercise(s): \(shown)\(more)")
        }
        if !report.newRoutines.isEmpty {
            lines.append("\(report.dryRun ? "would define" : "defined") routine(s): \(report.newRoutines.joined(separator: ", "))")
        }
        if !report.addedConditions.isEmpty {
            lines.append("\(report.dryRun ? "would add" : "added") to the profile: \(report.addedConditions.joined(separator: ", "))")
        }
        for (reason, count) in report.skipped.sorted(by: { $0.key < $1.key }) {
            lines.append("skipped \(count) \(reason) (not sets)")
        }
        return lines
    }
}
