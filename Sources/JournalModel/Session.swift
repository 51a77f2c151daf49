import FoundationEssentials

/// One workout: when it started, how it felt, and what was done.
///
/// Encodes exactly as a DESIGN §8 session object: the keys `id`, `start`, `durationSeconds`,
/// `routine`, `painBefore`, `painAfter`, `notes`, `entries`, with `null` for what is absent
/// (the shared encoder, ``JSONCoding/encoder()``, sorts keys), and `symptomsBefore` and
/// `symptomsAfter` only when recorded (so a journal without them exports as it always did).
/// Decoding accepts missing optional keys and does not validate; call ``validate()`` on input.
public struct Session: Identifiable, Sendable, Hashable, Codable {
    /// The session id: a lowercase UUID.
    public let id: String
    /// When it started, with the offset it was logged with.
    public var start: LocalTimestamp
    /// How long it took, in seconds, if recorded.
    public var durationSeconds: Int?
    /// The routine id it followed, if any (such as `sciatica`).
    public var routine: String?
    /// Pain (0–10) before the session, if recorded.
    public var painBefore: PainScore?
    /// Pain (0–10) after the session, if recorded.
    public var painAfter: PainScore?
    /// Free text. Health data: never copied into messages or logs.
    public var notes: String?
    /// What was done, one entry per exercise and side.
    public var entries: [Entry]
    /// Back and leg symptoms before the session, if recorded.
    public var symptomsBefore: Symptoms?
    /// Back and leg symptoms after the session, if recorded.
    public var symptomsAfter: Symptoms?

    /// Creates a session; by default with a new random id.
    public init(
        id: String = Session.newID(), start: LocalTimestamp, durationSeconds: Int? = nil,
        routine: String? = nil, painBefore: PainScore? = nil, painAfter: PainScore? = nil,
        notes: String? = nil, entries: [Entry] = [], symptomsBefore: Symptoms? = nil,
        symptomsAfter: Symptoms? = nil
    ) {
        self.id = id
        self.start = start
        self.durationSeconds = durationSeconds
        self.routine = routine
        self.painBefore = painBefore
        self.painAfter = painAfter
        self.notes = notes
        self.entries = entries
        self.symptomsBefore = symptomsBefore
        self.symptomsAfter = symptomsAfter
    }

    /// A new random (version 4) session id, lowercase. Random rather than time-ordered so
    /// that short prefixes name sessions uniquely.
    public static func newID() -> String { UUID().uuidString.lowercased() }

    /// Whether `id` is a lowercase UUID: 8-4-4-4-12 lowercase hex digits.
    public static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard byte.isASCIIDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                else { return false }
            }
        }
        return true
    }

    /// Checks the id, the duration (0 to 24 hours), the routine id and every entry.
    public func validate() throws(ModelError) {
        guard Self.isValidID(id) else {
            throw ModelError(
                kind: .invalidSyntax, field: "id", input: id,
                description: "session id \(ModelError.quote(id)) is not a lowercase UUID",
                hint: "let limber make the id, or use a UUID such as 0f8e2f0a-…")
        }
        if let durationSeconds, !(0...DurationText.maximumSeconds).contains(durationSeconds) {
            throw ModelError(
                kind: .outOfRange, field: "durationSeconds", input: String(durationSeconds),
                description: "session duration must be 0 to 24 hours, got \(durationSeconds) s",
                hint: "give the duration as 25m or 1h10m")
        }
        if let routine, !Slug.isValidID(routine) {
            throw ModelError(
                kind: .invalidSyntax, field: "routine", input: routine,
                description: "routine id \(ModelError.quote(routine)) is not a slug",
                hint: "use a routine id from `limber routines`, such as sciatica")
        }
        for entry in entries { try entry.validate() }
    }

    enum CodingKeys: String, CodingKey {
        case id, start, durationSeconds, routine, painBefore, painAfter, notes, entries
        case symptomsBefore, symptomsAfter
    }

    /// Decodes a session, tolerating missing optional keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        start = try c.decode(LocalTimestamp.self, forKey: .start)
        durationSeconds = try c.decodeIfPresent(Int.self, forKey: .durationSeconds)
        routine = try c.decodeIfPresent(String.self, forKey: .routine)
        painBefore = try c.decodeIfPresent(PainScore.self, forKey: .painBefore)
        painAfter = try c.decodeIfPresent(PainScore.self, forKey: .painAfter)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        entries = try c.decodeIfPresent([Entry].self, forKey: .entries) ?? []
        symptomsBefore = try c.decodeIfPresent(Symptoms.self, forKey: .symptomsBefore)
        symptomsAfter = try c.decodeIfPresent(Symptoms.self, forKey: .symptomsAfter)
    }

    /// Encodes every key, with `null` for what is absent (the symptoms only when recorded).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(start, forKey: .start)
        try c.encode(durationSeconds, forKey: .durationSeconds)
        try c.encode(routine, forKey: .routine)
        try c.encode(painBefore, forKey: .painBefore)
        try c.encode(painAfter, forKey: .painAfter)
        try c.encode(notes, forKey: .notes)
        try c.encode(entries, forKey: .entries)
        try c.encodeIfPresent(symptomsBefore, forKey: .symptomsBefore)
        try c.encodeIfPresent(symptomsAfter, forKey: .symptomsAfter)
    }
}
