extension Catalog {
    /// The exercise a reference names and the side it is for, checked against the exercise.
    ///
    /// A per-side exercise needs a side (`:left`, `:right`, or `:both` for both at once); an
    /// exercise without sides takes none. When the reference is about an existing session,
    /// `sessionSides` lists the sides that session has for the exercise: a side-less entry
    /// there (from an import or a prescription) may be named without a side, and the hint
    /// names the sides there are.
    ///
    /// - Parameters:
    ///   - reference: The exercise and side as typed.
    ///   - field: The option it came from (`--set`, `--remove`, `--skip`).
    ///   - place: How messages name the input (`--set "bird-dog=12"`); by default the option
    ///     and the reference.
    ///   - sessionSides: The sides the session being amended has for this exercise, or `nil`
    ///     for a new session.
    /// - Throws: ``ModelError`` for an unknown exercise, a missing side or a needless one.
    public func resolve(
        _ reference: ExerciseReference, field: String, place: String? = nil,
        sessionSides: ((String) -> [Side?])? = nil
    ) throws(ModelError) -> (exercise: Exercise, side: Side?) {
        let exercise = try exercise(matching: reference.exercise)
        let place = place ?? "\(field) \(ModelError.quote(reference.description))"
        let existing = sessionSides?(exercise.id) ?? []
        if exercise.perSide, reference.side == nil, !existing.contains(nil) {
            let named = existing.compactMap { $0 }.map { "\(exercise.id):\($0.rawValue)" }
            let hint =
                named.isEmpty
                ? "add the side: \(exercise.id):left, \(exercise.id):right or \(exercise.id):both (both at once)"
                : "this session has \(named.joined(separator: " and ")); name one of them, or \(exercise.id):both"
            throw ModelError(
                kind: .missingSide, field: field, input: reference.description,
                description: "\(place): \(exercise.id) is done one side at a time; say which side",
                hint: hint)
        }
        if !exercise.perSide, let side = reference.side {
            throw ModelError(
                kind: .invalidSyntax, field: field, input: reference.description,
                description: "\(place): \(exercise.id) has no sides, so :\(side.rawValue) does not apply",
                hint:
                    "drop :\(side.rawValue) (\(exercise.id)); if you did it one side at a time, define your own with `limber exercise add NAME --per-side`"
            )
        }
        return (exercise, reference.side)
    }
}
