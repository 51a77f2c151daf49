import ArgumentParser
import Limber

struct Routines: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routines", abstract: "List the routines (built-in and custom).")

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let journal = try options.open()
        let routines = journal.catalog.routines
        if output.json { return try JSONOutput.print(routines) }
        for routine in routines {
            Terminal.write(
                routine.id.padding(20) + routine.name + "  (\(routine.items.count) exercises)"
                    + (routine.builtIn ? "" : "  [custom]"))
        }
    }
}
