import JournalModel

/// Which sessions a ``ProgressReport`` covers: a period of local dates and, optionally, one
/// exercise or one routine.
public struct ProgressQuery: Sendable, Hashable {
    /// The first local date included; `nil` starts at the first session.
    public var since: LocalDate?
    /// The last local date included; `nil` ends at the last session.
    public var until: LocalDate?
    /// Only this exercise's entries (by id); `nil` for every exercise.
    public var exercise: String?
    /// Only sessions logged against this routine (by id); `nil` for every session.
    public var routine: String?

    /// Creates a query; every part is optional.
    public init(
        since: LocalDate? = nil, until: LocalDate? = nil, exercise: String? = nil,
        routine: String? = nil
    ) {
        self.since = since
        self.until = until
        self.exercise = exercise
        self.routine = routine
    }

    /// Whether a session falls in the query's period and routine (its local date in its own
    /// offset decides the day).
    func includes(_ session: Session) -> Bool {
        let day = session.start.localDate
        if let since, day < since { return false }
        if let until, day > until { return false }
        if let routine, session.routine != routine { return false }
        return true
    }
}
