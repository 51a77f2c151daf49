import ArgumentParser
import Limber

struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a session (`limber restore` undoes it; the history keeps everything).")

    @OptionGroup var options: JournalOptions

    @Argument(help: ArgumentHelp("The session id or a unique prefix of it.", valueName: "id"))
    var id: String

    func run() throws {
        let outcome = try options.open().delete(id)
        Terminal.show(outcome.notices)
        Terminal.write("deleted \(outcome.value.id)")
    }
}
