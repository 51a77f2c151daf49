import FoundationEssentials
import JournalModel
import Testing

@Test(
    "ISO weeks, year ends included",
    arguments: [
        ("2026-11-24", "2026-W48"), ("2026-12-31", "2026-W53"), ("2027-01-01", "2026-W53"),
        ("2027-01-03", "2026-W53"), ("2027-01-04", "2027-W01"), ("2020-12-31", "2020-W53"),
        ("2021-01-03", "2020-W53"), ("2021-01-04", "2021-W01"), ("2019-12-30", "2020-W01"),
        ("2024-12-30", "2025-W01"), ("2015-12-31", "2015-W53"), ("2016-01-03", "2015-W53"),
        ("1970-01-01", "1970-W01"), ("1969-12-29", "1970-W01"), ("2026-01-05", "2026-W02"),
    ])
func isoWeeks(_ day: String, _ week: String) throws {
    #expect(try LocalDate(parsing: day, field: "date").isoWeek == week)
}

@Test("a timestamp's ISO week is that of its local date, not of UTC")
func timestampWeek() throws {
    // Sunday evening in New York is already Monday (next week) in UTC.
    let sunday = try LocalTimestamp(rfc3339: "2027-01-03T22:00:00-05:00")
    #expect(sunday.isoWeek == "2026-W53")
    #expect(
        LocalTimestamp(epochSeconds: sunday.epochSeconds, utcOffsetSeconds: 0).isoWeek == "2027-W01"
    )
}

@Test("weekdays are ISO: Monday 1 … Sunday 7")
func weekdays() throws {
    #expect(try LocalDate(year: 2026, month: 11, day: 23).isoWeekday == 1)
    #expect(try LocalDate(year: 2026, month: 11, day: 29).isoWeekday == 7)
    #expect(try LocalDate(year: 1969, month: 12, day: 31).isoWeekday == 3)
}

@Test("day arithmetic and day numbers agree across the epoch and leap years")
func dayArithmetic() throws {
    let epoch = try LocalDate(year: 1970, month: 1, day: 1)
    #expect(epoch.daysSinceEpoch == 0)
    #expect(epoch.adding(days: -1).description == "1969-12-31")
    #expect(
        try LocalDate(year: 2024, month: 2, day: 28).adding(days: 1).description == "2024-02-29")
    #expect(
        try LocalDate(year: 2023, month: 2, day: 28).adding(days: 1).description == "2023-03-01")
    #expect(try LocalDate(year: 2026, month: 11, day: 24).daysSinceEpoch == 20_781)
    for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
        #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
    }
}

@Test("dates order by day and code as YYYY-MM-DD")
func dateOrderAndCoding() throws {
    let a = try LocalDate(year: 2026, month: 1, day: 31)
    let b = try LocalDate(year: 2026, month: 2, day: 1)
    #expect(a < b)
    let data = try JSONCoding.encoder().encode([a])
    #expect(String(decoding: data, as: UTF8.self) == #"["2026-01-31"]"#)
    #expect(try JSONCoding.decoder().decode([LocalDate].self, from: data) == [a])
}

@Test(
    "impossible or malformed dates are rejected",
    arguments: ["2026-02-29", "2026-2-28", "20261124", "2026-11-31", ""])
func badDates(_ text: String) throws {
    let error = try #require(throws: ModelError.self) {
        try LocalDate(parsing: text, field: "--since")
    }
    #expect(error.description.hasPrefix("--since: \"\(text)\""))
}
