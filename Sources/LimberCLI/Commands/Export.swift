import ArgumentParser
import Limber

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export sessions as JSON, CSV or Markdown, or the raw event log.",
        discussion: """
            json is lossless (import it into another journal to get the same sessions); csv has \
            one row per set (columns in docs/EXPORT.md); markdown reads as a training log; \
            events is every device's event log in merge order. With --output the file is \
            written to a temporary name and renamed when complete (mode 0600).
            """)

    @OptionGroup var options: JournalOptions

    @Option(help: "json, csv, markdown or events (default: from the --output name, else json).")
    var format: String?

    @OptionGroup var range: DateRangeOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (an earlier export is replaced).", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the --output file even when it is not an earlier limber export.")
    var force = false

    func run() throws {
        if let output { try Journal.checkExportTarget(output, format: nil, force: force) }
        let chosen = try ExportFormat.choose(format, output: output)
        if let output { try Journal.checkExportTarget(output, format: chosen, force: force) }
        var filter = SessionFilter()
        try range.apply(to: &filter)
        let journal = try options.open()
        let destination = try output.map { try ExportOutput(path: $0) } ?? ExportOutput()
        let bar = ProgressBar("exporting")
        let count: Int
        do {
            count = try journal.export(chosen, filter: filter, to: destination, progress: output == nil ? nil : bar.handler)
            bar.finish()
        } catch {
            bar.finish()
            throw error
        }
        Terminal.show(journal.takeNotices())
        if let output {
            let what = chosen == .events ? "event(s)" : "session(s)"
            Terminal.write("wrote \(count) \(what) to \(output)")
        }
    }
}
