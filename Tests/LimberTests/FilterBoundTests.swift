import Limber
import Testing

@Suite("--since and --until bounds")
struct FilterBoundTests {
    private let now = LocalTimestamp(epochSeconds: 1_795_600_000, utcOffsetSeconds: 0)

    private func midnight(_ day: String) throws -> Int64 {
        try LocalTimestamp(parsingUserInput: day, now: now).epochSeconds
    }

    @Test("a day as --until includes the whole day: the bound is the next local midnight")
    func untilDay() throws {
        #expect(try SessionFilter.bound("2026-11-24", isUpperBound: true, now: now) == midnight("2026-11-25"))
        #expect(try SessionFilter.bound(" 2026-11-24 ", isUpperBound: true, now: now) == midnight("2026-11-25"))
        let today = now.localDate
        #expect(try SessionFilter.bound("today", isUpperBound: true, now: now) == midnight(today.adding(days: 1).description))
        #expect(try SessionFilter.bound("yesterday", isUpperBound: true, now: now) == midnight(today.description))
    }

    @Test("a time as --until, and any --since, is that instant")
    func instants() throws {
        #expect(try SessionFilter.bound("2026-11-24 07:30", isUpperBound: true, now: now) == midnight("2026-11-24") + 7 * 3600 + 1800)
        #expect(try SessionFilter.bound("2026-11-24", isUpperBound: false, now: now) == midnight("2026-11-24"))
    }

    @Test("a bad bound names the option it came from")
    func errorsNameTheOption() throws {
        let error = #expect(throws: ModelError.self) { try SessionFilter.bound("2026-02-30", isUpperBound: true, now: now) }
        #expect(error?.description.contains("--until") == true, "\(String(describing: error))")
    }
}

@Suite("relative --since and --until")
struct RelativeBoundTests {
    // Thursday 2026-12-03 12:00 UTC.
    private let now = LocalTimestamp(epochSeconds: 1_796_299_200, utcOffsetSeconds: 0)

    private func midnight(_ day: String) throws -> Int64 {
        try LocalTimestamp(parsingUserInput: day, now: now).epochSeconds
    }

    @Test("7d and 4w count back from today, today included")
    func spans() throws {
        #expect(now.localDate.description == "2026-12-03")
        #expect(try SessionFilter.bound("7d", isUpperBound: false, now: now) == midnight("2026-11-27"))
        #expect(try SessionFilter.bound("1d", isUpperBound: false, now: now) == midnight("2026-12-03"))
        #expect(try SessionFilter.bound("4w", isUpperBound: false, now: now) == midnight("2026-11-06"))
    }

    @Test("last-week and this-week run Monday to Sunday")
    func weeks() throws {
        #expect(try SessionFilter.bound("last-week", isUpperBound: false, now: now) == midnight("2026-11-23"))
        #expect(try SessionFilter.bound("last-week", isUpperBound: true, now: now) == midnight("2026-11-30"))
        #expect(try SessionFilter.bound("this-week", isUpperBound: false, now: now) == midnight("2026-11-30"))
        #expect(try SessionFilter.bound("this-week", isUpperBound: true, now: now) == midnight("2026-12-07"))
    }

    @Test("a span as --until, or a span of 0, is refused with a hint")
    func refused() throws {
        let until = #expect(throws: ModelError.self) { try SessionFilter.bound("7d", isUpperBound: true, now: now) }
        #expect(until?.description.contains("goes with --since") == true)
        #expect(throws: ModelError.self) { try SessionFilter.bound("0d", isUpperBound: false, now: now) }
        // Not a span: parsed as before (and refused as no date).
        #expect(throws: ModelError.self) { try SessionFilter.bound("7x", isUpperBound: false, now: now) }
    }
}
