import ArgumentParser
import Limber

/// The session options `log` and `amend` share (DESIGN §7).
struct SessionFieldOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "EXERCISE[:SIDE]=SPEC[,SPEC…]; SPEC is REPS, REPSxWEIGHT (12x5kg, 10x12.5lb) or a hold (45s); a trailing ! marks \"stopped: pain\". Repeatable.",
            valueName: "set"))
    var sets: [String] = []

    @Option(
        help: ArgumentHelp(
            "When it started: \"YYYY-MM-DD HH:MM\" or HH:MM (local time), RFC 3339, yesterday, \"yesterday 18:00\"; a day alone means this time of day on it. log defaults to now.",
            valueName: "time"))
    var at: String?

    @Flag(help: "Allow --at more than a day in the future.")
    var future = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("How long it took: 25m, 1h10m, 90s.", valueName: "duration"))
    var duration: String?

    @Option(
        name: .customLong("pain-before"), parsing: .unconditional,
        help: ArgumentHelp("Pain before, 0 (none) to 10 (worst).", valueName: "0-10"))
    var painBefore: String?

    @Option(
        name: .customLong("pain-after"), parsing: .unconditional,
        help: ArgumentHelp("Pain after, 0 (none) to 10 (worst).", valueName: "0-10"))
    var painAfter: String?

    @Option(
        name: .customLong("symptoms-before"), parsing: .unconditional,
        help: ArgumentHelp(
            "Back and leg symptoms before: back=0-10, leg-left=0-10, leg-right=0-10, reach-left/reach-right=none|buttock|thigh|knee|calf|foot, numbness/tingling/weakness=left|right|both, comma-separated (amend changes only the keys given; \"\" clears).",
            valueName: "key=value,…"))
    var symptomsBefore: String?

    @Option(
        name: .customLong("symptoms-after"), parsing: .unconditional,
        help: ArgumentHelp("Back and leg symptoms after, as --symptoms-before.", valueName: "key=value,…"))
    var symptomsAfter: String?

    @Option(help: ArgumentHelp("A note about the session.", valueName: "text"))
    var note: String?

    /// Each `--set`, parsed.
    func parsedSets() throws -> [SetSpec] { try sets.map { try SetSpec.parse($0) } }

    /// `--at`, parsed; a daylight-saving shift of the time typed is shown as a note.
    func parsedStart() throws -> LocalTimestamp? {
        guard let at else { return nil }
        let typed = try LocalTimestamp.parseTyped(at, now: .now(), field: "--at", bareDay: .timeOfNow)
        if let adjustment = typed.adjustment { Terminal.show([Notice(.info, adjustment)]) }
        return typed.timestamp
    }

    func parsedDuration() throws -> Int? {
        guard let duration else { return nil }
        let seconds = try DurationText.parse(duration, field: "--duration")
        guard seconds > 0 else {
            throw LimberError(
                .usage(
                    "--duration: \"\(duration)\" is no time at all",
                    hint: "give how long the session took, such as 25m, or leave --duration out"))
        }
        return seconds
    }

    func parsedPainBefore() throws -> PainScore? {
        try painBefore.map { try PainScore(parsing: $0, field: "--pain-before") }
    }

    func parsedPainAfter() throws -> PainScore? {
        try painAfter.map { try PainScore(parsing: $0, field: "--pain-after") }
    }

    func parsedSymptomsBefore() throws -> Symptoms? {
        try symptomsBefore.map { try Symptoms(parsing: $0, field: "--symptoms-before") }
    }

    func parsedSymptomsAfter() throws -> Symptoms? {
        try symptomsAfter.map { try Symptoms(parsing: $0, field: "--symptoms-after") }
    }
}
