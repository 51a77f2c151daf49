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

        func validate() throws {
            if Exercise.Measure(rawValue: measure) == nil {
                throw ValidationError(
                    "--measure must be reps, hold, distance or time, got \"\(measure)\"")
            }
        }

        func run() throws {
            let outcome = try options.open().addExercise(
                name: name, id: id, perSide: perSide,
                measure: Exercise.Measure(rawValue: measure) ?? .reps, notes: note)
            Terminal.show(outcome.notices)
            Terminal.write("added exercise \(outcome.value.id)")
        }
    }
}
