import ArgumentParser
import Limber

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one session (by id or unique id prefix).")

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The session id or a unique prefix of it.", valueName: "id"))
    var id: String

    @Flag(help: "List the session's events (logged, amended, deleted, …) instead.")
    var history = false

    func run() throws {
        let journal = try options.open()
        if history {
            let items = try journal.history(of: id)
            if output.json { return try JSONOutput.print(items) }
            for item in items {
                var line = "\(item.hlc)  \(item.type)  device \(item.device) #\(item.seq)"
                if !item.fields.isEmpty { line += "  " + item.fields.joined(separator: ", ") }
                Terminal.write(line)
            }
            return
        }
        let session = try journal.session(id, includeDeleted: true)
        if output.json { return try JSONOutput.print(journal.listing(session)) }
        Terminal.write(
            SessionText.detail(
                session, catalog: journal.catalog, conflicted: journal.isConflicted(session.id),
                deleted: journal.isDeleted(session.id)))
    }
}
