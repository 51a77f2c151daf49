import Reconcile

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
    /// (a day as `--until` includes that whole day); `last-week` and `this-week` (Monday to
    /// Sunday: `--since` takes the Monday, `--until` the whole Sunday); and, for `--since` only,
    /// `7d` (the last 7 days, today included) or `4w` (the last 28 days).
    ///
    /// - Throws: ``ModelError`` for text that is no date.
    public static func bound(_ text: String, isUpperBound: Bool, now: LocalTimestamp = .now())
        throws -> Int64
    {
        let field = isUpperBound ? "--until" : "--since"
        if let day = try relativeDay(text, isUpperBound: isUpperBound, today: now.localDate, field: field) {
            let edge = isUpperBound ? day.adding(days: 1) : day
            return try LocalTimestamp(parsingUserInput: edge.description, now: now, field: field).epochSeconds
        }
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

    /// The day a relative bound names (`7d`, `4w`, `last-week`, `this-week`), or `nil` when
    /// `text` is not one.
    static func relativeDay(_ text: String, isUpperBound: Bool, today: LocalDate, field: String)
        throws(ModelError) -> LocalDate?
    {
        let word = text.split(separator: " ").joined().lowercased()
        let monday = today.adding(days: 1 - today.isoWeekday)
        switch word {
        case "this-week", "thisweek": return isUpperBound ? monday.adding(days: 6) : monday
        case "last-week", "lastweek": return isUpperBound ? monday.adding(days: -1) : monday.adding(days: -7)
        default: break
        }
        guard let unit = word.last, unit == "d" || unit == "w", word.count > 1,
            word.dropLast().allSatisfy(\.isASCII), word.dropLast().allSatisfy(\.isNumber)
        else { return nil }
        guard !isUpperBound else {
            throw ModelError(
                kind: .invalidSyntax, field: field, input: text,
                description: "--until \(ModelError.quote(text)): a span such as 7d goes with --since",
                hint: "use --since \(text) for the last \(word.dropLast()) \(unit == "d" ? "days" : "weeks"), or give --until a date")
        }
        guard let count = Int(word.dropLast()), (1...100_000).contains(count) else {
            throw ModelError(
                kind: .outOfRange, field: field, input: text,
                description: "--since \(ModelError.quote(text)): the span must be 1 to 100000",
                hint: "such as 7d or 4w")
        }
        return today.adding(days: 1 - count * (unit == "d" ? 1 : 7))
    }

    /// The sessions the store reads for this filter (its `last` aside).
    var selection: SessionStore.Selection {
        SessionStore.Selection(since: since, until: until, exercise: exercise)
    }
}
