import ArgumentParser
import Limber

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show or change your conditions (they trigger contraindication warnings).",
        discussion: "Example: limber profile --add herniated-disc")

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    @Option(
        help: ArgumentHelp(
            "Add a condition, e.g. herniated-disc. Repeatable.", valueName: "condition"))
    var add: [String] = []

    @Option(help: ArgumentHelp("Remove a condition. Repeatable.", valueName: "condition"))
    var remove: [String] = []

    func run() throws {
        let journal = try options.open()
        var profile = journal.profile
        if !add.isEmpty || !remove.isEmpty {
            let outcome = try journal.updateProfile(adding: add, removing: remove)
            Terminal.show(outcome.notices)
            profile = outcome.value
        }
        if output.json { return try JSONOutput.print(profile) }
        if profile.conditions.isEmpty {
            Terminal.write("no conditions (add one with `limber profile --add herniated-disc`)")
        } else {
            for condition in profile.conditions { Terminal.write(condition.rawValue) }
        }
    }
}
