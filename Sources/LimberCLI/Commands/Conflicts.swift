import ArgumentParser
import Limber

struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List concurrent edits made on different devices; exit 3 when there are any.",
        discussion: """
            The journal shows the later edit until you choose: `limber conflicts resolve ID \
            --take N|mine|theirs|DEVICE` (N: the side's number as listed). A resolution syncs like \
            any edit.
            """,
        subcommands: [List.self, Show.self, Resolve.self, Review.self],
        defaultSubcommand: List.self)

    /// The conflict as lines: a heading, then each side numbered, with its device's name,
    /// local time and value, and which one `list` and `show` show now.
    static func text(_ conflict: ConflictView) -> [String] {
        let isDuplicate = conflict.field == "duplicate"
        let title =
            isDuplicate
            ? "possible duplicate: the same exercises within 90 minutes on two devices"
            : conflict.label
        var lines = ["conflict \(conflict.id)  session \(conflict.session.prefix(8))  \(title)"]
        for (index, side) in conflict.sides.enumerated() {
            let shown = !isDuplicate && side.shown ? "  (shown now)" : ""
            lines.append(
                "  \(index + 1). \(device(side))  \(LocalTime.text(side.time))  \(side.value)\(shown)")
        }
        if isDuplicate {
            lines.append("  keep both, or keep one side and delete the other")
        }
        return lines
    }

    /// `laptop (3f2a9c1d, this machine)`, or the id when the device has no name.
    static func device(_ side: ConflictView.Side) -> String {
        let mine = side.mine ? ", this machine" : ""
        if let name = side.deviceName { return "\(name) (\(side.device.prefix(8))\(mine))" }
        return side.device + (side.mine ? " (this machine)" : "")
    }

    /// `kept pain after = 5 (from laptop)`.
    static func kept(_ outcome: ConflictOutcome) -> String {
        let from =
            outcome.device.isEmpty || outcome.field == "possible duplicate"
            ? "" : " (from \(outcome.deviceName ?? String(outcome.device.prefix(8))))"
        let session = outcome.session.id.prefix(8)
        if outcome.field == "deleted" {
            return "resolved session \(session): kept \(outcome.kept)\(from)"
        }
        return "resolved \(outcome.field) of session \(session): kept \(outcome.kept)\(from)"
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
                "A side's number, mine, theirs, or a device name or id (prefix); for a possible duplicate also both.",
                valueName: "side"))
        var take: String

        func run() throws {
            let journal = try options.open()
            let outcome = try journal.resolveConflict(id, take: take)
            Terminal.show(outcome.notices)
            Terminal.write(Conflicts.kept(outcome.value))
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
                let numbers = conflict.sides.indices.map { "\($0 + 1)" }.joined(separator: "/")
                let both = conflict.field == "duplicate" ? ", both" : ""
                while true {
                    guard
                        let answer = Terminal.ask(
                            "take \(numbers), mine, theirs, a device name\(both); s to skip, q to quit [s]: ")
                    else {
                        Terminal.write("\nresolved \(resolved) of \(conflicts.count)")
                        return
                    }
                    let lowered = answer.lowercased()
                    if answer.isEmpty || lowered == "s" || lowered == "skip" { break }
                    if lowered == "q" || lowered == "quit" {
                        Terminal.write("resolved \(resolved) of \(conflicts.count)")
                        return
                    }
                    let take: String
                    if let index = Int(answer) {
                        guard conflict.sides.indices.contains(index - 1) else {
                            Terminal.writeError("limber: there is no side \(index): answer \(numbers)")
                            continue
                        }
                        take = conflict.sides[index - 1].device
                    } else {
                        take = answer
                    }
                    if lowered == "both", conflict.field != "duplicate" {
                        Terminal.writeError(
                            "limber: both is for a possible duplicate; here answer \(numbers), mine, theirs or a device name")
                        continue
                    }
                    do {
                        let outcome = try journal.resolveConflict(conflict.id, take: take)
                        Terminal.show(outcome.notices)
                        Terminal.write(Conflicts.kept(outcome.value))
                        resolved += 1
                        break
                    } catch let error as LimberError {
                        if case .usage = error.kind {
                            let devices = conflict.sides.map(Conflicts.device).joined(separator: ", ")
                            Terminal.writeError(
                                "limber: \"\(answer)\" names no side: answer \(numbers), mine, theirs or a device (\(devices))")
                        } else {
                            Terminal.report(error)
                        }
                    }
                }
            }
            Terminal.write("resolved \(resolved) of \(conflicts.count)")
        }
    }
}
