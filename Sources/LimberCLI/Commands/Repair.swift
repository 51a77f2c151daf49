import ArgumentParser
import Limber

struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Move damaged segment data aside (*.corrupt) and keep every valid member.")

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let actions = try Journal.repair(at: options.path, options: options.openOptions)
        let recovered = try Journal.recoverConflictCopies(
            at: options.path, options: options.openOptions)
        if output.json {
            return try JSONOutput.print(RepairOutput(segments: actions, conflictCopies: recovered))
        }
        if actions.isEmpty && recovered.isEmpty { Terminal.write("nothing to repair") }
        for item in recovered {
            Terminal.write(
                "device \(item.device): kept \(item.events) event(s) found only in a sync tool's conflict copy"
            )
            if let refused = item.refused {
                Terminal.writeError("limber: the rest of that copy was not taken: \(refused)")
            }
        }
        for action in actions {
            if action.movedTo.isEmpty {
                Terminal.write("\(action.file): removed the symbolic link (what it pointed at is untouched)")
                continue
            }
            Terminal.write(
                "\(action.file): kept \(action.keptMembers) valid member(s), set aside \(action.droppedBytes) damaged byte(s); the original is kept as \(action.movedTo)"
            )
        }
    }
}

/// `repair --json`.
private struct RepairOutput: Encodable {
    var segments: [RepairAction]
    var conflictCopies: [RecoveredEvents]
}
