/// The person's conditions, which turn on contraindication warnings.
///
/// Encodes as `{"conditions":[…]}`; the list is always sorted and without duplicates.
public struct Profile: Sendable, Hashable, Codable {
    /// The conditions, sorted, each once.
    public private(set) var conditions: [Condition]

    /// Creates a profile; the conditions are sorted and deduplicated.
    public init(conditions: [Condition] = []) {
        self.conditions = Array(Set(conditions)).sorted()
    }

    /// Whether the profile lists `condition`.
    public func contains(_ condition: Condition) -> Bool {
        conditions.contains(condition)
    }

    /// Adds a condition (no effect if present).
    public mutating func insert(_ condition: Condition) {
        self = Profile(conditions: conditions + [condition])
    }

    /// Removes a condition (no effect if absent).
    public mutating func remove(_ condition: Condition) {
        conditions.removeAll { $0 == condition }
    }

    enum CodingKeys: String, CodingKey {
        case conditions
    }

    /// Decodes a profile, sorting and deduplicating; a missing list is empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(conditions: try c.decodeIfPresent([Condition].self, forKey: .conditions) ?? [])
    }

    /// Encodes `{"conditions":[…]}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(conditions, forKey: .conditions)
    }
}
