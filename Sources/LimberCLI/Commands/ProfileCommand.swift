import ArgumentParser
import Limber

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Show or change your conditions (they trigger contraindication warnings).",
        discussion: """
            A condition must be one some exercise has a caution for (`limber profile --known` \
            lists them), so a typo cannot switch the warnings off. A custom exercise can caution \
            a new one: `limber exercise add NAME --contraindicated CONDITION`.
            Example: limber profile --add herniated-disc
            How often you mean to do a routine: limber profile --per-week sciatica=3
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    @Option(
        help: ArgumentHelp(
            "Add a condition, e.g. herniated-disc. Repeatable.", valueName: "condition"))
    var add: [String] = []

    @Option(help: ArgumentHelp("Remove a condition. Repeatable.", valueName: "condition"))
    var remove: [String] = []

    @Option(
        name: .customLong("per-week"),
        help: ArgumentHelp(
            "ROUTINE=N: you mean to do the routine N times a week (0 clears it); adherence reports against it. Repeatable.",
            valueName: "routine=N"))
    var perWeek: [String] = []

    @Flag(help: "List the conditions exercises have cautions for, and what each cautions.")
    var known = false

    func run() throws {
        let journal = try options.open()
        if known { return try showKnown(journal) }
        var profile = journal.profile
        if !add.isEmpty || !remove.isEmpty || !perWeek.isEmpty {
            let outcome = try journal.updateProfile(adding: add, removing: remove, perWeek: perWeek)
            Terminal.show(outcome.notices)
            profile = outcome.value
        }
        if output.json { return try JSONOutput.print(profile) }
        for (routine, count) in profile.sessionsPerWeek.sorted(by: { $0.key < $1.key }) {
            Terminal.write("\(routine): \(count) session(s) a week")
        }
        if profile.conditions.isEmpty {
            Terminal.write(
                "no conditions (add one with `limber profile --add herniated-disc`; `limber profile --known` lists them)"
            )
            return
        }
        for condition in profile.conditions {
            if let near = journal.catalog.suggestions(forUnknown: condition) {
                Terminal.write(
                    "\(condition.rawValue)  (no exercise has cautions for it, so it warns of nothing"
                        + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")
                        + ")")
            } else {
                Terminal.write(condition.rawValue)
            }
        }
    }

    private func showKnown(_ journal: Journal) throws {
        let known = journal.catalog.knownConditions
        let mine = journal.profile
        if output.json {
            return try JSONOutput.print(
                known.map { item in
                    KnownConditionOutput(
                        condition: item.condition.rawValue, inProfile: mine.contains(item.condition),
                        cautions: item.cautions.map {
                            .init(
                                exercise: $0.exercise.id, severity: $0.caution.severity.rawValue,
                                text: $0.caution.text)
                        })
                })
        }
        if known.isEmpty { Terminal.write("no exercise has cautions for any condition") }
        for item in known {
            let label = mine.contains(item.condition) ? "  (in your profile)" : ""
            Terminal.write("\(item.condition.rawValue)\(label)")
            for caution in item.cautions {
                let severity =
                    caution.caution.severity == .contraindicated ? "contraindicated" : "caution"
                Terminal.write(
                    "  \(caution.exercise.name) [\(caution.exercise.id)], \(severity): \(caution.caution.text)"
                )
            }
        }
    }
}

/// `profile --known --json`.
private struct KnownConditionOutput: Encodable {
    struct CautionOutput: Encodable {
        var exercise: String
        var severity: String
        var text: String
    }
    var condition: String
    var inProfile: Bool
    var cautions: [CautionOutput]
}
