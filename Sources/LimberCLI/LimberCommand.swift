import ArgumentParser
import Glibc
import Limber

/// `limber`: the command line of DESIGN §7.
@main
struct LimberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limber",
        abstract: "An offline exercise journal with an append-only log that merges devices.",
        discussion: """
            The journal is --journal, else $LIMBER_JOURNAL, else $XDG_DATA_HOME/limber \
            (~/.local/share/limber). Exit codes: 0 ok, 1 error, 2 bad usage or value, 3 damage \
            or conflicts found, or a device refused, \
            4 journal locked, 5 wrong or missing passphrase.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Log.self, List.self, Show.self, Amend.self, Undo.self, Delete.self,
            Restore.self,
            Exercises.self, ExerciseCommand.self, Routines.self, RoutineCommand.self,
            ProfileCommand.self, StatsCommand.self, ReportCommand.self, LastCommand.self, Merge.self, Sync.self, Devices.self, Conflicts.self, Verify.self,
            Repair.self, Import.self, Export.self, ArchiveCommand.self, GitCommand.self,
            GitMerge.self,
        ]
    )

    /// Our own entry point, so that exit codes follow DESIGN §7 (ArgumentParser uses 64 for
    /// usage errors) and a person's error prints as one line plus a hint.
    static func main() {
        let arguments = Self.movingGlobalOptions(Array(CommandLine.arguments.dropFirst()))
        if let unknown = CommandPath.unknownCommand(in: arguments) {
            Terminal.report(unknown)
            Glibc.exit(unknown.exitCode)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as any UserFacingError {
            Terminal.report(error)
            Glibc.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // ArgumentParser's own refusals (a missing argument, an unknown option, a
                // failed validate()) in the style of every other error: one line and a hint.
                let path = CommandPath.words(in: arguments)
                let message = message(for: error).split(separator: "\n").first.map(String.init)
                    ?? "invalid command line"
                Terminal.report(
                    LimberError(
                        .usage(
                            Self.lowercasingFirst(
                                message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message),
                            hint: "see `\((["limber"] + path).joined(separator: " ")) --help`")))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }

    private static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true
        else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// DESIGN §7 puts `--journal PATH` before the command (`limber --journal J list`), while
    /// ArgumentParser reads a subcommand's options after its name: move it there.
    static func movingGlobalOptions(_ arguments: [String]) -> [String] {
        var moved: [String] = []
        var rest = arguments
        while let first = rest.first, first.hasPrefix("--journal") {
            if first == "--journal", rest.count >= 2 {
                moved.append(contentsOf: rest.prefix(2))
                rest.removeFirst(2)
            } else if first.hasPrefix("--journal=") {
                moved.append(first)
                rest.removeFirst()
            } else {
                break
            }
        }
        guard !moved.isEmpty else { return arguments }
        // After the subcommand path (the leading words that are not options).
        let path = rest.prefix { !$0.hasPrefix("-") }
        var depth = 0
        var command: any ParsableCommand.Type = LimberCommand.self
        for word in path {
            guard
                let next = command.configuration.subcommands.first(where: {
                    $0._commandName == word
                })
            else { break }
            command = next
            depth += 1
        }
        return Array(rest.prefix(depth)) + moved + Array(rest.dropFirst(depth))
    }
}
