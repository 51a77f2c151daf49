import ArgumentParser
import Limber

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a session and print its id.",
        discussion: """
            Examples:
              limber log --routine sciatica --pain-before 6 --pain-after 4
              limber log --set bird-dog:left=12,12,10! --set rockback=12,12,12 --duration 25m
              limber log --set "single-leg-romanian-deadlift:right=10x8kg,10x8kg" --at "2026-11-24 07:30"
            With --routine, the routine's exercises (and sides) not given by --set are logged as \
            prescribed, marked so in show, list and every export; --skip leaves one out. A \
            per-side exercise needs its side: bird-dog:left, :right, or :both for both at once.
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var fields: SessionFieldOptions

    @Option(
        help: ArgumentHelp(
            "A routine (e.g. sciatica): its exercises not given by --set are logged as prescribed.",
            valueName: "routine"))
    var routine: String?

    @Option(
        help: ArgumentHelp(
            "An exercise of the routine you did not do (EXERCISE or EXERCISE:SIDE). Repeatable.",
            valueName: "exercise"))
    var skip: [String] = []

    @Flag(help: "Ask for each exercise, set and pain score on the terminal.")
    var interactive = false

    @Flag(help: "Print the session as JSON instead of its id.")
    var json = false

    func run() throws {
        var request = LogRequest(
            start: try fields.parsedStart(), durationSeconds: try fields.parsedDuration(),
            routine: routine, painBefore: try fields.parsedPainBefore(),
            painAfter: try fields.parsedPainAfter(), notes: fields.note,
            sets: try fields.parsedSets())
        request.symptomsBefore = try fields.parsedSymptomsBefore()
        request.symptomsAfter = try fields.parsedSymptomsAfter()
        request.skipping = try skip.map { try ExerciseReference.parse($0, field: "--skip") }
        request.allowFuture = fields.future
        let journal = try options.open()
        if interactive {
            guard Terminal.isInteractive else {
                throw LimberError(
                    .usage(
                        "--interactive needs a terminal",
                        hint: "use --set, --routine and the other options instead"))
            }
            guard let guided = try GuidedLog(journal: journal).ask(starting: request) else {
                Terminal.writeError("\nlimber: nothing logged")
                throw ExitCode(1)
            }
            request = guided
        }
        let outcome = try journal.log(request)
        // The guided log showed the cautions in its recap already.
        Terminal.show(interactive ? outcome.notices.filter { $0.kind != .caution } : outcome.notices)
        for news in outcome.records { Terminal.writeError("new record: \(news)") }
        if json {
            try JSONOutput.print(SessionListing(outcome.value, conflicted: false, deleted: false))
        } else {
            Terminal.write(outcome.value.id)
        }
    }
}
