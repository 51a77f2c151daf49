import FoundationEssentials
import JournalModel
import Testing

private let plusOne = LocalTimestamp.Zone.fixed(utcOffsetSeconds: 3600)

/// 2026-11-24T20:00:00+01:00.
private func now() throws -> LocalTimestamp {
    try LocalTimestamp(rfc3339: "2026-11-24T20:00:00+01:00")
}

@Test(
    "typed times in a fixed zone",
    arguments: [
        ("2026-11-20 07:30", "2026-11-20T07:30:00+01:00"),
        ("2026-11-20T07:30", "2026-11-20T07:30:00+01:00"),
        ("2026-11-20 07:30:15", "2026-11-20T07:30:15+01:00"),
        ("  2026-11-20 07:30  ", "2026-11-20T07:30:00+01:00"),
        ("2026-11-20", "2026-11-20T00:00:00+01:00"),
        ("2026-11-20T07:30:00-05:00", "2026-11-20T07:30:00-05:00"),
        ("2026-11-20T07:30Z", "2026-11-20T07:30:00Z"),
        ("07:30", "2026-11-24T07:30:00+01:00"),
        ("7:05", "2026-11-24T07:05:00+01:00"),
        ("now", "2026-11-24T20:00:00+01:00"),
        ("Today", "2026-11-24T00:00:00+01:00"),
        ("today 06:45", "2026-11-24T06:45:00+01:00"),
        ("yesterday", "2026-11-23T00:00:00+01:00"),
        ("yesterday 18:00", "2026-11-23T18:00:00+01:00"),
    ])
func userInputFixedZone(_ text: String, _ expected: String) throws {
    let parsed = try LocalTimestamp(parsingUserInput: text, now: now(), zone: plusOne)
    #expect(parsed.rfc3339 == expected)
}

@Test("yesterday crosses month and year boundaries")
func yesterdayAcrossYears() throws {
    let newYear = try LocalTimestamp(rfc3339: "2027-01-01T08:00:00-08:00")
    let parsed = try LocalTimestamp(
        parsingUserInput: "yesterday 22:00", now: newYear, zone: .fixed(utcOffsetSeconds: -28_800))
    #expect(parsed.rfc3339 == "2026-12-31T22:00:00-08:00")
}

@Test(
    "impossible typed dates and times name the input and show the accepted forms",
    arguments: [
        "2026-02-30", "2026-02-30 10:00", "2026-11-24 25:00", "25:00", "2026-13-01", "07:61",
        "today 24:00", "2026-11-24 07:30:60",
    ])
func userInputImpossible(_ text: String) throws {
    let error = try #require(throws: ModelError.self) {
        try LocalTimestamp(parsingUserInput: text, now: now(), zone: plusOne)
    }
    #expect(error.kind == .outOfRange)
    #expect(error.field == "--at")
    #expect(error.description.hasPrefix("--at: \"\(text)\""))
    #expect(error.fix.contains("2026-11-24 07:30"))
    #expect(error.fix.contains("2026-11-24T07:30:00+01:00"))
}

@Test(
    "unreadable typed times are syntax errors",
    arguments: [
        "", "tomorrow", "24/11/2026", "2026-11-24 7", "today at 7", "yesterday 7pm", "1730",
        "2026-11-24 07:30 +01:00",
    ])
func userInputSyntax(_ text: String) throws {
    let error = try #require(throws: ModelError.self) {
        try LocalTimestamp(parsingUserInput: text, now: now(), field: "--since", zone: plusOne)
    }
    #expect(error.kind == .invalidSyntax)
    #expect(error.description.hasPrefix("--since: "))
    #expect(error.fix.contains("2026-11-24"))
}

@Test("a typed local time in the machine zone keeps its wall-clock time")
func userInputSystemZone() throws {
    // Any zone: 07:30 exists on these days everywhere, so the wall clock must read 07:30 and the
    // offset must be the machine's offset at that instant (summer and winter alike).
    for day in ["2026-01-15", "2026-07-15"] {
        let parsed = try LocalTimestamp(parsingUserInput: "\(day) 07:30", now: now())
        #expect(parsed.rfc3339.hasPrefix("\(day)T07:30:00"))
        #expect(parsed == parsed.inSystemZone())
    }
}

