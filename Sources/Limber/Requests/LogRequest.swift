/// A session to log: what the person typed, parsed but not yet checked against the catalog.
public struct LogRequest: Sendable, Hashable {
    /// When it started; now when `nil`.
    public var start: LocalTimestamp?
    public var durationSeconds: Int?
    /// A routine id or name: its exercises not given in `sets` are logged as prescribed.
    public var routine: String?
    public var painBefore: PainScore?
    public var painAfter: PainScore?
    public var notes: String?
    /// `--set` values, in order.
    public var sets: [SetSpec]
    /// Exercises of the routine the person did not do (not logged as prescribed).
    public var skipping: Set<String> = []

    public init(
        start: LocalTimestamp? = nil, durationSeconds: Int? = nil, routine: String? = nil,
        painBefore: PainScore? = nil, painAfter: PainScore? = nil, notes: String? = nil,
        sets: [SetSpec] = []
    ) {
        self.start = start
        self.durationSeconds = durationSeconds
        self.routine = routine
        self.painBefore = painBefore
        self.painAfter = painAfter
        self.notes = notes
        self.sets = sets
    }
}

/// Changes to a logged session; `nil` leaves a field as it is.
public struct AmendRequest: Sendable, Hashable {
    public var start: LocalTimestamp?
    public var durationSeconds: Int?
    public var routine: String?
    public var painBefore: PainScore?
    public var painAfter: PainScore?
    public var notes: String?
    /// Each replaces the entry of its exercise (and side), or adds it.
    public var sets: [SetSpec]
    /// Exercises (`EXERCISE` or `EXERCISE:SIDE`) whose entries are removed.
    public var removeEntries: [String]

    public init(
        start: LocalTimestamp? = nil, durationSeconds: Int? = nil, routine: String? = nil,
        painBefore: PainScore? = nil, painAfter: PainScore? = nil, notes: String? = nil,
        sets: [SetSpec] = [], removeEntries: [String] = []
    ) {
        self.start = start
        self.durationSeconds = durationSeconds
        self.routine = routine
        self.painBefore = painBefore
        self.painAfter = painAfter
        self.notes = notes
        self.sets = sets
        self.removeEntries = removeEntries
    }

    /// `true` when no option was given.
    public var isEmpty: Bool {
        start == nil && durationSeconds == nil && routine == nil && painBefore == nil
            && painAfter == nil && notes == nil && sets.isEmpty && removeEntries.isEmpty
    }
}

/// What a write did.
public struct WriteOutcome<Value: Sendable>: Sendable {
    /// The session (or definition) as it now stands.
    public var value: Value
    /// Cautions and information to show.
    public var notices: [Notice]
    /// `false` when nothing needed writing (an amendment to the values already there).
    public var changed: Bool
}
