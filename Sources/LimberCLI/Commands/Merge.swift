import ArgumentParser
import Limber

struct Merge: ParsableCommand {
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

    func run() throws {
        let journal = try options.open()
        let passphrase = FileSystemProbe.isFile(path) ? try Passphrase.forReading(path) : nil
        let report = try journal.merge(from: path, dryRun: dryRun, passphrase: passphrase)
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
            if report.newConflicts > 0 {
                let verb = dryRun ? " would appear" : ""
                Terminal.write(
                    "\(report.newConflicts) new conflict(s)\(verb): `limber conflicts` lists them")
            }
        }
        if report.devices.contains(where: { $0.refused != nil }) { throw ExitCode(3) }
    }
}
