import EventLog
import Reconcile

extension Journal {
    /// Defines a custom exercise.
    ///
    /// - Throws: ``ModelError`` when the id clashes with a built-in or custom exercise.
    ///
    /// - Parameter cautions: Warnings for people with a condition; a condition named here
    ///   becomes one `profile --add` accepts.
    public func addExercise(
        name: String, id: String? = nil, perSide: Bool, measure: Exercise.Measure, notes: String?,
        cautions: [Caution] = []
    ) throws -> WriteOutcome<Exercise> {
        try write { writer in
            let exercise = Exercise(
                id: id.map(Slug.make) ?? Slug.make(name), name: name, perSide: perSide,
                measure: measure, notes: notes, cautions: cautions)
            guard !exercise.id.isEmpty else {
                throw LimberError(
                    .invalid(
                        "\"\(name)\" has no letters or digits to make an id from",
                        hint: "give the exercise a name with letters"))
            }
            try state.catalog.validateNewExercise(exercise)
            try commitChange(
                of: "exercise/" + exercise.id, body: .exerciseDefined(exercise), with: writer)
            return outcome(exercise, [], changed: true)
        }
    }

    /// Defines a custom routine from `--item` texts (see ``RoutineItemSpec``); with
    /// `perWeek`, the profile gets its weekly frequency in the same commit.
    public func addRoutine(name: String, items texts: [String], perWeek: Int? = nil) throws -> WriteOutcome<Routine> {
        try write { writer in
            let catalog = state.catalog
            guard !texts.isEmpty else {
                throw LimberError(
                    .invalid(
                        "a routine needs at least one --item",
                        hint: "e.g. --item bird-dog=3x12/side"))
            }
            let items = try texts.map { text in
                let (exerciseText, prescription) = try RoutineItemSpec.parse(text)
                return RoutineItem(
                    exercise: try catalog.exercise(matching: exerciseText).id,
                    prescription: prescription)
            }
            let routine = Routine(id: Slug.make(name), name: name, source: nil, items: items)
            guard !routine.id.isEmpty else {
                throw LimberError(
                    .invalid(
                        "\"\(name)\" has no letters or digits to make an id from",
                        hint: "give the routine a name with letters"))
            }
            try catalog.validateNewRoutine(routine)
            var events = [
                NewEvent(entity: "routine/" + routine.id, parents: state.heads(of: "routine/" + routine.id), body: .routineDefined(routine))
            ]
            if let perWeek {
                var profile = state.profile
                profile.setSessionsPerWeek(
                    try Self.checkedPerWeek(perWeek, field: "--per-week", example: "--per-week 3"), for: routine.id)
                events.append(NewEvent(entity: "profile", parents: state.heads(of: "profile"), body: .profileSet(profile)))
            }
            try commit(events, with: writer)
            return outcome(routine, [], changed: true)
        }
    }

    /// Adds and removes conditions; the profile syncs like everything else.
    ///
    /// A condition added must be one some exercise (built in or custom) has a caution for:
    /// anything else would turn no warning on, and is most likely a typo.
    /// `perWeek` texts are `ROUTINE=N`: the routine (id or name) asks for N sessions a week
    /// (`ROUTINE=0` clears it), which adherence reports against.
    public func updateProfile(adding: [String], removing: [String], perWeek: [String] = []) throws -> WriteOutcome<Profile>
    {
        try write { writer in
            var profile = state.profile
            let before = profile
            var notices: [Notice] = []
            let catalog = state.catalog
            for text in adding {
                let condition = try catalog.condition(matching: text, field: "--add")
                if condition.rawValue != Slug.make(text) {
                    notices.append(Notice(.info, "took \"\(text)\" as \(condition.rawValue)"))
                }
                guard !profile.contains(condition) else {
                    notices.append(Notice(.info, "\(condition.rawValue) is already in the profile"))
                    continue
                }
                profile.insert(condition)
                let known = catalog.knownConditions.first { $0.condition == condition }
                for item in known?.cautions ?? [] {
                    notices.append(
                        Notice(.caution, "now flagged: \(item.exercise.id): \(item.caution)"))
                }
            }
            for text in removing {
                let condition = try Condition(parsing: text, field: "--remove")
                guard profile.contains(condition) else {
                    throw LimberError(
                        .invalid(
                            "the profile has no condition \(condition.rawValue)",
                            hint: "`limber profile` lists them"))
                }
                profile.remove(condition)
            }
            for text in perWeek {
                let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
                guard parts.count == 2, let count = Int(parts[1]) else {
                    throw LimberError(
                        .usage(
                            "--per-week \(ModelError.quote(text)) is not ROUTINE=N",
                            hint: "e.g. --per-week sciatica=3 (0 clears it)"))
                }
                let routine = try catalog.routine(matching: parts[0])
                profile.setSessionsPerWeek(
                    count == 0
                        ? nil
                        : try Self.checkedPerWeek(count, field: "--per-week", example: "--per-week \(routine.id)=3"),
                    for: routine.id)
            }
            guard profile != before else {
                return outcome(profile, notices, changed: false)
            }
            try commitChange(of: "profile", body: .profileSet(profile), with: writer)
            return outcome(profile, notices, changed: true)
        }
    }

    /// `count` when it is a possible weekly frequency, else a refusal naming `field`.
    static func checkedPerWeek(_ count: Int, field: String, example: String) throws -> Int {
        guard (1...Profile.maximumSessionsPerWeek).contains(count) else {
            throw LimberError(
                .invalid(
                    "\(field) must be 1 to \(Profile.maximumSessionsPerWeek) sessions a week, got \(count)",
                    hint: "e.g. \(example)"))
        }
        return count
    }
}
