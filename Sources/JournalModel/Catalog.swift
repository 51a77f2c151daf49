/// The exercises and routines a person can use: the built-ins plus their own definitions.
public struct Catalog: Sendable, Hashable {
    /// Built-in exercises first, then custom ones (in definition order).
    public private(set) var exercises: [Exercise]
    /// Built-in routines first, then custom ones (in definition order).
    public private(set) var routines: [Routine]

    /// Creates the catalog of the built-ins plus custom definitions.
    ///
    /// Custom definitions never override a built-in: one that reuses a built-in id is ignored
    /// (``validateNewExercise(_:)`` keeps new ones from doing that). When a custom id repeats,
    /// the later definition replaces the earlier one in place, as a fold of definitions should.
    public init(custom exercises: [Exercise] = [], routines: [Routine] = []) {
        self.exercises = Self.merge(BuiltInCatalog.exercises, exercises) { $0.id }
        self.routines = Self.merge(BuiltInCatalog.routines, routines) { $0.id }
    }

    private static func merge<T>(_ builtIn: [T], _ custom: [T], id: (T) -> String) -> [T] {
        let reserved = Set(builtIn.map(id))
        var result = builtIn
        var position: [String: Int] = [:]
        for item in custom where !reserved.contains(id(item)) {
            if let index = position[id(item)] {
                result[index] = item
            } else {
                position[id(item)] = result.count
                result.append(item)
            }
        }
        return result
    }

    /// The exercise with exactly this id, if any.
    public func exercise(id: String) -> Exercise? {
        exercises.first { $0.id == id }
    }

    /// The routine with exactly this id, if any.
    public func routine(id: String) -> Routine? {
        routines.first { $0.id == id }
    }

    /// Finds the exercise a person means by `text`.
    ///
    /// Tries, in order, and stops at the first step with a match: the id exactly; the slug of
    /// `text` against ids; against the slugs of names; against the slugs of aliases; the same
    /// three ignoring a plural `s`.
    ///
    /// - Throws: ``ModelError`` `unknown exercise "…"` whose hint names the closest ids and
    ///   `limber exercises` / `limber exercise add`; or `.ambiguous` when one step matches
    ///   several exercises.
    public func exercise(matching text: String) throws(ModelError) -> Exercise {
        if let exact = exercise(id: text) { return exact }
        switch Self.find(text, in: exercises, keys: Self.exerciseKeys) {
        case .found(let exercise):
            return exercise
        case .ambiguous(let ids):
            throw Self.ambiguous("exercise", text, ids)
        case .none:
            let nearby = Self.closest(to: Slug.make(text), among: exercises.map(\.id))
            let suggestion =
                nearby.isEmpty ? "" : "did you mean \(nearby.joined(separator: ", "))? "
            throw ModelError(
                kind: .unknown, field: "exercise", input: text,
                description: "unknown exercise \(ModelError.quote(text))",
                hint: suggestion + "see `limber exercises`, or define it with `limber exercise add`"
            )
        }
    }

    /// Finds the routine a person means by `text`: id, then the slug of `text` against ids and
    /// names' slugs (then ignoring a plural `s`).
    ///
    /// - Throws: ``ModelError`` `unknown routine "…"` with the closest ids and
    ///   `limber routines` / `limber routine add` in the hint.
    public func routine(matching text: String) throws(ModelError) -> Routine {
        if let exact = routine(id: text) { return exact }
        let keys: [@Sendable (Routine) -> [String]] = [{ [$0.id] }, { [Slug.make($0.name)] }]
        switch Self.find(text, in: routines, keys: keys) {
        case .found(let routine):
            return routine
        case .ambiguous(let ids):
            throw Self.ambiguous("routine", text, ids)
        case .none:
            let nearby = Self.closest(to: Slug.make(text), among: routines.map(\.id))
            let suggestion =
                nearby.isEmpty ? "" : "did you mean \(nearby.joined(separator: ", "))? "
            throw ModelError(
                kind: .unknown, field: "routine", input: text,
                description: "unknown routine \(ModelError.quote(text))",
                hint: suggestion + "see `limber routines`, or define it with `limber routine add`")
        }
    }

    /// The cautions of the exercise that concern the profile's conditions, contraindications
    /// first. Empty for an unknown exercise or a profile without conditions.
    public func warnings(for exerciseID: String, profile: Profile) -> [Caution] {
        guard let exercise = exercise(id: exerciseID) else { return [] }
        let relevant = exercise.cautions.filter { profile.contains($0.condition) }
        return relevant.filter { $0.severity == .contraindicated }
            + relevant.filter { $0.severity != .contraindicated }
    }

