import ArgumentParser
import Limber

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo a session's latest change, as a new event (it syncs, and can be undone).",
        discussion: """
            Undoes the latest change not undone yet: run again, it steps further back, down \
            to the logging itself (undoing that deletes the session; `restore` brings it \
            back). Each undo is a new event, so it syncs. `limber show ID --history` lists the \
            events; `limber amend ID --revert EVENT` reverts a chosen one, an undo included \
            (that redoes it).
            """)

    @OptionGroup var options: JournalOptions

    @Argument(help: ArgumentHelp("The session id or a unique prefix of it.", valueName: "id"))
    var id: String

    @Flag(help: "Print the session as it now stands, as JSON.")
    var json = false

    func run() throws {
        let journal = try options.open()
        let outcome = try journal.undo(id)
        Terminal.show(outcome.notices)
        if json { return try JSONOutput.print(journal.listing(outcome.value.session)) }
        Self.report(outcome.value)
    }

    /// `undid amended 9f3c21ab of session 3f2a9c1d:` (or `redid` for the undo of an undo)
    /// then each change, old → new.
    static func report(_ reversion: Reversion) {
        let item = reversion.reverted
        let session = reversion.session.id.prefix(8)
        if let inner = item.reverts, item.label.hasPrefix("undo of ") {
            Terminal.write("redid \(item.label.dropFirst(8)) \(inner) of session \(session):")
        } else {
            Terminal.write("undid \(item.label) \(item.shortID) of session \(session):")
        }
        for change in reversion.changes {
            Terminal.write("  \(change.label): \(change.before) → \(change.after)")
        }
    }
}

