import ArgumentParser
import Limber

struct Amend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Change a logged session (as a new event; the history keeps the old values).",
        discussion: """
            --set replaces the entry of that exercise (and side), or adds it; --remove drops one. \
            --revert EVENT undoes one earlier change (`limber show ID --history` lists them); \
            `limber undo ID` undoes the latest.
            Example: limber amend 019a --pain-after 3 --set bird-dog:left=12,12,12
            """)

    @OptionGroup var options: JournalOptions
    @OptionGroup var fields: SessionFieldOptions

    @Argument(help: ArgumentHelp("The session id or a unique prefix of it.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("A routine the session followed.", valueName: "routine"))
    var routine: String?

    @Option(
        name: .customLong("remove"),
        help: ArgumentHelp("Remove the entry EXERCISE[:SIDE]. Repeatable.", valueName: "exercise"))
    var remove: [String] = []

    @Option(
        help: ArgumentHelp(
            "Revert one earlier event of the session (an id prefix from show --history).",
            valueName: "event"))
    var revert: String?

    @Flag(help: "Print the amended session as JSON.")
    var json = false

    func run() throws {
        var request = AmendRequest(
            start: try fields.parsedStart(), durationSeconds: try fields.parsedDuration(),
            routine: routine, painBefore: try fields.parsedPainBefore(),
            painAfter: try fields.parsedPainAfter(), notes: fields.note,
            sets: try fields.parsedSets(),
            removeEntries: try remove.map { try ExerciseReference.parse($0, field: "--remove") })
        request.symptomsBefore = fields.symptomsBefore
        request.symptomsAfter = fields.symptomsAfter
        request.allowFuture = fields.future
        if let revert {
            guard request.isEmpty else {
                throw LimberError(
                    .usage(
                        "--revert cannot be combined with other changes",
                        hint: "revert first, then amend in a second command"))
            }
            let journal = try options.open()
            let outcome = try journal.revert(id, event: revert)
            Terminal.show(outcome.notices)
            if json { return try JSONOutput.print(journal.listing(outcome.value.session)) }
            Undo.report(outcome.value)
            return
        }
        let journal = try options.open()
        let outcome = try journal.amend(id, request)
        Terminal.show(outcome.notices)
        if json { return try JSONOutput.print(journal.listing(outcome.value)) }
        Terminal.write(
            outcome.changed ? "amended \(outcome.value.id)" : "unchanged \(outcome.value.id)")
    }
}
