import JournalModel

/// What a physiotherapist should see first: sets stopped for pain, and exercises logged that
/// the person's conditions contraindicate.
public struct ProgressFlags: Sendable, Hashable, Codable {
    /// Sets stopped for pain in one exercise.
    public struct StoppedForPain: Sendable, Hashable, Codable {
        /// The exercise id.
        public var exercise: String
        /// Sets stopped.
        public var sets: Int
        /// The local dates it happened on, in order, each once.
        public var dates: [LocalDate]
    }

    /// An exercise logged while the profile has a condition it is contraindicated for.
    public struct Contraindicated: Sendable, Hashable, Codable {
        /// The exercise id.
        public var exercise: String
        /// The condition.
        public var condition: String
        /// The session.
        public var session: String
        /// Its local date.
        public var date: LocalDate
    }

    /// Per exercise, by id.
    public var stoppedForPain: [StoppedForPain] = []
    /// Sets stopped for pain per ISO week (weeks without any left out).
    public var stoppedForPainByWeek: [String: Int] = [:]
    /// Every contraindicated exercise logged, in session order. The profile as it is now
    /// decides (limber keeps no history of it).
    public var contraindicated: [Contraindicated] = []
}
