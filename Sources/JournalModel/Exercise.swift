/// An exercise in the catalog, built in or defined by the person.
///
/// Encodes every key, with `null` for absent notes; decoding accepts missing optional keys.
public struct Exercise: Identifiable, Sendable, Hashable, Codable {
    /// What an exercise's sets measure.
    public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
        /// Repetitions (optionally with a load).
        case reps
        /// A held position, in seconds.
        case hold
        /// A distance, in meters.
        case distance
        /// Time spent, in seconds (cardio, mobility flows).
        case time
    }

    /// The id: a slug such as `bird-dog`.
    public let id: String
    /// The display name, such as `Bird dog`.
    public var name: String
    /// Other names it is found by (`rockbacks`, `rock back`).
    public var aliases: [String]
    /// Whether it is done one side at a time.
    public var perSide: Bool
    /// What its sets measure.
    public var measure: Measure
    /// How to do it well, if noted.
    public var notes: String?
    /// Warnings for people with certain conditions.
    public var cautions: [Caution]
    /// Whether it ships with limber (see ``BuiltInCatalog``).
    public var builtIn: Bool

    /// Creates an exercise.
    public init(
        id: String, name: String, aliases: [String] = [], perSide: Bool = false,
        measure: Measure = .reps, notes: String? = nil, cautions: [Caution] = [],
        builtIn: Bool = false
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.perSide = perSide
        self.measure = measure
        self.notes = notes
        self.cautions = cautions
        self.builtIn = builtIn
    }

    /// A custom exercise named `name`, with the slug of the name as id (as imports do).
    public init(custom name: String, perSide: Bool = false, measure: Measure = .reps) {
        self.init(id: Slug.make(name), name: name, perSide: perSide, measure: measure)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, perSide, measure, notes, cautions, builtIn
    }

    /// Decodes an exercise, tolerating missing optional keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? id
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        perSide = try c.decodeIfPresent(Bool.self, forKey: .perSide) ?? false
        measure = try c.decodeIfPresent(Measure.self, forKey: .measure) ?? .reps
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        cautions = try c.decodeIfPresent([Caution].self, forKey: .cautions) ?? []
        builtIn = try c.decodeIfPresent(Bool.self, forKey: .builtIn) ?? false
    }

    /// Encodes every key, with `null` for absent notes.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(aliases, forKey: .aliases)
        try c.encode(perSide, forKey: .perSide)
        try c.encode(measure, forKey: .measure)
        try c.encode(notes, forKey: .notes)
        try c.encode(cautions, forKey: .cautions)
        try c.encode(builtIn, forKey: .builtIn)
    }
}
