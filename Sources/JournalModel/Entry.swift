/// The sets one exercise got in a session, on one side.
///
/// Encodes the keys `exercise`, `side`, `notes`, `sets` with `null` for what is absent;
/// decoding accepts missing optional keys (missing `sets` is empty).
public struct Entry: Sendable, Hashable, Codable {
    /// The exercise id (a slug such as `bird-dog`).
    public var exercise: String
    /// The side worked, or `nil` when the exercise has no sides.
    public var side: Side?
    /// Free text. Health data: never copied into messages or logs.
    public var notes: String?
    /// The sets, in the order done.
    public var sets: [ExerciseSet]

    /// Creates an entry.
    public init(exercise: String, side: Side? = nil, notes: String? = nil, sets: [ExerciseSet] = [])
    {
        self.exercise = exercise
        self.side = side
        self.notes = notes
        self.sets = sets
    }

    /// Checks that the exercise id is a slug and every set is valid.
    public func validate() throws(ModelError) {
        guard Slug.isValidID(exercise) else {
            throw ModelError(
                kind: .invalidSyntax, field: "exercise", input: exercise,
                description: "exercise id \(ModelError.quote(exercise)) is not a slug",
                hint: "use lowercase letters, digits and \"-\", such as bird-dog")
        }
        for (index, set) in sets.enumerated() {
            try set.validate(field: "\(exercise) set \(index + 1)")
        }
    }

    enum CodingKeys: String, CodingKey {
        case exercise, side, notes, sets
    }

    /// Decodes an entry, tolerating missing optional keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        exercise = try c.decode(String.self, forKey: .exercise)
        side = try c.decodeIfPresent(Side.self, forKey: .side)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        sets = try c.decodeIfPresent([ExerciseSet].self, forKey: .sets) ?? []
    }

    /// Encodes every key, with `null` for what is absent.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(exercise, forKey: .exercise)
        try c.encode(side, forKey: .side)
        try c.encode(notes, forKey: .notes)
        try c.encode(sets, forKey: .sets)
    }
}
