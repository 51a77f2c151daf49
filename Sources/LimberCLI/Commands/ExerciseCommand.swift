import ArgumentParser
import Limber

struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise", abstract: "Define custom exercises.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a custom exercise.",
            discussion: "Example: limber exercise add \"Side plank\" --measure hold --per-side")

        @OptionGroup var options: JournalOptions

        @Argument(help: "The exercise's name.")
        var name: String

        @Option(
            help: ArgumentHelp(
                "Its id (default: the name as a slug, e.g. side-plank).", valueName: "id"))
        var id: String?

        @Flag(help: "Done for each side (left/right) separately.")
        var perSide = false

        @Option(
            help: ArgumentHelp(
                "What a set records: reps, hold, distance or time.", valueName: "measure"))
        var measure: String = "reps"

        @Option(help: ArgumentHelp("How to do it, what to watch for.", valueName: "text"))
        var note: String?

        @Option(
            help: ArgumentHelp(
                "A condition it must not be done with: CONDITION or CONDITION=TEXT (e.g. spinal-stenosis=\"extension narrows the canal\"). Repeatable.",
                valueName: "condition"))
        var contraindicated: [String] = []

        @Option(
            help: ArgumentHelp(
                "A condition to take care with: CONDITION or CONDITION=TEXT. Repeatable.",
                valueName: "condition"))
        var caution: [String] = []

        func validate() throws {
            if Exercise.Measure(rawValue: measure) == nil {
                throw ValidationError(
                    "--measure must be reps, hold, distance or time, got \"\(measure)\"")
            }
        }

        /// `CONDITION[=TEXT]` as a caution of `severity`.
        private func cautions(_ texts: [String], _ severity: Caution.Severity, field: String)
            throws -> [Caution]
        {
            try texts.map { text in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                let condition = try Condition(parsing: parts.first ?? text, field: field)
                let said = parts.count == 2 ? parts[1].trimmingSpaces : ""
                return Caution(condition: condition, severity: severity, text: said)
            }
        }

        func run() throws {
            let all =
                try cautions(contraindicated, .contraindicated, field: "--contraindicated")
                + cautions(caution, .caution, field: "--caution")
            let outcome = try options.open().addExercise(
                name: name, id: id, perSide: perSide,
                measure: Exercise.Measure(rawValue: measure) ?? .reps, notes: note,
                cautions: all)
            Terminal.show(outcome.notices)
            Terminal.write("added exercise \(outcome.value.id)")
        }
    }
}
