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
