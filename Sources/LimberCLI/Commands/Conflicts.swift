import ArgumentParser
import Limber

struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List concurrent edits made on different devices; exit 3 when there are any.",
        discussion: """
            The journal shows the later edit until you choose: `limber conflicts resolve ID \
            --take mine|theirs|DEVICE`. A resolution syncs like any edit.
            """,
        subcommands: [List.self, Show.self, Resolve.self],
        defaultSubcommand: List.self)

    static func text(_ conflict: ConflictView) -> [String] {
        var lines = [
            "conflict \(conflict.id)  session \(conflict.session.prefix(8))  \(conflict.field)"
        ]
        for (index, side) in conflict.sides.enumerated() {
            let shown = index == conflict.sides.count - 1 ? "  (shown now)" : ""
            lines.append(
                "  \(side.device)\(side.mine ? " (this machine)" : "")  \(SessionText.timestamp(side.time)) UTC  \(side.value)\(shown)"
            )
        }
        return lines
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the conflicts.")

        @OptionGroup var options: JournalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let conflicts = try options.open().conflictViews()
            if output.json {
                try JSONOutput.print(conflicts)
            } else if conflicts.isEmpty {
                Terminal.write("no conflicts")
            } else {
                for conflict in conflicts { Conflicts.text(conflict).forEach(Terminal.write) }
            }
            if !conflicts.isEmpty { throw ExitCode(3) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show both sides of one conflict.")

        @OptionGroup var options: JournalOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: ArgumentHelp("The conflict id or a unique prefix of it.", valueName: "id"))
        var id: String

        func run() throws {
            let conflict = try options.open().conflictView(id)
            if output.json { return try JSONOutput.print(conflict) }
            Conflicts.text(conflict).forEach(Terminal.write)
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve", abstract: "Settle a conflict by taking one side.")

        @OptionGroup var options: JournalOptions

        @Argument(help: ArgumentHelp("The conflict id or a unique prefix of it.", valueName: "id"))
        var id: String

        @Option(help: ArgumentHelp("mine, theirs, or a device id (prefix).", valueName: "side"))
        var take: String

        func run() throws {
            let journal = try options.open()
            let outcome = try journal.resolveConflict(id, take: take)
            Terminal.show(outcome.notices)
            Terminal.write("resolved: session \(outcome.value.id) now has your choice")
        }
    }
}
