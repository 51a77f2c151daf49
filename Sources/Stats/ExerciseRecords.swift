import JournalModel

/// The records of one exercise (one side of a per-side exercise), from its working sets.
///
/// Warm-up sets never set a record, nor do sets filled in from a prescription (`log --routine`
/// records what was prescribed, not what was measured). Weights are compared in kilograms and
/// kept in the unit they were logged in. A later set that only equals a record does not take
/// it: the record keeps the date it was first reached.
public struct ExerciseRecords: Sendable, Hashable, Codable {
    /// The most reps counted for an estimated one-rep max (Brzycki is poor past ten).
    public static let estimateRepLimit = 10

    /// The heaviest load of one set.
    public var heaviestWeight: Record<Weight>?
    /// The best estimated one-rep max, by Brzycki: `weight × 36 / (37 − reps)`, over sets of 1
    /// to ``estimateRepLimit`` reps with a load; an estimate, in the unit of the set it came from.
    public var estimatedOneRepMax: Record<Weight>?
    /// The most reps in one set, with or without a load.
    public var mostReps: Record<RepsRecord>?
    /// The most reps in one set without a load.
    public var mostRepsWithoutWeight: Record<Int>?
    /// The longest hold of one set, in seconds.
    public var longestHoldSeconds: Record<Double>?
    /// The longest distance of one set, in meters.
    public var longestDistanceMeters: Record<Double>?

    /// No records yet.
    public init() {}

    /// Whether no set has set a record.
    public var isEmpty: Bool { self == ExerciseRecords() }

    /// The sessions that set the records.
    public var sessions: Set<String> {
        let ids: [String?] = [
            heaviestWeight?.session, estimatedOneRepMax?.session, mostReps?.session,
            mostRepsWithoutWeight?.session, longestHoldSeconds?.session, longestDistanceMeters?.session,
        ]
        return Set(ids.compactMap { $0 })
    }

    /// Brzycki's estimate of the one-rep max for `reps` reps at `weight`; `nil` outside 1 to
    /// ``estimateRepLimit`` reps or without a load.
    public static func estimateOneRepMax(weight: Weight, reps: Int) -> Weight? {
        guard (1...estimateRepLimit).contains(reps), weight.value > 0 else { return nil }
        return Weight(value: weight.value * 36 / Double(37 - reps), unit: weight.unit)
    }

    /// Takes a set into account.
    ///
    /// - Returns: The records it beat (each before and after), for "new record" messages; empty
    ///   when it beat none, is a warm-up or was prescribed.
    @discardableResult
    public mutating func offer(
        _ set: ExerciseSet, prescribed: Bool, date: LocalDate, session: String
    ) -> [RecordChange] {
        guard set.kind != .warmup, !prescribed else { return [] }
        var changes: [RecordChange] = []
        func take<Value>(
            _ record: inout Record<Value>?, _ value: Value, _ kind: RecordChange.Kind,
            _ text: (Value) -> String, beats: (Value, Value) -> Bool
        ) {
            if let old = record, !beats(value, old.value) { return }
            changes.append(
                RecordChange(kind: kind, was: record.map { text($0.value) }, now: text(value)))
            record = Record(value: value, date: date, session: session)
        }
        let heavier = { (a: Weight, b: Weight) in a.kilograms > b.kilograms }
        if let weight = set.weight, weight.value > 0 {
            take(&heaviestWeight, weight, .heaviestWeight, \.description, beats: heavier)
            if let reps = set.reps, let estimate = Self.estimateOneRepMax(weight: weight, reps: reps) {
                take(&estimatedOneRepMax, estimate, .estimatedOneRepMax, ProgressFormat.weight, beats: heavier)
            }
        }
        if let reps = set.reps, reps > 0 {
            let loaded = set.weight.flatMap { $0.value > 0 ? $0 : nil }
            take(
                &mostReps, RepsRecord(reps: reps, weight: loaded), .mostReps,
                { "\($0.reps)" + ($0.weight.map { " at \($0)" } ?? "") },
                beats: { $0.reps > $1.reps })
            if loaded == nil {
                take(&mostRepsWithoutWeight, reps, .mostRepsWithoutWeight, String.init, beats: >)
            }
        }
        if let hold = set.durationSeconds, hold > 0 {
            take(&longestHoldSeconds, hold, .longestHold, ProgressFormat.seconds, beats: >)
        }
        if let distance = set.distanceMeters, distance > 0 {
            take(&longestDistanceMeters, distance, .longestDistance, ProgressFormat.meters, beats: >)
        }
        return changes
    }
}
