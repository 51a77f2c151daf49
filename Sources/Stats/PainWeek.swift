/// Pain in one ISO week (Monday to Sunday, each session on the local date of its own offset).
public struct PainWeek: Sendable, Hashable {
    /// The ISO week, such as `2026-W47`.
    public var week: String
    /// Sessions logged in the week (with pain recorded or not).
    public var sessions: Int
    /// Pain before, over the sessions that recorded it; `nil` when none did.
    public var before: PainSummary?
    /// Pain after, over the sessions that recorded it; `nil` when none did.
    public var after: PainSummary?
}
