import FoundationEssentials
import JournalModel
import Testing

/// 2026-11-24T06:30:00Z.
private let epoch = Int64(1_795_501_800)

@Test(
    "RFC 3339 forms parse to the instant and keep the offset",
    arguments: [
        ("2026-11-24T07:30:00+01:00", epoch, Int32(3600)),
        ("2026-11-24T07:30:00+0100", epoch, 3600),
        ("2026-11-24t07:30:00+01:00", epoch, 3600),
        ("2026-11-24 07:30:00+01:00", epoch, 3600),
        ("2026-11-24T06:30:00Z", epoch, 0),
        ("2026-11-24T06:30:00z", epoch, 0),
        ("2026-11-24T06:30:00+00:00", epoch, 0),
        ("2026-11-24T06:30:00.999Z", epoch, 0),
        ("2026-11-24T07:30:00.123456789+01:00", epoch, 3600),
        ("2026-11-24T12:15:00+05:45", epoch, 20_700),
        ("2026-11-24T03:00:00-03:30", epoch, -12_600),
        ("2026-11-24T01:30:00-0500", epoch, -18_000),
        ("2026-11-25T06:29:00+23:59", epoch, 86_340),
    ])
func rfc3339Parsing(_ text: String, _ seconds: Int64, _ offset: Int32) throws {
    let timestamp = try LocalTimestamp(rfc3339: text)
    #expect(timestamp.epochSeconds == seconds)
    #expect(timestamp.utcOffsetSeconds == offset)
}

@Test(
    "formatting writes whole seconds, a colon offset and Z for zero",
    arguments: [
        (Int32(3600), "2026-11-24T07:30:00+01:00"),
        (0, "2026-11-24T06:30:00Z"),
        (-12_600, "2026-11-24T03:00:00-03:30"),
        (20_700, "2026-11-24T12:15:00+05:45"),
    ])
func rfc3339Formatting(_ offset: Int32, _ text: String) throws {
    let timestamp = LocalTimestamp(epochSeconds: epoch, utcOffsetSeconds: offset)
    #expect(timestamp.rfc3339 == text)
    #expect(timestamp.description == text)
    #expect(try LocalTimestamp(rfc3339: text) == timestamp)
}

