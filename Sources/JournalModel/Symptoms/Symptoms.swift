import FoundationEssentials

/// What a person with sciatica feels at one moment: back pain and each leg's pain apart, how
/// far down each leg it reaches, and numbness, tingling or weakness per leg. Every part is
/// optional; the session's overall pain stays its own field.
///
/// Encodes as `{"back": 3, "legLeft": 5, "legRight": null, "numbness": [], "reachLeft": "knee",
/// "reachRight": null, "tingling": ["left"], "weakness": []}`: every key, `null` or `[]` for
/// what was not recorded. Decoding accepts missing keys.
public struct Symptoms: Sendable, Hashable, Codable {
    /// Back (and buttock) pain, 0–10.
    public var back: PainScore?
    /// Left leg pain, 0–10.
    public var legLeft: PainScore?
    /// Right leg pain, 0–10.
    public var legRight: PainScore?
    /// How far down the left leg the pain reaches.
    public var reachLeft: PainReach?
    /// How far down the right leg the pain reaches.
    public var reachRight: PainReach?
    /// The legs that feel numb.
    public var numbness: Legs
    /// The legs that tingle (pins and needles).
    public var tingling: Legs
    /// The legs that feel weak.
    public var weakness: Legs

    /// Creates a record; by default an empty one.
    public init(
        back: PainScore? = nil, legLeft: PainScore? = nil, legRight: PainScore? = nil,
        reachLeft: PainReach? = nil, reachRight: PainReach? = nil, numbness: Legs = [],
        tingling: Legs = [], weakness: Legs = []
    ) {
        self.back = back
        self.legLeft = legLeft
        self.legRight = legRight
        self.reachLeft = reachLeft
        self.reachRight = reachRight
        self.numbness = numbness
        self.tingling = tingling
        self.weakness = weakness
    }

    /// Whether nothing is recorded.
    public var isEmpty: Bool { self == Symptoms() }

    /// The pain of the leg on `side` (`left` or `right`).
    public func legPain(_ side: Side) -> PainScore? { side == .right ? legRight : legLeft }

    /// How far down the leg on `side` (`left` or `right`) the pain reaches.
    public func reach(_ side: Side) -> PainReach? { side == .right ? reachRight : reachLeft }

    enum CodingKeys: String, CodingKey {
        case back, legLeft, legRight, numbness, reachLeft, reachRight, tingling, weakness
    }

    /// Decodes a record, tolerating missing keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        back = try c.decodeIfPresent(PainScore.self, forKey: .back)
        legLeft = try c.decodeIfPresent(PainScore.self, forKey: .legLeft)
        legRight = try c.decodeIfPresent(PainScore.self, forKey: .legRight)
        reachLeft = try c.decodeIfPresent(PainReach.self, forKey: .reachLeft)
        reachRight = try c.decodeIfPresent(PainReach.self, forKey: .reachRight)
        numbness = try c.decodeIfPresent(Legs.self, forKey: .numbness) ?? []
        tingling = try c.decodeIfPresent(Legs.self, forKey: .tingling) ?? []
        weakness = try c.decodeIfPresent(Legs.self, forKey: .weakness) ?? []
    }

    /// Encodes every key, with `null` or `[]` for what is not recorded.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(back, forKey: .back)
        try c.encode(legLeft, forKey: .legLeft)
        try c.encode(legRight, forKey: .legRight)
        try c.encode(numbness, forKey: .numbness)
        try c.encode(reachLeft, forKey: .reachLeft)
        try c.encode(reachRight, forKey: .reachRight)
        try c.encode(tingling, forKey: .tingling)
        try c.encode(weakness, forKey: .weakness)
    }
}
