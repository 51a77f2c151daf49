import JournalModel
import Testing

@Test(
    "durations people type",
    arguments: [
        ("25m", 1500), ("1h10m", 4200), ("90s", 90), ("1h", 3600), ("1m30s", 90), ("1:30", 90),
        ("1:05:00", 3900), ("0:45", 45), ("25M", 1500), ("1 h 10 min", 4200), ("2 hours", 7200),
        ("45 sec", 45), ("1h5s", 3605), (" 25m ", 1500), ("0s", 0), ("24h", 86_400),
        ("90m", 5400), ("100s", 100),
    ])
func durations(_ text: String, _ seconds: Int) throws {
    #expect(try DurationText.parse(text, field: "--duration") == seconds)
}

@Test("a bare number asks for a unit")
func bareNumber() throws {
    let error = try #require(throws: ModelError.self) {
        try DurationText.parse("45", field: "--duration")
    }
    #expect(error.kind == .missingUnit)
    #expect(error.description == #"--duration: "45" has no unit (seconds or minutes?)"#)
    #expect(error.fix == "add a unit: 25m, 90s, 1h10m")
}

@Test(
    "malformed durations are rejected",
    arguments: [
        "", "m", "10m1h", "1m1m", "1.5h", "1h30", "abc", "1:5", "1:60", "1:2:3:4", ":30",
        "-5m", "1d", "25m!", "1h 10m 5x", "１m",
    ])
func malformed(_ text: String) throws {
    let error = try #require(throws: ModelError.self) {
        try DurationText.parse(text, field: "--duration")
    }
    #expect(error.kind == .invalidSyntax)
    #expect(error.fix.contains("1h10m"))
}

@Test(
    "more than 24 hours is rejected", arguments: ["25h", "24h1s", "1441m", "25:00:00", "999999h"])
func tooLong(_ text: String) throws {
    let error = try #require(throws: ModelError.self) {
        try DurationText.parse(text, field: "--duration")
    }
    #expect(error.kind == .outOfRange)
}

@Test(
    "formatting",
    arguments: [
        (0, "0s"), (45, "45s"), (90, "1m30s"), (1500, "25m"), (4200, "1h10m"),
        (3600, "1h"), (3605, "1h5s"), (-90, "-1m30s"),
    ])
func formatting(_ seconds: Int, _ text: String) {
    #expect(DurationText.format(seconds: seconds) == text)
}

@Test("formatting reads back")
func formatRoundTrip() throws {
    for seconds in stride(from: 0, through: DurationText.maximumSeconds, by: 37) {
        #expect(
            try DurationText.parse(DurationText.format(seconds: seconds), field: "x") == seconds)
    }
}
