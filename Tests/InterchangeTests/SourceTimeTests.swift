import JournalModel
import Testing

@testable import Interchange

/// The RFC 3339 form of `text` read in `zone`, or `nil` when it is refused.
private func parsed(_ text: String, _ zone: LocalTimestamp.Zone = testZone) -> String? {
    SourceTime.parse(text, zone: zone)?.rfc3339
}

@Suite("date-times as other apps write them")
struct SourceTimeTests {
    @Test(
        "each app's shape reads as that wall-clock time in the zone",
        arguments: [
            ("2024-11-28 17:36:08", "2024-11-28T17:36:08+01:00"),
            ("2024-11-28T17:36:08", "2024-11-28T17:36:08+01:00"),
            ("2024-11-28 17:36", "2024-11-28T17:36:00+01:00"),
            ("2024-11-28 17:36:08.75", "2024-11-28T17:36:08+01:00"),
            ("2023-05-04 6:05\u{202F}PM", "2023-05-04T18:05:00+01:00"),
            ("2023-05-04 6:05\u{00A0}PM", "2023-05-04T18:05:00+01:00"),
            ("2023-05-04 6:05 pm", "2023-05-04T18:05:00+01:00"),
            ("2025-01-29 5:30:00\u{202F}PM", "2025-01-29T17:30:00+01:00"),
            ("15 Sep 2025, 07:48", "2025-09-15T07:48:00+01:00"),
            ("3 Oct 2026, 10:00", "2026-10-03T10:00:00+01:00"),
            ("May 7, 2026, 6:13 AM", "2026-05-07T06:13:00+01:00"),
            ("Nov 2, 2025, 1:30 AM", "2025-11-02T01:30:00+01:00"),
            ("September 15, 2025, 7:48 PM", "2025-09-15T19:48:00+01:00"),
            ("Sept. 15, 2025", "2025-09-15T00:00:00+01:00"),
        ])
    func shapes(_ text: String, _ expected: String) {
        #expect(parsed(text) == expected)
    }

    @Test("12 AM is just after midnight and 12 PM is noon")
    func twelveOClock() {
        #expect(parsed("2023-05-04 12:30 AM") == "2023-05-04T00:30:00+01:00")
        #expect(parsed("2023-05-04 12:30 PM") == "2023-05-04T12:30:00+01:00")
        #expect(parsed("2025-02-01 12:04:10\u{202F}AM") == "2025-02-01T00:04:10+01:00")
        #expect(parsed("May 10, 2026, 12:05 AM") == "2026-05-10T00:05:00+01:00")
        #expect(parsed("2023-05-04 11:59 PM") == "2023-05-04T23:59:00+01:00")
    }

    @Test("a bare date is its midnight")
    func bareDates() {
        #expect(parsed("2022-09-14") == "2022-09-14T00:00:00+01:00")
        #expect(parsed("14 Sep 2022") == "2022-09-14T00:00:00+01:00")
        #expect(parsed("  2022-09-14  ") == "2022-09-14T00:00:00+01:00")
    }

    @Test("the zone gives the offset; the wall-clock time is kept")
    func zones() {
        #expect(
            parsed("2024-11-28 17:36:08", .fixed(utcOffsetSeconds: 0)) == "2024-11-28T17:36:08Z")
        #expect(
            parsed("2024-11-28 17:36:08", .fixed(utcOffsetSeconds: -5 * 3600))
                == "2024-11-28T17:36:08-05:00")
        #expect(
            parsed("2024-11-28 17:36:08", .fixed(utcOffsetSeconds: 19800))
                == "2024-11-28T17:36:08+05:30")
        let utc = SourceTime.parse("2024-11-28 17:36:08", zone: .fixed(utcOffsetSeconds: 0))
        let paris = SourceTime.parse("2024-11-28 17:36:08", zone: .fixed(utcOffsetSeconds: 3600))
        #expect(utc?.epochSeconds == 1_732_815_368)
        #expect(paris?.epochSeconds == 1_732_811_768, "an hour earlier")
    }

    @Test(
        "impossible dates and times are refused",
        arguments: [
            "2023-02-29 10:00", "2024-02-30", "2024-13-45 10:00:00", "2024-00-10",
            "31 Sep 2025, 07:48",
            "Feb 30, 2026, 6:13 AM", "2024-11-28 24:00", "2024-11-28 17:60", "2024-11-28 17:36:60",
            "2024-11-28 13:00 PM", "2024-11-28 0:30 AM",
        ])
    func impossible(_ text: String) {
        #expect(parsed(text) == nil)
    }

    @Test("a leap day is accepted in a leap year")
    func leapDay() {
        #expect(parsed("2024-02-29 10:00") == "2024-02-29T10:00:00+01:00")
        #expect(parsed("Feb 29, 2000, 6:13 AM") == "2000-02-29T06:13:00+01:00")
    }

    @Test(
        "text that is not a date-time is refused",
        arguments: [
            "", "   ", "yesterday", "17:36", "Sep 2025", "2024/11/28 17:36", "2024-11-28 noon",
            "Rest Timer",
        ])
    func notDates(_ text: String) {
        #expect(parsed(text) == nil)
    }
}
