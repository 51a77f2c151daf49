import ArgumentParser
import Limber

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Bring back a deleted session, or (with --to) make a journal from an archive.",
        discussion: """
            `limber restore ID` undeletes a session. `limber restore FILE --to DIR` needs no \
            journal: it checks the whole archive, builds the journal in a temporary folder \
            beside DIR and renames it into place; DIR must not exist or be empty.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The session id (or a unique prefix), or with --to the archive.", valueName: "id|file"))
    var id: String

    @Option(help: ArgumentHelp("Restore the archive into this new folder.", valueName: "dir"))
    var to: String?

    func run() throws {
        if let to {
            let passphrase = try Passphrase.forReading(id)
            let bar = ProgressBar("restoring")
            let summary = try Journal.restoreArchive(id, to: to, passphrase: passphrase, progress: bar.byteHandler)
            bar.finish()
            if output.json { return try JSONOutput.print(summary) }
            Terminal.write(
                "restored journal \(summary.journal) (\(summary.segments) segment(s) of \(summary.devices) device(s)) to \(to); it writes as a new device")
            return
        }
        let outcome = try options.open().restore(id)
        Terminal.show(outcome.notices)
        Terminal.write("restored \(outcome.value.id)")
    }
}
