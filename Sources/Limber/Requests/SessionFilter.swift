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

    /// Creates a filter; every criterion left `nil` admits all sessions.
    ///
    /// - Parameters:
    ///   - since: Only sessions starting at or after this instant (epoch seconds).
    ///   - until: Only sessions starting before this instant (epoch seconds, exclusive).
    ///   - exercise: Only sessions with an entry of this exercise id.
    ///   - last: Only the newest N of the sessions the other criteria admit.
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
        let field = isUpperBound ? "--until" : "--since"
        let parsed = try LocalTimestamp(parsingUserInput: text, now: now, field: field)
        guard isUpperBound else { return parsed.epochSeconds }
        // A whole day as the upper bound includes that day: the bound is the next local midnight
        // (not +24 h, which is wrong on the days clocks change).
        let word = text.split(separator: " ").joined().lowercased()
        var day: LocalDate?
        if word == "today" { day = now.localDate }
        if word == "yesterday" { day = now.localDate.adding(days: -1) }
        if day == nil { day = try? LocalDate(parsing: word, field: field) }
        guard let day else { return parsed.epochSeconds }
        let next = try LocalTimestamp(
            parsingUserInput: day.adding(days: 1).description, now: now, field: field)
        return next.epochSeconds
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