    /// Checks a new custom exercise before it is defined.
    ///
    /// Rejects an id that is not a slug, an empty name, an id already used (built-in or
    /// custom), and a name or alias that already finds another exercise.
    public func validateNewExercise(_ exercise: Exercise) throws(ModelError) {
        try Self.validateNew(
            kind: "exercise", id: exercise.id, name: exercise.name, command: "limber exercises",
            isBuiltIn: BuiltInCatalog.exercises.contains { $0.id == exercise.id },
            isTaken: self.exercise(id: exercise.id) != nil)
        for text in [exercise.name] + exercise.aliases {
            let taken: [String]
            switch Self.find(text, in: exercises, keys: Self.exerciseKeys) {
            case .none: continue
            case .found(let other): taken = [other.id]
            case .ambiguous(let ids): taken = ids
            }
            let names = taken.joined(separator: " and ")
            throw ModelError(
                kind: .alreadyDefined, field: "exercise", input: text,
                description: "\(ModelError.quote(text)) already names the exercise \(names)",
                hint: "log it as \(taken[0]), or choose a name that is not taken")
        }
    }

    /// Checks a new custom routine before it is defined: a slug id not already used, a name,
    /// at least one item, and only known exercise ids.
    public func validateNewRoutine(_ routine: Routine) throws(ModelError) {
        try Self.validateNew(
            kind: "routine", id: routine.id, name: routine.name, command: "limber routines",
            isBuiltIn: BuiltInCatalog.routines.contains { $0.id == routine.id },
            isTaken: self.routine(id: routine.id) != nil)
        guard !routine.items.isEmpty else {
            throw ModelError(
                kind: .invalidSyntax, field: "routine", input: routine.id,
                description: "routine \(routine.id) has no exercises",
                hint: "add at least one exercise to the routine")
        }
        for item in routine.items where exercise(id: item.exercise) == nil {
            let nearby = Self.closest(to: item.exercise, among: exercises.map(\.id))
            throw ModelError(
                kind: .unknown, field: "routine", input: item.exercise,
                description:
                    "routine \(routine.id) uses unknown exercise \(ModelError.quote(item.exercise))",
                hint: (nearby.isEmpty ? "" : "did you mean \(nearby.joined(separator: ", "))? ")
                    + "define it first with `limber exercise add`")
        }
    }

    // MARK: - Helpers

    /// What names an exercise, strongest first: its id, its name, its aliases (as slugs).
    private static let exerciseKeys: [@Sendable (Exercise) -> [String]] = [
        { [$0.id] }, { [Slug.make($0.name)] }, { $0.aliases.map(Slug.make) },
    ]

    private static func validateNew(
        kind: String, id: String, name: String, command: String, isBuiltIn: Bool, isTaken: Bool
    ) throws(ModelError) {
        guard Slug.isValidID(id) else {
            let suggestion = Slug.make(id)
            throw ModelError(
                kind: .invalidSyntax, field: kind, input: id,
                description: "\(kind) id \(ModelError.quote(id)) is not a slug",
                hint: suggestion.isEmpty
                    ? "use lowercase letters, digits and \"-\""
                    : "use lowercase letters, digits and \"-\", such as \(suggestion)")
        }
        guard !name.trimmingSpaces.isEmpty else {
            throw ModelError(
                kind: .invalidSyntax, field: kind, input: id,
                description: "\(kind) \(id) has no name", hint: "give it a display name")
        }
        if isBuiltIn {
            throw ModelError(
                kind: .alreadyDefined, field: kind, input: id,
                description: "\(kind) id \(id) is built in and cannot be redefined",
                hint: "choose another id, such as my-\(id)")
        }
        if isTaken {
            throw ModelError(
                kind: .alreadyDefined, field: kind, input: id,
                description: "\(kind) \(id) is already defined",
                hint: "choose another id; see `\(command)`")
        }
    }

    private enum Match<T> {
        case found(T)
        case ambiguous([String])
        case none
    }

    private static func find<T: Identifiable>(
        _ text: String, in items: [T], keys: [@Sendable (T) -> [String]]
    ) -> Match<T> where T.ID == String {
        let slug = Slug.make(text)
        guard !slug.isEmpty else { return .none }
        for singular in [false, true] {
            let wanted = singular ? depluralize(slug) : slug
            for key in keys {
                let hits = items.filter { item in
                    key(item).contains { (singular ? depluralize($0) : $0) == wanted }
                }
                if hits.count == 1, let hit = hits.first { return .found(hit) }
                if hits.count > 1 { return .ambiguous(hits.map(\.id)) }
            }
        }
        return .none
    }

    /// Drops a plural `s` from each word of a slug (`bird-dogs` → `bird-dog`).
    static func depluralize(_ slug: String) -> String {
        slug.split(separator: "-").map { word in
            word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") ? word.dropLast() : word
        }.joined(separator: "-")
    }

    private static func ambiguous(_ kind: String, _ text: String, _ ids: [String]) -> ModelError {
        ModelError(
            kind: .ambiguous, field: kind, input: text,
            description:
                "\(ModelError.quote(text)) could be the \(kind) \(ids.joined(separator: " or "))",
            hint: "use the id: \(ids.joined(separator: ", "))")
    }

    static func closest(to slug: String, among ids: [String]) -> [String] {
        Suggestion.closest(to: slug, among: ids)
    }
}
