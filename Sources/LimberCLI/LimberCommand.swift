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
            (~/.local/share/limber). Exit codes: 0 ok, 1 error, 2 usage, 3 problems found, \
            4 journal locked.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Log.self, List.self, Show.self, Amend.self, Delete.self, Restore.self,
            Exercises.self, ExerciseCommand.self, Routines.self, RoutineCommand.self,
            ProfileCommand.self, Verify.self, Repair.self,
        ]
    )

    /// Our own entry point, so that exit codes follow DESIGN §7 (ArgumentParser uses 64 for
    /// usage errors) and a person's error prints as one line plus a hint.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any UserFacingError {
            Terminal.report(error)
            Glibc.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.writeError(fullMessage(for: error))
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
