import ArgumentParser
import Limber

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Bring back a deleted session.")

    @OptionGroup var options: JournalOptions

    @Argument(help: ArgumentHelp("The session id or a unique prefix of it.", valueName: "id"))
    var id: String

    func run() throws {
        let outcome = try options.open().restore(id)
        Terminal.show(outcome.notices)
        Terminal.write("restored \(outcome.value.id)")
    }
}
