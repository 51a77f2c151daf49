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
            "When it started: RFC 3339 or \"YYYY-MM-DD HH:MM\" (local time); default now.",
            valueName: "time"))
    var at: String?

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

    @Option(help: ArgumentHelp("A note about the session.", valueName: "text"))
    var note: String?

    /// Each `--set`, parsed.
    func parsedSets() throws -> [SetSpec] { try sets.map { try SetSpec.parse($0) } }

    func parsedStart() throws -> LocalTimestamp? {
        try at.map { try LocalTimestamp(parsingUserInput: $0, now: .now()) }
    }

    func parsedDuration() throws -> Int? {
        try duration.map { try DurationText.parse($0, field: "--duration") }
    }

    func parsedPainBefore() throws -> PainScore? {
        try painBefore.map { try PainScore(parsing: $0, field: "--pain-before") }
    }

    func parsedPainAfter() throws -> PainScore? {
        try painAfter.map { try PainScore(parsing: $0, field: "--pain-after") }
    }
}
