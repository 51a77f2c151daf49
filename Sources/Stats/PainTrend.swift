/// Pain over the period: each week, a baseline and the change against it, and the sessions
/// that made pain worse.
///
/// The baseline is the first two weeks that recorded pain (before or after; a week without
/// pain recorded does not count, however early): the mean of every score in them. The change
/// compares the latest week that recorded pain, if it comes after the baseline weeks.
public struct PainTrend: Sendable, Hashable {
    /// Every week of the period, the empty ones too.
    public var weeks: [PainWeek]
    /// The weeks the baseline is taken from (none, one or two).
    public var baselineWeeks: [String]
    /// Pain before: baseline against the latest week; `nil` without both.
    public var before: PainChange?
    /// Pain after: baseline against the latest week; `nil` without both.
    public var after: PainChange?
    /// Sessions after which pain was ``PainFlare/threshold`` or more points higher.
    public var flares: [PainFlare]
}
