/// How much of an exercise a routine asks for, such as 3 sets × 10–12 reps per leg.
///
/// Encodes every key, with `null` for what is unspecified.
public struct Prescription: Sendable, Hashable, Codable {
    /// Number of sets, or `nil` when unspecified (one set is assumed when logging).
    public var sets: Int?
    /// Fewest reps per set, or `nil`.
    public var repsMin: Int?
    /// Most reps per set, or `nil`.
    public var repsMax: Int?
    /// Shortest hold in seconds, or `nil`.
    public var holdMinSeconds: Int?
    /// Longest hold in seconds, or `nil`.
    public var holdMaxSeconds: Int?
    /// Whether each side gets the sets (per leg, per side).
    public var perSide: Bool
    /// Equipment, such as `dumbbell`, or `nil` for body weight.
    public var equipment: String?
    /// A human summary, such as `3 sets × 10–12 reps per leg, dumbbell`.
    public var text: String

    /// Creates a prescription.
    public init(
        sets: Int? = nil, repsMin: Int? = nil, repsMax: Int? = nil, holdMinSeconds: Int? = nil,
        holdMaxSeconds: Int? = nil, perSide: Bool = false, equipment: String? = nil, text: String
    ) {
        self.sets = sets
        self.repsMin = repsMin
        self.repsMax = repsMax
        self.holdMinSeconds = holdMinSeconds
        self.holdMaxSeconds = holdMaxSeconds
        self.perSide = perSide
        self.equipment = equipment
        self.text = text
    }

    /// What "logged as prescribed" records for `exercise` (an exercise id).
    ///
    /// - Reps given: ``sets`` sets (1 if unspecified) of ``repsMin`` reps (``repsMax`` if
    ///   only that is given).
    /// - Hold given: ``sets`` sets (1 if unspecified) holding ``holdMinSeconds``.
    /// - Per side: one entry for `left`, then one for `right`, each with those sets;
    ///   otherwise one entry without a side.
    /// - Neither reps nor hold (the nerve glide's "reps" per painful leg): one entry without a
    ///   side holding one set with nothing recorded — done, amount unknown.
    ///
    /// Weights are never invented: `weight` stays `nil`. Every entry is marked
    /// ``Entry/prescribed``.
    public func prescribedEntries(exercise: String) -> [Entry] {
        let count = max(1, sets ?? 1)
        let set: ExerciseSet
        if let reps = repsMin ?? repsMax {
            set = ExerciseSet(reps: reps)
        } else if let hold = holdMinSeconds ?? holdMaxSeconds {
            set = ExerciseSet(durationSeconds: Double(hold))
        } else {
            return [Entry(exercise: exercise, side: nil, sets: [ExerciseSet()], prescribed: true)]
        }
        let sets = Array(repeating: set, count: count)
        if perSide {
            return [
                Entry(exercise: exercise, side: .left, sets: sets, prescribed: true),
                Entry(exercise: exercise, side: .right, sets: sets, prescribed: true),
            ]
        }
        return [Entry(exercise: exercise, side: nil, sets: sets, prescribed: true)]
    }

    enum CodingKeys: String, CodingKey {
        case sets, repsMin, repsMax, holdMinSeconds, holdMaxSeconds, perSide, equipment, text
    }

    /// Decodes a prescription, tolerating missing optional keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sets = try c.decodeIfPresent(Int.self, forKey: .sets)
        repsMin = try c.decodeIfPresent(Int.self, forKey: .repsMin)
        repsMax = try c.decodeIfPresent(Int.self, forKey: .repsMax)
        holdMinSeconds = try c.decodeIfPresent(Int.self, forKey: .holdMinSeconds)
        holdMaxSeconds = try c.decodeIfPresent(Int.self, forKey: .holdMaxSeconds)
        perSide = try c.decodeIfPresent(Bool.self, forKey: .perSide) ?? false
        equipment = try c.decodeIfPresent(String.self, forKey: .equipment)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
    }

    /// Encodes every key, with `null` for what is unspecified.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sets, forKey: .sets)
        try c.encode(repsMin, forKey: .repsMin)
        try c.encode(repsMax, forKey: .repsMax)
        try c.encode(holdMinSeconds, forKey: .holdMinSeconds)
        try c.encode(holdMaxSeconds, forKey: .holdMaxSeconds)
        try c.encode(perSide, forKey: .perSide)
        try c.encode(equipment, forKey: .equipment)
        try c.encode(text, forKey: .text)
    }
}