@Test("a local time built from parts, and bad parts rejected")
func fromParts() throws {
    let day = try LocalDate(year: 2026, month: 11, day: 24)
    let parsed = try LocalTimestamp(
        localDate: day, hour: 7, minute: 30, zone: .fixed(utcOffsetSeconds: 19_800))
    #expect(parsed.rfc3339 == "2026-11-24T07:30:00+05:30")
    #expect(throws: ModelError.self) { try LocalTimestamp(localDate: day, hour: 24, minute: 0) }
    #expect(throws: ModelError.self) { try LocalTimestamp(localDate: day, hour: 7, minute: -1) }
}

@Test(
    "exported local times parse without relative words",
    arguments: [
        ("2024-01-05 18:30:00", "2024-01-05T18:30:00-08:00"),
        ("2024-01-05T18:30", "2024-01-05T18:30:00-08:00"),
        ("2024-01-05", "2024-01-05T00:00:00-08:00"),
        ("2024-01-05T18:30:00.5+02:00", "2024-01-05T18:30:00+02:00"),
    ])
func parsingLocal(_ text: String, _ expected: String) throws {
    let zone = LocalTimestamp.Zone.fixed(utcOffsetSeconds: -28_800)
    #expect(try LocalTimestamp(parsingLocal: text, zone: zone, field: "date").rfc3339 == expected)
}

@Test("exported local times reject relative words", arguments: ["now", "today", "07:30"])
func parsingLocalRejectsRelative(_ text: String) {
    #expect(throws: ModelError.self) {
        try LocalTimestamp(parsingLocal: text, zone: .fixed(utcOffsetSeconds: 0), field: "date")
    }
}

@Test(
    "a bare day typed for --at is now's time of day on it; for a range bound, its midnight",
    arguments: [
        ("yesterday", "2026-11-23T09:41:00+01:00", "2026-11-23T00:00:00+01:00"),
        ("today", "2026-11-24T09:41:00+01:00", "2026-11-24T00:00:00+01:00"),
        ("2026-11-20", "2026-11-20T09:41:00+01:00", "2026-11-20T00:00:00+01:00"),
        ("yesterday 18:00", "2026-11-23T18:00:00+01:00", "2026-11-23T18:00:00+01:00"),
    ])
func bareDays(_ text: String, _ asAt: String, _ asBound: String) throws {
    let zone = LocalTimestamp.Zone.fixed(utcOffsetSeconds: 3600)
    let now = try LocalTimestamp(rfc3339: "2026-11-24T09:41:00+01:00")
    let at = try LocalTimestamp.parseTyped(text, now: now, zone: zone, bareDay: .timeOfNow)
    #expect(at.timestamp.rfc3339 == asAt)
    #expect(at.adjustment == nil)
    let bound = try LocalTimestamp.parseTyped(text, now: now, zone: zone, bareDay: .startOfDay)
    #expect(bound.timestamp.rfc3339 == asBound)
}

@Test("one-digit hours are accepted everywhere a time is typed", arguments: ["7:30", "2026-11-24 7:30", "today 7:30"])
func oneDigitHour(_ text: String) throws {
    let zone = LocalTimestamp.Zone.fixed(utcOffsetSeconds: 0)
    let now = try LocalTimestamp(rfc3339: "2026-11-24T12:00:00Z")
    let parsed = try LocalTimestamp.parseTyped(text, now: now, zone: zone)
    #expect(parsed.timestamp.rfc3339 == "2026-11-24T07:30:00Z")
}

@Test("a start far ahead or before 1900 is refused unless allowed")
func typedStartRules() throws {
    let now = try LocalTimestamp(rfc3339: "2026-11-24T12:00:00Z")
    let tonight = try LocalTimestamp(rfc3339: "2026-11-25T11:00:00Z")
    try Session.checkTypedStart(tonight, now: now, allowFuture: false)
    let nextWeek = try LocalTimestamp(rfc3339: "2026-12-01T12:00:00Z")
    let error = try #require(throws: ModelError.self) {
        try Session.checkTypedStart(nextWeek, now: now, allowFuture: false)
    }
    #expect(error.kind == .notAllowed)
    #expect(error.description.contains("7 days in the future"))
    #expect(error.hint?.contains("--future") == true)
    try Session.checkTypedStart(nextWeek, now: now, allowFuture: true)
    let old = try LocalTimestamp(rfc3339: "1899-12-31T12:00:00Z")
    #expect(throws: ModelError.self) { try Session.checkTypedStart(old, now: now, allowFuture: true) }
}
