/// A named list of exercises with prescriptions, such as the built-in `sciatica`.
///
/// Encodes every key, with `null` for an absent source.
public struct Routine: Identifiable, Sendable, Hashable, Codable {
    /// The id: a slug such as `sciatica`.
    public let id: String
    /// The display name.
    public var name: String
    /// Where it comes from (a clinician, a handout), if noted.
    public var source: String?
    /// The exercises, in order.
    public var items: [RoutineItem]
    /// Whether it ships with limber.
    public var builtIn: Bool

    /// Creates a routine.
    public init(
        id: String, name: String, source: String? = nil, items: [RoutineItem], builtIn: Bool = false
    ) {
        self.id = id
        self.name = name
        self.source = source
        self.items = items
        self.builtIn = builtIn
    }

    enum CodingKeys: String, CodingKey {
        case id, name, source, items, builtIn
    }

    /// Decodes a routine, tolerating missing optional keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? id
        source = try c.decodeIfPresent(String.self, forKey: .source)
        items = try c.decodeIfPresent([RoutineItem].self, forKey: .items) ?? []
        builtIn = try c.decodeIfPresent(Bool.self, forKey: .builtIn) ?? false
    }

    /// Encodes every key, with `null` for an absent source.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(source, forKey: .source)
        try c.encode(items, forKey: .items)
        try c.encode(builtIn, forKey: .builtIn)
    }
}
