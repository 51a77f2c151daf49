/// Which sessions `list` shows.
public struct SessionFilter: Sendable, Hashable {
    /// Only sessions starting at or after this instant (epoch seconds).
    public var since: Int64?
    /// Only sessions starting before this instant (epoch seconds, exclusive).
    public var until: Int64?
    /// Only sessions with an entry of this exercise id.
    public var exercise: String?
    /// Only the newest N.
    public var last: Int?

    public init(since: Int64? = nil, until: Int64? = nil, exercise: String? = nil, last: Int? = nil)
    {
        self.since = since
        self.until = until
        self.exercise = exercise
        self.last = last
    }

    /// Parses `--since` / `--until` text: RFC 3339, `YYYY-MM-DD HH:MM`, or a day `YYYY-MM-DD`
    /// (a day as `--until` includes that whole day).
    ///
    /// - Throws: ``ModelError`` for text that is no date.
    public static func bound(_ text: String, isUpperBound: Bool, now: LocalTimestamp = .now())
        throws -> Int64
    {
        let parsed = try LocalTimestamp(parsingUserInput: text, now: now)
        let isDayOnly = text.utf8.count == 10
        return isUpperBound && isDayOnly ? parsed.epochSeconds + 86_400 : parsed.epochSeconds
    }

    func admits(_ session: Session) -> Bool {
        if let since, session.start.epochSeconds < since { return false }
        if let until, session.start.epochSeconds >= until { return false }
        if let exercise, !session.entries.contains(where: { $0.exercise == exercise }) {
            return false
        }
        return true
    }
}
