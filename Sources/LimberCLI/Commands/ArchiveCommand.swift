import ArgumentParser
import Limber

struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Back the journal up into one file, and check or list such a file.",
        discussion: """
            An archive is a tar file (`tar -tf` lists it) with MANIFEST.json first, then \
            limber.json and every segment; local/ is never archived. --encrypt wraps it in \
            ChaCha20-Poly1305 with a key from your passphrase (scrypt); the passphrase comes from \
            LIMBER_PASSPHRASE or is asked twice. `limber restore F --to DIR` makes a journal of \
            it; `limber merge F` merges it. Formats: docs/ARCHIVE.md.
            """,
        subcommands: [Create.self, Verify.self, List.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Write the journal to one archive file (0600).")

        @OptionGroup var options: JournalOptions
        @OptionGroup var output: OutputOptions

        @Argument(
            help: ArgumentHelp(
                "The archive to write (an existing limber archive is replaced).", valueName: "file"))
        var file: String

        @Flag(help: "Encrypt with a passphrase (LIMBER_PASSPHRASE, or asked twice).")
        var encrypt = false

        @Flag(help: "Replace the file even when it is not a limber archive.")
        var force = false

        func run() throws {
            try Journal.checkArchiveTarget(file, journal: options.path, force: force)
            let passphrase = encrypt ? try Passphrase.forNewArchive() : nil
            let environment = JournalOptions.environment
            let scryptN = environment["LIMBER_SCRYPT_N"].flatMap(Int.init).map { max($0, 1024) } ?? (1 << 17)
            let bar = ProgressBar("archiving")
            let summary = try Journal.createArchive(
                of: options.path, to: file, passphrase: passphrase, force: force,
                options: options.openOptions, scryptN: scryptN, progress: bar.byteHandler)
            bar.finish()
            if output.json { return try JSONOutput.print(summary) }
            for item in summary.leftOut {
                Terminal.writeError(
                    "limber: note: left out \(item) (a write in progress or cut short; the archive holds every complete one)")
            }
            Terminal.write(
                "archived \(summary.segments) segment(s) of \(summary.devices) device(s) to \(file)\(summary.encrypted ? " (encrypted)" : "")")
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check every hash and every segment of an archive, writing nothing (exit 3 if damaged).")

        /// Accepted (as before any command) and not needed: the archive is all there is to read.
        @OptionGroup var options: JournalOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: ArgumentHelp("The archive.", valueName: "file"))
        var file: String

        func run() throws {
            let passphrase = try Passphrase.forReading(file)
            let bar = ProgressBar("verifying")
            let summary = try Journal.verifyArchive(file, passphrase: passphrase, progress: bar.byteHandler)
            bar.finish()
            if output.json { return try JSONOutput.print(summary) }
            Terminal.write(
                "ok: \(summary.files.count) file(s), \(summary.segments) segment(s), \(summary.members) member(s), journal \(summary.journal), made \(summary.created)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List what an archive holds (its manifest).")

        /// Accepted (as before any command) and not needed.
        @OptionGroup var options: JournalOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: ArgumentHelp("The archive.", valueName: "file"))
        var file: String

        func run() throws {
            let summary = try Journal.listArchive(file, passphrase: try Passphrase.forReading(file))
            if output.json { return try JSONOutput.print(summary) }
            Terminal.write("journal \(summary.journal), made \(summary.created)\(summary.encrypted ? ", encrypted" : "")")
            for file in summary.files { Terminal.write("\(file.size)\t\(file.sha256.prefix(12))\t\(file.path)") }
        }
    }
}
