/// One week of one routine: sessions logged, and how much of each prescription was done.
public struct WeeklyAdherence: Sendable, Hashable, Codable {
    /// One routine item in the week: working sets done against those prescribed.
    public struct Dose: Sendable, Hashable, Codable {
        /// The exercise id.
        public var exercise: String
        /// Working sets done, every side together.
        public var setsDone: Int
        /// Sets prescribed for the sessions logged (per side for a per-side exercise).
        public var setsPrescribed: Int
    }

    /// The ISO week.
    public var week: String
    /// The routine id.
    public var routine: String
    /// Sessions the routine asks for in a week; `nil` when it gives no frequency.
    public var prescribedSessions: Int?
    /// Sessions logged against the routine this week.
    public var loggedSessions: Int
    /// Of those, sessions that did less than the prescription of some item.
    public var partialSessions: Int
    /// Each item of the routine, in its order.
    public var doses: [Dose]
}
