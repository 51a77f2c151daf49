import ArgumentParser
import Limber

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Two-way exchange with a shared folder (USB stick, mounted share).",
        discussion: """
            Takes what the folder has that this journal lacks, then puts there what it lacks. \
            An empty or missing folder becomes a journal folder. Every file written into it is \
            written under a temporary name and renamed. Exit 3 when a device was refused.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The shared folder.", valueName: "dir"))
    var dir: String

    @Flag(
        name: .customLong("dry-run"),
        help: "Show what would move either way without writing anything.")
    var dryRun = false

    @Flag(help: "Sync with a folder that holds a journal of another id, joining the two.")
    var join = false

    func run() throws {
        let path = options.path
        // A second machine starts from the shared copy: the same journal, not a new one.
        if dryRun, !Journal.exists(at: path), Journal.exists(at: dir) {
            Terminal.write("would make \(path) a copy of the journal in \(dir) on this machine")
            return
        }
        if !dryRun, try Journal.startFromShared(at: path, folder: dir, options: options.openOptions) {
            Terminal.write("created journal at \(path) as a copy of the one in \(dir)")
        }
        let journal = try options.open()
        let report = try journal.sync(with: dir, dryRun: dryRun, join: join)
        Terminal.show(journal.takeNotices())
        if output.json { return try JSONOutput.print(report) }
        if report.createdFolder {
            Terminal.write(
                dryRun
                    ? "would make \(dir) a shared journal folder"
                    : "made \(dir) a shared journal folder")
        }
        let verb = dryRun ? "would" : ""
        Terminal.write(
            "from the folder: \(verb.isEmpty ? "" : "would take ")\(report.received.events) event(s), \(report.received.devices.reduce(0) { $0 + $1.newSessions }) new session(s)"
        )
        Terminal.write(
            "to the folder: \(verb.isEmpty ? "" : "would put ")\(report.sent.events) event(s)")
        let refused = (report.received.devices + report.sent.devices).compactMap { device in
            device.refused.map { "device \(device.device): \($0)" }
        }
        if report.received.joined {
            Terminal.write(
                "\(dryRun ? "would join" : "joined") the journal in \(dir) with this one: syncs between the two are accepted from now on")
        }
        Merge.reportReview(report.received, dryRun: dryRun)
        for line in refused { Terminal.writeError("limber: refused: \(line)") }
        if !refused.isEmpty { throw ExitCode(3) }
    }
}
