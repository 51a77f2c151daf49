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
        subcommands: [List.self, Show.self, Resolve.self, Review.self],
        defaultSubcommand: List.self)

    static func text(_ conflict: ConflictView) -> [String] {
        let isDuplicate = conflict.field == "duplicate"
        let title =
            isDuplicate
            ? "possible duplicate: the same day and exercises on two devices" : conflict.field
        var lines = ["conflict \(conflict.id)  session \(conflict.session.prefix(8))  \(title)"]
        for (index, side) in conflict.sides.enumerated() {
            let shown = !isDuplicate && index == conflict.sides.count - 1 ? "  (shown now)" : ""
            let time = SessionText.timestamp(side.time) + (isDuplicate ? "" : " UTC")
            lines.append(
                "  \(side.device)\(side.mine ? " (this machine)" : "")  \(time)  \(side.value)\(shown)"
            )
        }
        if isDuplicate {
            lines.append(
                "  resolve with --take both (keep both) or a side (keep it, delete the other)")
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

        @Option(
            help: ArgumentHelp(
                "mine, theirs, or a device id (prefix); for a possible duplicate also both.",
                valueName: "side"))
        var take: String

        func run() throws {
            let journal = try options.open()
            let outcome = try journal.resolveConflict(id, take: take)
            Terminal.show(outcome.notices)
            Terminal.write("resolved: session \(outcome.value.id) now has your choice")
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Walk through the conflicts on a terminal, choosing a side for each.")

        @OptionGroup var options: JournalOptions

        func run() throws {
            guard Terminal.isInteractive else {
                throw LimberError(
                    .usage(
                        "conflicts review needs a terminal",
                        hint: "use `limber conflicts resolve ID --take SIDE`"))
            }
            let journal = try options.open()
            let conflicts = try journal.conflictViews()
            if conflicts.isEmpty { return Terminal.write("no conflicts") }
            var resolved = 0
            for (number, conflict) in conflicts.enumerated() {
                Terminal.write("\n[\(number + 1)/\(conflicts.count)]")
                Conflicts.text(conflict).forEach(Terminal.write)
                let choices = conflict.sides.enumerated().map { "\($0.offset + 1)" }.joined(
                    separator: "/")
                while true {
                    guard
                        let answer = Terminal.ask(
                            "take side \(choices), s to skip, q to quit [s]: ")
                    else { return }
                    if answer.isEmpty || answer == "s" { break }
                    if answer == "q" {
                        Terminal.write("resolved \(resolved) of \(conflicts.count)")
                        return
                    }
                    guard let index = Int(answer), conflict.sides.indices.contains(index - 1) else {
                        Terminal.writeError("limber: answer \(choices), s or q")
                        continue
                    }
                    let outcome = try journal.resolveConflict(
                        conflict.id, take: conflict.sides[index - 1].device)
                    Terminal.show(outcome.notices)
                    resolved += 1
                    break
                }
            }
            Terminal.write("resolved \(resolved) of \(conflicts.count)")
        }
    }
}
