import ArgumentParser
import Limber

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo a session's latest change, as a new event (it syncs, and can be undone).",
        discussion: """
            The latest change is the last event of the session in merge order: an amendment, \
            a deletion, a restoration, a conflict's resolution, or the logging itself (undoing \
            that deletes the session). `limber show ID --history` lists the events; \
            `limber amend ID --revert EVENT` undoes an earlier one.
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

    /// `undid session.amended 0193ab12 of session 3f2a9c1d:` then each change, old → new.
    static func report(_ reversion: Reversion) {
        let what = reversion.reverted.type.replacingPrefix("session.", with: "")
        Terminal.write(
            "undid \(what) \(reversion.reverted.shortID) of session \(reversion.session.id.prefix(8))"
        )
        for change in reversion.changes {
            Terminal.write("  \(change.label): \(change.before) → \(change.after)")
        }
    }
}

extension String {
    /// The text with `prefix` replaced by `replacement` when it starts with it.
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
