extension Exercise {
    /// Checks typed sets against what the exercise measures: reps (with or without a load) for
    /// a reps exercise, holds for a hold, time or distance exercise. A hold given to a reps
    /// exercise (`rockback=30s`) or reps to a hold (`side-plank=45`) is a slip, not data.
    ///
    /// - Parameters:
    ///   - field: The option the sets came from (`--set`).
    ///   - place: How the message names the input (`--set "rockback=30s"`); empty for an
    ///     answer at a prompt.
    /// - Throws: ``ModelError`` naming the set and what the exercise measures.
    public func checkTyped(_ sets: [ExerciseSet], field: String, place: String) throws(ModelError) {
        for (index, set) in sets.enumerated() {
            let isHold = set.reps == nil && set.durationSeconds != nil
            let label =
                (place.isEmpty ? "" : "\(place): ")
                + "set \(index + 1) \(ModelError.quote(SetText.compact(set)))"
            switch measure {
            case .reps where isHold:
                throw ModelError(
                    kind: .invalidSyntax, field: field, input: SetText.compact(set),
                    description: "\(label) is a hold, but \(name) counts reps",
                    hint:
                        "give reps such as 12 or 12x5kg; for a held exercise of your own: `limber exercise add NAME --measure hold`"
                )
            case .hold, .time, .distance:
                guard !isHold else { continue }
                throw ModelError(
                    kind: .invalidSyntax, field: field, input: SetText.compact(set),
                    description: "\(label) counts reps, but \(name) is \(measure == .hold ? "held" : "timed")",
                    hint: "give how long, such as 45s or 1m30s")
            default:
                break
            }
        }
    }
}
