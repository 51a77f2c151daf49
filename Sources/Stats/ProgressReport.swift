import JournalModel

/// How a person is doing: one value computed from sessions, catalog and profile, which
/// `stats` prints as a table or JSON and `report` as a page (docs/STATS.md has every field
/// and formula).
public struct ProgressReport: Sendable, Hashable {
    /// The query it answers.
    public var since: LocalDate?
    /// The query it answers.
    public var until: LocalDate?
    /// The first and last week of the period (`nil` without sessions and without a period).
    public var firstWeek: String?
    /// See ``firstWeek``.
    public var lastWeek: String?
    /// Sessions in the period.
    public var sessions: Int
    /// Each exercise (each side of a per-side one), in catalog order, then by id.
    public var exercises: [ExerciseProgress]
    /// Pain week by week, its baseline and change.
    public var pain: PainTrend
    /// Each routine's weeks.
    public var adherence: [WeeklyAdherence]
    /// Left against right for each per-side exercise logged on both sides.
    public var sides: [SideBalance]
    /// What to look at first.
    public var flags: ProgressFlags
    /// Every session of the period, oldest first.
    public var timeline: [SessionPoint]
}
