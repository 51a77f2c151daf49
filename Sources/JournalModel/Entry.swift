/// The sets one exercise got in a session, on one side.
///
/// Encodes the keys `exercise`, `side`, `notes`, `sets` with `null` for what is absent, and
/// `"prescribed": true` only for an entry filled in from a routine's prescription (so entries
/// logged before that key existed read back the same); decoding accepts missing optional keys
/// (missing `sets` is empty, missing `prescribed` is `false`).
public struct Entry: Sendable, Hashable, Codable {
    /// The exercise id (a slug such as `bird-dog`).
    public var exercise: String
    /// The side worked, or `nil` when the exercise has no sides.
    public var side: Side?
    /// Free text. Health data: never copied into messages or logs.
    public var notes: String?
    /// The sets, in the order done.
    public var sets: [ExerciseSet]
    /// `true` when limber filled the entry in from a routine's prescription (`log --routine`
    /// for an exercise the person did not give): what was asked for, not what was measured.
    public var prescribed: Bool

    /// Creates an entry.
    public init(
        exercise: String, side: Side? = nil, notes: String? = nil, sets: [ExerciseSet] = [],
        prescribed: Bool = false
    ) {
        self.exercise = exercise
        self.side = side
        self.notes = notes
        self.sets = sets
        self.prescribed = prescribed
    }

    /// Checks that the exercise id is a slug and every set is valid.
    public func validate() throws(ModelError) {
        guard Slug.isValidID(exercise) else {
            throw ModelError(
                kind: .invalidSyntax, field: "exercise", input: exercise,
                description: "exercise id \(ModelError.quote(exercise)) is not a slug",
                hint: "use lowercase letters, digits and \"-\", such as bird-dog")
        }
        // The message's field names only the exercise: capturing `self` for it copied the
        // entry once per set.
        let exercise = exercise
        for (index, set) in sets.enumerated() {
            try set.validate(field: "\(exercise) set \(index + 1)")
        }
    }

    enum CodingKeys: String, CodingKey {
        case exercise, side, notes, sets, prescribed
    }

    /// Decodes an entry, tolerating missing optional keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        exercise = try c.decode(String.self, forKey: .exercise)
        side = try c.decodeIfPresent(Side.self, forKey: .side)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        sets = try c.decodeIfPresent([ExerciseSet].self, forKey: .sets) ?? []
        prescribed = try c.decodeIfPresent(Bool.self, forKey: .prescribed) ?? false
    }

    /// Encodes every key, with `null` for what is absent; `prescribed` only when `true`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(exercise, forKey: .exercise)
        try c.encode(side, forKey: .side)
        try c.encode(notes, forKey: .notes)
        try c.encode(sets, forKey: .sets)
        if prescribed { try c.encode(true, forKey: .prescribed) }
    }
}
