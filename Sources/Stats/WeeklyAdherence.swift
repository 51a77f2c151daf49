/// One week of one routine: sessions logged, and how much of each prescription was done.
public struct WeeklyAdherence: Sendable, Hashable, Encodable {
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
    /// Sessions a week the person means to do of the routine (the profile's frequency); `nil`
    /// when none is set.
    public var prescribedSessions: Int?
    /// Sessions logged against the routine this week.
    public var loggedSessions: Int
    /// Of those, sessions that did less than the prescription of some item.
    public var partialSessions: Int
    /// Each item of the routine, in its order.
    public var doses: [Dose]
}

extension WeeklyAdherence {
    private enum Keys: String, CodingKey {
        case week, routine, prescribedSessions, loggedSessions, partialSessions, doses
    }

    /// Encodes the week as DESIGN §8 has it, `prescribedSessions` `null` when the routine gives
    /// no frequency.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(week, forKey: .week)
        try c.encode(routine, forKey: .routine)
        try c.encode(prescribedSessions, forKey: .prescribedSessions)
        try c.encode(loggedSessions, forKey: .loggedSessions)
        try c.encode(partialSessions, forKey: .partialSessions)
        try c.encode(doses, forKey: .doses)
    }
}
