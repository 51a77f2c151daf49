/// The person's conditions, which turn on contraindication warnings.
///
/// Encodes as `{"conditions":[…]}`; the list is always sorted and without duplicates.
public struct Profile: Sendable, Hashable, Codable {
    /// The conditions, sorted, each once.
    public private(set) var conditions: [Condition]

    /// Creates a profile; the conditions are sorted and deduplicated.
    /// Sessions a week the person means to do of a routine, by routine id (set with
    /// `profile --per-week` or `routine add --per-week`); adherence reports against it.
    public private(set) var sessionsPerWeek: [String: Int] = [:]

    /// The most sessions a week a routine can be set to.
    public static let maximumSessionsPerWeek = 14

    public init(conditions: [Condition] = []) {
        self.init(conditions: conditions, sessionsPerWeek: [:])
    }

    /// A profile with weekly frequencies too (out-of-range ones, and ids that are no slug,
    /// are dropped).
    public init(conditions: [Condition], sessionsPerWeek: [String: Int]) {
        self.conditions = Array(Set(conditions)).sorted()
        self.sessionsPerWeek = sessionsPerWeek.filter {
            Slug.isValidID($0.key) && (1...Self.maximumSessionsPerWeek).contains($0.value)
        }
    }

    /// Sets how many sessions a week `routine` asks for; `nil` removes it.
    public mutating func setSessionsPerWeek(_ count: Int?, for routine: String) {
        var frequencies = sessionsPerWeek
        frequencies[routine] = count
        self = Profile(conditions: conditions, sessionsPerWeek: frequencies)
    }

    /// Whether the profile lists `condition`.
    public func contains(_ condition: Condition) -> Bool {
        conditions.contains(condition)
    }

    /// Adds a condition (no effect if present).
    public mutating func insert(_ condition: Condition) {
        self = Profile(conditions: conditions + [condition], sessionsPerWeek: sessionsPerWeek)
    }

    /// Removes a condition (no effect if absent).
    public mutating func remove(_ condition: Condition) {
        conditions.removeAll { $0 == condition }
    }

    enum CodingKeys: String, CodingKey {
        case conditions, sessionsPerWeek
    }

    /// Decodes a profile, sorting and deduplicating; a missing list is empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // A frequency out of range, or for a routine id that is no slug, is dropped: the rest of
        // the profile (the conditions behind the warnings) must still read.
        let frequencies = (try? c.decodeIfPresent([String: Int].self, forKey: .sessionsPerWeek)) ?? nil
        self.init(
            conditions: try c.decodeIfPresent([Condition].self, forKey: .conditions) ?? [],
            sessionsPerWeek: frequencies ?? [:])
    }

    /// Encodes `{"conditions":[…]}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(conditions, forKey: .conditions)
        // Left out when empty: the profile reads as before for limbers that know no frequency.
        if !sessionsPerWeek.isEmpty { try c.encode(sessionsPerWeek, forKey: .sessionsPerWeek) }
    }
}
