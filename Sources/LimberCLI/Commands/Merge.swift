import ArgumentParser
import Limber

struct Merge: ParsableCommand {
    /// `2 new conflict(s) and 1 possible duplicate(s) came in: review them with …`.
    static func reportReview(_ report: MergeReport, dryRun: Bool) {
        var parts: [String] = []
        if report.newConflicts > 0 { parts.append("\(report.newConflicts) new conflict(s)") }
        if let count = report.newDuplicates, count > 0 {
            parts.append("\(count) possible duplicate(s)")
        }
        if report.newDuplicates == nil {
            Terminal.write(
                "possible duplicates are not counted for more than \(Journal.duplicateCountLimit) new sessions: `limber conflicts` lists them")
        }
        guard !parts.isEmpty else { return }
        Terminal.write(
            "\(parts.joined(separator: " and ")) \(dryRun ? "would come" : "came") in: review them with `limber conflicts review`"
        )
    }

    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge another journal folder into this one (copies what this one lacks).",
        discussion: """
            Every device's complete, verified events are copied; nothing here is rewritten. \
            A device whose events differ from ours at the same seq (a forked device) is refused \
            and reported; the others are merged. Exit 3 when a device was refused.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The other journal folder, or an archive.", valueName: "path"))
    var path: String

    @Flag(name: .customLong("dry-run"), help: "Show what would come in without writing anything.")
    var dryRun = false

    @Flag(
        help:
            "Merge a journal of another id too, and treat the two as one from now on (a journal made by a second `limber init`)."
    )
    var join = false

    func run() throws {
        let journal = try options.open()
        let passphrase = FileSystemProbe.isFile(path) ? try Passphrase.forReading(path) : nil
        let report = try journal.merge(
            from: path, dryRun: dryRun, passphrase: passphrase, join: join)
        Terminal.show(journal.takeNotices())
        if output.json {
            try JSONOutput.print(report)
        } else {
            let verb = dryRun ? "would take" : "took"
            for device in report.devices {
                var line = "device \(device.device): \(verb) \(device.events) event(s)"
                line +=
                    " (\(device.newSessions) new session(s), \(device.changes) change(s), \(device.definitions) definition(s))"
                Terminal.write(line)
                if let refused = device.refused {
                    Terminal.writeError("limber: device \(device.device) refused: \(refused)")
                }
            }
            if report.devices.isEmpty {
                Terminal.write("nothing new: this journal already has everything there")
            }
            if report.joined {
                Terminal.write(
                    dryRun
                        ? "would join \(path) into this journal: merges between the two would be accepted from now on"
                        : "joined \(path) into this journal: merges between the two are accepted from now on")
            }
            Merge.reportReview(report, dryRun: dryRun)
        }
        if report.devices.contains(where: { $0.refused != nil }) { throw ExitCode(3) }
    }
}