@Test("timestamps code as strings; fractions are dropped")
func timestampCoding() throws {
    let decoded = try JSONCoding.decoder().decode(
        [LocalTimestamp].self, from: Data(#"["2026-11-24T07:30:00.75+01:00"]"#.utf8))
    let data = try JSONCoding.encoder().encode(decoded)
    #expect(String(decoding: data, as: UTF8.self) == #"["2026-11-24T07:30:00+01:00"]"#)
}

@Test("before 1970 and far dates format and parse")
func farDates() throws {
    let minusOne = LocalTimestamp(epochSeconds: -1, utcOffsetSeconds: 0)
    #expect(minusOne.rfc3339 == "1969-12-31T23:59:59Z")
    #expect(try LocalTimestamp(rfc3339: "1969-12-31T23:59:59Z") == minusOne)
    for text in ["0001-01-01T00:00:00Z", "1900-02-28T12:00:00-08:00", "9999-12-31T23:59:59+14:00"] {
        #expect(try LocalTimestamp(rfc3339: text).rfc3339 == text)
    }
}

@Test("a leap second reads as :59")
func leapSecond() throws {
    #expect(
        try LocalTimestamp(rfc3339: "2016-12-31T23:59:60Z").rfc3339 == "2016-12-31T23:59:59Z")
}

@Test(
    "malformed stored timestamps are rejected",
    arguments: [
        "", "2026-11-24", "2026-11-24T07:30+01:00", "2026-11-24T07:30:00", "2026-11-24T07:30:00+1",
        "2026-11-24T07:30:00+01:0", "2026-11-24T07:30:00Z ", " 2026-11-24T07:30:00Z",
        "2026-11-24T07:30:00.Z", "26-11-24T07:30:00Z", "2026/11/24T07:30:00Z",
        "2026-11-24X07:30:00Z", "2026-11-24T07:30:00+01:00x", "2026-11-24T7:30:00Z",
    ])
func malformedRFC3339(_ text: String) throws {
    let error = try #require(throws: ModelError.self) { try LocalTimestamp(rfc3339: text) }
    #expect(error.kind == .invalidSyntax)
}

@Test(
    "impossible dates and times are rejected with the reason",
    arguments: [
        ("2026-02-30T07:30:00Z", "February 2026 has 28 days"),
        ("2023-02-29T07:30:00Z", "February 2023 has 28 days"),
        ("2100-02-29T07:30:00Z", "February 2100 has 28 days"),
        ("2026-04-31T07:30:00Z", "April 2026 has 30 days"),
        ("2026-13-01T07:30:00Z", "month"),
        ("2026-00-10T07:30:00Z", "month"),
        ("2026-11-24T24:00:00Z", "hour"),
        ("2026-11-24T25:00:00Z", "hour"),
        ("2026-11-24T07:60:00Z", "minute"),
        ("2026-11-24T07:30:61Z", "second"),
        ("2026-11-24T07:30:00+24:00", "offset"),
        ("2026-11-24T07:30:00+01:60", "offset"),
        ("0000-01-01T00:00:00Z", "year"),
    ])
func impossibleRFC3339(_ text: String, _ reason: String) throws {
    let error = try #require(throws: ModelError.self) { try LocalTimestamp(rfc3339: text) }
    #expect(error.kind == .outOfRange)
    #expect(error.description.contains(text))
    #expect(error.description.contains(reason))
}

@Test("leap days exist in leap years", arguments: ["2024-02-29", "2000-02-29", "2028-02-29"])
func leapDays(_ day: String) throws {
    #expect(try LocalTimestamp(rfc3339: day + "T12:00:00Z").localDate.description == day)
}

@Test("order is by instant, then by offset")
func ordering() {
    let utc = LocalTimestamp(epochSeconds: epoch, utcOffsetSeconds: 0)
    let berlin = LocalTimestamp(epochSeconds: epoch, utcOffsetSeconds: 3600)
    let laterInNewYork = LocalTimestamp(epochSeconds: epoch + 1, utcOffsetSeconds: -18_000)
    #expect(utc < berlin)
    #expect(berlin < laterInNewYork)
    #expect(utc != berlin)
    #expect([laterInNewYork, berlin, utc].sorted() == [utc, berlin, laterInNewYork])
}

@Test("offsets are kept to whole minutes within ±23:59")
func offsetNormalization() {
    #expect(LocalTimestamp(epochSeconds: 0, utcOffsetSeconds: 1172).utcOffsetSeconds == 1140)
    #expect(LocalTimestamp(epochSeconds: 0, utcOffsetSeconds: -1172).utcOffsetSeconds == -1140)
    #expect(LocalTimestamp(epochSeconds: 0, utcOffsetSeconds: 90_000).utcOffsetSeconds == 86_340)
}

@Test("the local date is the date on the wall clock where it was logged")
func localDate() throws {
    let evening = try LocalTimestamp(rfc3339: "2026-11-24T23:30:00-05:00")
    #expect(evening.localDate.description == "2026-11-24")
    #expect(evening.localSecondsOfDay == 23 * 3600 + 30 * 60)
    let morning = try LocalTimestamp(rfc3339: "2026-11-25T00:30:00+01:00")
    #expect(morning.localDate.description == "2026-11-25")
    #expect(morning.epochSeconds < evening.epochSeconds)
    let beforeEpoch = try LocalTimestamp(rfc3339: "1969-12-31T23:00:00Z")
    #expect(beforeEpoch.localDate.description == "1969-12-31")
    #expect(beforeEpoch.localSecondsOfDay == 23 * 3600)
}

@Test("date round-trips through Date")
func dateConversion() {
    let timestamp = LocalTimestamp(epochSeconds: epoch, utcOffsetSeconds: 3600)
    #expect(timestamp.date == Date(timeIntervalSince1970: TimeInterval(epoch)))
    #expect(LocalTimestamp(date: timestamp.date, utcOffsetSeconds: 3600) == timestamp)
    let fraction = Date(timeIntervalSince1970: -0.5)
    #expect(LocalTimestamp(date: fraction, utcOffsetSeconds: 0).epochSeconds == -1)
}

@Test("now() carries the machine's offset at this instant")
func now() {
    let now = LocalTimestamp.now()
    #expect(now == now.inSystemZone())
    let seconds = Int64(Date().timeIntervalSince1970)
    #expect(abs(now.epochSeconds - seconds) < 5)
}
