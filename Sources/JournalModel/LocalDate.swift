/// A calendar day (proleptic Gregorian), as seen where a session was logged.
///
/// Used for "same day" checks and stats. Encodes as `"2026-11-24"`.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…28/29/30/31.
    public let day: Int

    /// Creates a date, throwing when the day does not exist (`2026-02-30`).
    public init(year: Int, month: Int, day: Int) throws(ModelError) {
        let text = Self.format(year, month, day)
        if let reason = Self.impossibility(year, month, day) {
            throw ModelError(
                kind: .outOfRange, field: "date", input: text,
                description: "\(ModelError.quote(text)) is not a date: \(reason)",
                hint: "give a real calendar day as YYYY-MM-DD, such as 2026-11-24")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (negative: before).
    public init(daysSinceEpoch days: Int64) {
        let (y, m, d) = CivilCalendar.civil(fromDays: days)
        year = Int(y)
        month = Int(m)
        day = Int(d)
    }

    /// Parses `YYYY-MM-DD` as typed for `field` (such as `--since`).
    public init(parsing text: String, field: String) throws(ModelError) {
        let trimmed = text.trimmingSpaces
        let bytes = Array(trimmed.utf8)
        let hint = "give the day as YYYY-MM-DD, such as 2026-11-24"
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let y = CivilCalendar.number(bytes, 0, 4), let m = CivilCalendar.number(bytes, 5, 2),
            let d = CivilCalendar.number(bytes, 8, 2)
        else {
            throw ModelError(
                kind: .invalidSyntax, field: field, input: text,
                description: "\(field): \(ModelError.quote(text)) is not a date", hint: hint)
        }
        if let reason = Self.impossibility(y, m, d) {
            throw ModelError(
                kind: .outOfRange, field: field, input: text,
                description: "\(field): \(ModelError.quote(text)) is not a date: \(reason)",
                hint: hint)
        }
        year = y
        month = m
        day = d
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int64 {
        CivilCalendar.days(fromYear: Int64(year), month: Int64(month), day: Int64(day))
    }

    /// The ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        Int(((daysSinceEpoch % 7) + 7 + 3) % 7) + 1  // 1970-01-01 was a Thursday
    }

    /// The ISO 8601 week containing this day, such as `2026-W48` (weeks start on Monday; week 1
    /// holds the year's first Thursday, so `2027-01-01` is in `2026-W53`).
    public var isoWeek: String {
        let days = daysSinceEpoch
        let thursday = days - Int64(isoWeekday - 1) + 3
        let weekYear = CivilCalendar.civil(fromDays: thursday).year
        let firstDay = CivilCalendar.days(fromYear: weekYear, month: 1, day: 1)
        let week = (thursday - firstDay) / 7 + 1
        return CivilCalendar.pad(Int(weekYear), 4) + "-W" + CivilCalendar.pad(Int(week), 2)
    }

    /// The date `count` days later (earlier when negative).
    public func adding(days count: Int) -> LocalDate {
        LocalDate(daysSinceEpoch: daysSinceEpoch + Int64(count))
    }

    /// `YYYY-MM-DD`.
    public var description: String { Self.format(year, month, day) }

    /// Orders by calendar day.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes `"YYYY-MM-DD"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try LocalDate(parsing: text, field: "date")
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: error.description)
        }
    }

    /// Encodes `"YYYY-MM-DD"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        CivilCalendar.pad(year, 4) + "-" + CivilCalendar.pad(month, 2) + "-"
            + CivilCalendar.pad(day, 2)
    }

    /// Why (year, month, day) is not a date, or `nil` when it is one.
    static func impossibility(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1...9999).contains(year) else { return "the year must be 0001 to 9999" }
        guard (1...12).contains(month) else { return "the month must be 01 to 12" }
        let last = CivilCalendar.daysIn(year: year, month: month)
        guard (1...last).contains(day) else {
            return "\(CivilCalendar.monthNames[month - 1]) \(year) has \(last) days"
        }
        return nil
    }
}

extension LocalDate {
    /// A date already checked by ``impossibility(_:_:_:)``.
    init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}
