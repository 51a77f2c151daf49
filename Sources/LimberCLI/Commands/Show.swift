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
                let device = item.deviceName.map { "\($0) (\(item.device.prefix(8)))" } ?? item.device
                let label = item.reverts.map { "\(item.label) \($0)" } ?? item.label
                Terminal.write(
                    "\(LocalTime.text(item.time))  \(label)\(item.byImport ? " by import" : "")  on \(device)  event \(item.shortID)\(item.undone ? "  (undone)" : "")"
                )
                let created = item.type == "session.logged"
                for change in item.changes {
                    Terminal.write(
                        created
                            ? "    \(change.label): \(change.after)"
                            : "    \(change.label): \(change.before) → \(change.after)")
                }
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
