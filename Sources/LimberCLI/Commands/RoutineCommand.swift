import ArgumentParser
import Limber

struct RoutineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routine", abstract: "Show or define routines.",
        subcommands: [Show.self, Add.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a routine's exercises, prescriptions and cautions for your profile.")

        @OptionGroup var options: JournalOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The routine's id or name (e.g. sciatica).")
        var name: String

        func run() throws {
            let journal = try options.open()
            let routine = try journal.catalog.routine(matching: name)
            if output.json { return try JSONOutput.print(routine) }
            Terminal.write("\(routine.name) (\(routine.id))")
            if let source = routine.source { Terminal.write("source: \(source)") }
            let profile = journal.profile
            for (index, item) in routine.items.enumerated() {
                let exercise = try? journal.catalog.exercise(matching: item.exercise)
                Terminal.write(
                    "\(index + 1). \(exercise?.name ?? item.exercise) [\(item.exercise)]: \(item.prescription.text)"
                )
                if let notes = exercise?.notes { Terminal.write("   \(notes)") }
                for caution in exercise?.cautions ?? [] {
                    let applies = profile.contains(caution.condition)
                    let label = caution.severity == .contraindicated ? "CONTRAINDICATED" : "caution"
                    Terminal.write(
                        "   \(applies ? "⚠ " : "")\(label) (\(caution.condition.rawValue)\(applies ? ", in your profile" : "")): \(caution.text)"
                    )
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a custom routine.",
            discussion:
                "Example: limber routine add \"Core\" --item bird-dog=3x12/side --item side-plank=3x30s-45s/side"
        )

        @OptionGroup var options: JournalOptions

        @Argument(help: "The routine's name.")
        var name: String

        @Option(
            name: .customLong("item"),
            help: ArgumentHelp(
                "EXERCISE=SETSxREPS[-MAX][/side] or EXERCISE=SETSxHOLDs[-MAXs][/side]. Repeatable.",
                valueName: "item"))
        var items: [String] = []

        @Option(
            name: .customLong("per-week"),
            help: ArgumentHelp("Sessions a week you mean to do (adherence reports against it).", valueName: "N"))
        var perWeek: Int?

        func run() throws {
            let outcome = try options.open().addRoutine(name: name, items: items, perWeek: perWeek)
            Terminal.show(outcome.notices)
            Terminal.write(
                "added routine \(outcome.value.id)" + (perWeek.map { ", \($0) session(s) a week" } ?? ""))
        }
    }
}
