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

    @Option(help: "json, csv, markdown or events.")
    var format = "json"

    @Option(help: ArgumentHelp("Only sessions from this day or time on.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only sessions up to this day (inclusive) or time.", valueName: "date"))
    var until: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        guard let chosen = ExportFormat(rawValue: format.lowercased()) else {
            throw LimberError(.usage("\"\(format)\" is not an export format", hint: "use json, csv, markdown or events (html is `limber report`)"))
        }
        var filter = SessionFilter()
        filter.since = try since.map { try SessionFilter.bound($0, isUpperBound: false) }
        filter.until = try until.map { try SessionFilter.bound($0, isUpperBound: true) }
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
            Terminal.writeError("limber: wrote \(count) \(what) to \(output)")
        }
    }
}
