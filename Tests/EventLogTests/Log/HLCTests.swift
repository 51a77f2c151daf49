import Foundation
import JournalModel
import Testing

import EventLog
import LimberTestSupport

@Suite("hybrid logical clock")
struct HLCTests {
    @Test("the stored form is 16 digits of milliseconds, '-', 4 digits of counter")
    func storedForm() throws {
        #expect(HLC(millis: 1_732_512_345_678, counter: 3).description == "0001732512345678-0003")
        #expect(HLC(millis: 0, counter: 0).description == "0000000000000000-0000")
        #expect(HLC(millis: 9_999_999_999_999_999, counter: 9999).description == "9999999999999999-9999")
        let parsed = try #require(HLC("0001732512345678-0003"))
        #expect(parsed == HLC(millis: 1_732_512_345_678, counter: 3))
        // The format holds 16 digits; a reader accepts up to the end of the year 9999.
        #expect(HLC("0253402300799999-9999") == HLC.latestAccepted)
        #expect(HLC("0253402300800000-0000") == nil)
        #expect(HLC("9999999999999999-9999") == nil)
    }

    @Test("the clock never follows a seen time to where its own would not parse")
    func clockCeiling() throws {
        var clock = HybridClock()
        clock.observe(HLC.latestAccepted)
        for _ in 0..<20_000 {
            let next = clock.tick(nowMillis: 1_732_512_345_678)
            #expect(HLC(next.description) == next)
        }
        #expect(clock.last < HLC.latestAccepted)
    }

    @Test(
        "parsing rejects anything but exactly 16 digits, '-', 4 digits",
        arguments: [
            "", "1732512345678-0003", "001732512345678-0003", "00001732512345678-0003",
            "0001732512345678-003", "0001732512345678-00003", "0001732512345678_0003",
            "0001732512345678 0003", "000173251234567a-0003", "0001732512345678-000x",
            " 0001732512345678-0003", "0001732512345678-0003 ", "+001732512345678-0003",
            "-001732512345678-0003", "0001732512345678--003", "0001732512345678-+003",
            "000173251234567٠-0003", "0001732512345678-0003\n",
        ])
    func parseRejects(_ text: String) {
        #expect(HLC(text) == nil)
    }

    @Test("JSON stores the string form and refuses a malformed one")
    func jsonForm() throws {
        let value = HLC(millis: 1_732_512_345_678, counter: 42)
        let data = try JSONCoding.encoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["0001732512345678-0042"]"#)
        #expect(try JSONCoding.decoder().decode([HLC].self, from: data) == [value])
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode([HLC].self, from: Data(#"["1732512345678-42"]"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode([HLC].self, from: Data(#"["9999999999999999-9999"]"#.utf8))
        }
    }

    @Test("ordering equals string ordering (random pairs)")
    func orderingMatchesStrings() {
        var random = SplitMix64(seed: 0x4C43_0001)
        for _ in 0..<2000 {
            // Mostly near each other, so that equal milliseconds and counters come up often.
            let baseMillis = Int64.random(in: 0...HLC.latestAccepted.millis - 3, using: &random)
            func pick() -> HLC {
                let millis = Bool.random(using: &random)
                    ? baseMillis + Int64.random(in: 0...3, using: &random)
                    : Int64.random(in: 0...HLC.latestAccepted.millis, using: &random)
                let counter = Bool.random(using: &random)
                    ? UInt16.random(in: 0...3, using: &random) : UInt16.random(in: 0...9999, using: &random)
                return HLC(millis: millis, counter: counter)
            }
            let a = pick(), b = pick()
            #expect((a < b) == (a.description < b.description), "\(a) vs \(b)")
            #expect((a == b) == (a.description == b.description), "\(a) vs \(b)")
            #expect(HLC(a.description) == a)
        }
    }

    @Test("tick stays strictly increasing when the wall clock goes backwards")
    func tickMonotonic() {
        var clock = HybridClock()
        let first = clock.tick(nowMillis: 1_000_000)
        #expect(first == HLC(millis: 1_000_000, counter: 0))
        var previous = first
        for now: Int64 in [999_000, 1_000_000, 500, 999_999, 1_000_000] {
            let next = clock.tick(nowMillis: now)
            #expect(next > previous)
            #expect(next.millis == 1_000_000, "a clock going back never moves the millis backwards")
            previous = next
        }
        #expect(previous == HLC(millis: 1_000_000, counter: 5))
        #expect(clock.tick(nowMillis: 1_000_007) == HLC(millis: 1_000_007, counter: 0))
    }

    @Test("observing a future time makes the next tick larger than it")
    func observeFuture() {
        var clock = HybridClock()
        _ = clock.tick(nowMillis: 1_000)
        let foreign = HLC(millis: 86_400_000 + 1_000, counter: 17)
        clock.observe(foreign)
        let next = clock.tick(nowMillis: 1_001)
        #expect(next > foreign)
        #expect(next == HLC(millis: foreign.millis, counter: 18))
        // An older observation changes nothing.
        clock.observe(HLC(millis: 5, counter: 0))
        #expect(clock.tick(nowMillis: 1_002) == HLC(millis: foreign.millis, counter: 19))
    }

    @Test("the counter rolls over at 9999 into the next millisecond")
    func counterRollover() {
        var clock = HybridClock(last: HLC(millis: 2_000, counter: 9998))
        let a = clock.tick(nowMillis: 2_000)
        let b = clock.tick(nowMillis: 2_000)
        let c = clock.tick(nowMillis: 1_500)
        #expect(a == HLC(millis: 2_000, counter: 9999))
        #expect(b == HLC(millis: 2_001, counter: 0))
        #expect(c == HLC(millis: 2_001, counter: 1))
        for value in [a, b, c] {
            #expect(value.description.utf8.count == 21, "\(value) keeps 4 counter digits")
            #expect(HLC(value.description) == value)
        }
        #expect(a.description < b.description && b.description < c.description)
    }
}
