import ArgumentParser
import Glibc
import Limber

/// Options every command takes.
struct JournalOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The journal folder (default: $LIMBER_JOURNAL, else ~/.local/share/limber).",
            valueName: "path"))
    var journal: String?

    /// The variables of the process environment limber reads: `LIMBER_*`, `HOME` and
    /// `XDG_DATA_HOME`, read once (the whole environment as a dictionary cost a command
    /// 0.5 M instructions each time it was asked for).
    static let environment: [String: String] = {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            pointer += 1
            let text = UnsafeRawBufferPointer(start: entry, count: strlen(entry))
            guard let equals = text.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: text[..<equals]), as: UTF8.self)
            guard name.hasPrefix("LIMBER_") || name == "HOME" || name == "XDG_DATA_HOME" else { continue }
            result[name] = String(
                decoding: UnsafeRawBufferPointer(rebasing: text[(equals + 1)...]), as: UTF8.self)
        }
        return result
    }()

    var path: String { JournalLocation.resolve(explicit: journal, environment: Self.environment) }

    var openOptions: Journal.Options {
        let environment = Self.environment
        let timeout = environment["LIMBER_LOCK_TIMEOUT"].flatMap(Double.init) ?? 10
        return Journal.Options(lockTimeout: timeout, environment: environment)
    }

    /// Opens the journal (never creates one) and shows damage notices.
    func open() throws -> Journal {
        let journal = try Journal.open(at: path, options: openOptions)
        Terminal.show(journal.takeNotices())
        // The process ends with the command: freeing a state of 100k sessions one record at a
        // time would cost ~0.1 s for nothing, so the journal is deliberately never released.
        _ = Unmanaged.passRetained(journal)
        return journal
    }
}

/// `--json` for read commands.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of text.")
    var json = false
}
