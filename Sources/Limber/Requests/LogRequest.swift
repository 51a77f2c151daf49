/// A session to log: what the person typed, parsed but not yet checked against the catalog.
public struct LogRequest: Sendable, Hashable {
    /// When it started; now when `nil`.
    public var start: LocalTimestamp?
    /// How long the session lasted, in seconds; `nil` when not given.
    public var durationSeconds: Int?
    /// A routine id or name: its exercises not given in `sets` are logged as prescribed.
    public var routine: String?
    /// The pain score before the session (0–10); `nil` when not given.
    public var painBefore: PainScore?
    /// The pain score after the session (0–10); `nil` when not given.
    public var painAfter: PainScore?
    /// Back and leg symptoms before the session; `nil` when not given.
    public var symptomsBefore: Symptoms?
    /// Back and leg symptoms after the session; `nil` when not given.
    public var symptomsAfter: Symptoms?
    /// Free-text notes about the session; `nil` when not given.
    public var notes: String?
    /// `--set` values, in order.
    public var sets: [SetSpec]
    /// Exercises of the routine the person did not do (not logged as prescribed), as typed;
    /// with a side, only that side.
    public var skipping: [ExerciseReference] = []
    /// Allows a start more than a day ahead of now (`--future`).
    public var allowFuture = false

    /// Creates a log request; ``skipping`` starts empty.
    ///
    /// - Parameters:
    ///   - start: When the session started; `nil` logs it as starting now.
    ///   - durationSeconds: How long it lasted, in seconds.
    ///   - routine: A routine id or name whose remaining exercises are logged as prescribed.
    ///   - painBefore: The pain score before the session.
    ///   - painAfter: The pain score after the session.
    ///   - notes: Free-text notes.
    ///   - sets: The `--set` values, in order.
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
    /// A new start time.
    public var start: LocalTimestamp?
    /// A new duration, in seconds.
    public var durationSeconds: Int?
    /// A routine id or name, resolved against the catalog, to record as followed.
    public var routine: String?
    /// A new pain score before the session.
    public var painBefore: PainScore?
    /// A new pain score after the session.
    public var painAfter: PainScore?
    /// Symptoms before the session in their text form (`back=2,reach-left=thigh`), as typed
    /// for `--before`: the keys given change, the others stay; an empty string clears them.
    public var symptomsBefore: String?
    /// Symptoms after the session, as ``symptomsBefore`` (typed for `--after`).
    public var symptomsAfter: String?
    /// New notes; an empty string clears them.
    public var notes: String?
    /// Each replaces the entry of its exercise (and side), or adds it.
    public var sets: [SetSpec]
    /// Entries to remove (`EXERCISE` or `EXERCISE:SIDE`, as typed).
    public var removeEntries: [ExerciseReference]
    /// Allows a new start more than a day ahead of now (`--future`).
    public var allowFuture = false

    /// Creates an amendment request; every argument left at its default changes nothing.
    ///
    /// - Parameters:
    ///   - start: A new start time.
    ///   - durationSeconds: A new duration, in seconds.
    ///   - routine: A routine id or name to record as followed.
    ///   - painBefore: A new pain score before the session.
    ///   - painAfter: A new pain score after the session.
    ///   - notes: New notes; an empty string clears them.
    ///   - sets: Entries that replace the entry of their exercise (and side), or are added.
    ///   - removeEntries: Entries to remove, as `EXERCISE` or `EXERCISE:SIDE`.
    public init(
        start: LocalTimestamp? = nil, durationSeconds: Int? = nil, routine: String? = nil,
        painBefore: PainScore? = nil, painAfter: PainScore? = nil, notes: String? = nil,
        sets: [SetSpec] = [], removeEntries: [ExerciseReference] = []
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
            && symptomsBefore == nil && symptomsAfter == nil
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
    /// The records a logged session beat, one item per exercise (and side); empty for every
    /// other write.
    public var records: [RecordNews] = []
}
