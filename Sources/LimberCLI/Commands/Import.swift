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
            machine's time zone unless --timezone names another. A file that gives weights \
            without their unit (Strong's plain layout) needs --unit (on a terminal you are \
            asked). Importing the same file again with other options corrects the sessions it \
            made that you have not changed in limber since.
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

    @Option(help: ArgumentHelp("The unit of weights the file does not label (Strong): kg (and km) or lb (and miles).", valueName: "unit"))
    var unit: String?

    func run() throws {
        var importOptions = ImportOptions(zone: try TimeZoneOption.zone(timezone))
        importOptions.zoneIsExplicit = timezone != nil
        if format != "auto" {
            guard let chosen = ImportFormat(rawValue: format.lowercased()) else {
                throw LimberError(.usage("\"\(format)\" is not an import format", hint: "use auto, limber, events, csv, strong, hevy or fitnotes"))
            }
            importOptions.format = chosen
        }
        if let unit {
            guard let weightUnit = WeightUnit(parsing: unit) else {
                throw LimberError(.usage("--unit: \"\(unit)\" is not a weight unit", hint: "use kg or lb"))
            }
            importOptions.defaultWeightUnit = weightUnit
        }
        let journal = try options.open()
        let outcome: WriteOutcome<ImportReport>
        do {
            outcome = try read(journal, importOptions)
        } catch let error as ImportError {
            // No unit in the file and none given: on a terminal, ask, showing the rows.
            guard case .unitNotStated = error.kind, Terminal.isInteractive else { throw error }
            guard let chosen = Self.askUnit(error) else {
                throw LimberError(
                    .usage("no unit given: nothing was imported", hint: "run it again with --unit kg or --unit lb"))
            }
            importOptions.defaultWeightUnit = chosen
            outcome = try read(journal, importOptions)
        }
        Terminal.show(outcome.notices)
        var report = outcome.value
        if let timezone, report.localTimesIn != nil { report.localTimesIn = timezone }
        if output.json {
            try JSONOutput.print(report)
            return
        }
        for line in Self.summary(report) { Terminal.write(line) }
    }

    private func read(_ journal: Journal, _ importOptions: ImportOptions) throws
        -> WriteOutcome<ImportReport>
    {
        var importOptions = importOptions
        let bar = ProgressBar("importing")
        importOptions.progress = bar.handler
        defer { bar.finish() }
        return try journal.importFile(file, options: importOptions, dryRun: dryRun)
    }

    /// Shows the rows without a unit and asks for one; `nil` when the person gives none.
    private static func askUnit(_ error: ImportError) -> WeightUnit? {
        Terminal.writeError("limber: \(error.description)")
        for line in error.details.dropFirst() { Terminal.writeError(line) }
        while let answer = Terminal.ask("Are these weights kg (distances km) or lb (distances miles)? [kg/lb]: ") {
            if answer.isEmpty { return nil }
            if let unit = WeightUnit(parsing: answer) { return unit }
            Terminal.writeError("limber: answer kg or lb, or press Enter to import nothing")
        }
        return nil
    }

    /// The report in a few lines.
    static func summary(_ report: ImportReport) -> [String] {
        let verb = report.dryRun ? "would import" : "imported"
        var lines = [
            "\(verb) \(report.newSessions) new session(s) and \(report.newSets) set(s) from \(report.file) (\(report.format.displayName), \(report.records) record(s))"
        ]
        if let zone = report.localTimesIn {
            lines.append(
                "the app's local times were read in \(zone)"
                    + (zone == "this machine's time zone" ? " (--timezone names another)" : ""))
        }
        if report.presentSessions > 0 {
            var parts: [String] = []
            if report.correctedSessions > 0 {
                parts.append("\(report.correctedSessions) \(report.dryRun ? "would be" : "were") corrected to what this file now says")
            }
            if report.extendedSessions > 0 {
                parts.append("\(report.extendedSessions) \(report.dryRun ? "would gain" : "gained") entries or sets this file adds")
            }
            let untouched = report.unchangedSessions
            if untouched > 0, parts.isEmpty, report.leftChanged.isEmpty, report.leftDeleted.isEmpty {
                parts.append("left as they are (this file has nothing new for them)")
            } else if untouched > 0 {
                parts.append("\(untouched) unchanged")
            }
            lines.append("\(report.presentSessions) session(s) already in the journal: " + parts.joined(separator: "; "))
        }
        if !report.leftChanged.isEmpty {
            lines.append(
                "left \(report.leftChanged.count) session(s) as they are because you changed them in limber since: \(shortList(report.leftChanged)) (`limber show ID --history` shows what changed)")
        }
        if !report.leftDeleted.isEmpty {
            lines.append(
                "\(report.leftDeleted.count) session(s) of this file that you deleted stay deleted: \(shortList(report.leftDeleted)) (`limber restore ID`, then import again, brings one back as the file has it)")
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

    /// The first five ids, short, then a count.
    private static func shortList(_ ids: [String]) -> String {
        ids.prefix(5).map { String($0.prefix(8)) }.joined(separator: ", ")
            + (ids.count > 5 ? " and \(ids.count - 5) more" : "")
    }
}
