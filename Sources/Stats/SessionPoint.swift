import JournalModel

/// One session as the report's page shows it: when, its pain, and what it held.
public struct SessionPoint: Sendable, Hashable, Codable {
    /// The session id.
    public var session: String
    /// Its local date (in its own offset).
    public var date: LocalDate
    /// When it started, as logged.
    public var start: LocalTimestamp
    /// The routine it was logged against.
    public var routine: String?
    /// Pain before, 0 to 10.
    public var painBefore: Int?
    /// Pain after, 0 to 10.
    public var painAfter: Int?
    /// Exercises (entries) in it.
    public var exercises: Int
    /// Working sets in it.
    public var sets: Int
    /// Sets stopped for pain.
    public var stoppedForPain: Int
    /// For a routine session: whether it did less than the prescription of some item.
    public var partial: Bool?
}
