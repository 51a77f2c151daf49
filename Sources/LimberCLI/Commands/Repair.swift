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
        if output.json { return try JSONOutput.print(actions) }
        if actions.isEmpty { Terminal.write("nothing to repair") }
        for action in actions {
            Terminal.write(
                "\(action.file): kept \(action.keptMembers) valid member(s), set aside \(action.droppedBytes) damaged byte(s); the original is kept as \(action.movedTo)"
            )
        }
    }
}
