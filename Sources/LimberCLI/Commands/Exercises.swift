import ArgumentParser
import Limber

struct Exercises: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercises", abstract: "List the exercises (built-in and custom).")

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let journal = try options.open()
        let exercises = journal.catalog.exercises
        if output.json { return try JSONOutput.print(exercises) }
        let profile = journal.profile
        for exercise in exercises {
            var line = exercise.id.padding(30) + exercise.name
            if exercise.perSide { line += " (per side)" }
            if !exercise.builtIn { line += "  [custom]" }
            let warnings = journal.catalog.warnings(for: exercise.id, profile: profile)
            if !warnings.isEmpty { line += "  ⚠ " + warnings.map(\.description).joined(separator: "; ") }
            Terminal.write(line)
        }
    }
}

extension String {
    /// Pads with spaces to at least `width` characters (one space at the least).
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
