import JournalModel

/// Date-times as other apps write them, read as wall-clock times in a zone (their exports
/// carry no offset): `2024-11-28 17:36:08`, `2023-05-04 6:05 PM` (with a narrow no-break
/// space), `15 Sep 2025, 07:48`, `May 7, 2026, 6:13 AM`, or a bare `2022-09-14`.
enum SourceTime {
    /// The instant `text` names in `zone`, or `nil` when it is not a date-time of these shapes
    /// or names an impossible date.
    static func parse(_ text: String, zone: LocalTimestamp.Zone) -> LocalTimestamp? {
        // Narrow and ordinary no-break spaces (Strong's "6:05 PM") are spaces.
        let cleaned = String(
            text.unicodeScalars.map { $0.value == 0x202F || $0.value == 0xA0 ? " " : Character($0) })
        let tokens = cleaned.split(whereSeparator: { $0 == " " || $0 == "," })
            .map { String($0) }
        guard !tokens.isEmpty else { return nil }
        var date: LocalDate?
        var clock: (hour: Int, minute: Int, second: Int)?
        var meridiem: Bool?  // true for PM
        var month: Int?
        var day: Int?
        var year: Int?
        for token in tokens {
            let lower = token.lowercased()
            if let iso = isoDate(token) {
                date = iso.date
                if let time = iso.time { clock = time }
            } else if token.contains(":") {
                guard let time = clockTime(token) else { return nil }
                clock = time
            } else if ["am", "a.m.", "a.m"].contains(lower) {
                meridiem = false
            } else if ["pm", "p.m.", "p.m"].contains(lower) {
                meridiem = true
            } else if let number = Int(token) {
                if token.count == 4 { year = number } else { day = number }
            } else if let named = monthNumber(lower) {
                month = named
            } else {
                return nil
            }
        }
        if date == nil {
            guard let year, let month, let day else { return nil }
            date = try? LocalDate(year: year, month: month, day: day)
        }
        guard let date else { return nil }
        var (hour, minute, second) = clock ?? (0, 0, 0)
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (meridiem ? 12 : 0)
        }
        return try? LocalTimestamp(
            localDate: date, hour: hour, minute: minute, second: second, zone: zone)
    }

    /// `2024-11-28`, or `2024-11-28T17:36:08` / `2024-11-28 17:36` joined by `T`.
    private static func isoDate(_ token: String) -> (date: LocalDate, time: (Int, Int, Int)?)? {
        let parts = token.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first else { return nil }
        let day = first.split(separator: "-")
        guard day.count == 3, day[0].count == 4, let year = Int(day[0]), let month = Int(day[1]),
            let dayOfMonth = Int(day[2]),
            let date = try? LocalDate(year: year, month: month, day: dayOfMonth)
        else { return nil }
        if parts.count == 2 {
            guard let time = clockTime(String(parts[1])) else { return nil }
            return (date, time)
        }
        return (date, nil)
    }

    /// `17:36`, `17:36:08` or `6:05`; seconds may carry a fraction, which is dropped.
    private static func clockTime(_ token: String) -> (Int, Int, Int)? {
        let parts = token.split(separator: ":")
        guard parts.count == 2 || parts.count == 3, let hour = Int(parts[0]),
            let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        var second = 0
        if parts.count == 3 {
            guard let value = Double(parts[2]), value >= 0, value < 60 else { return nil }
            second = Int(value)
        }
        return (hour, minute, second)
    }

    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// `Sep`, `Sept.`, `September` → 9.
    private static func monthNumber(_ word: String) -> Int? {
        let letters = word.filter { $0.isLetter }
        guard letters.count >= 3 else { return nil }
        let prefix = String(letters.prefix(3))
        guard let index = months.firstIndex(of: prefix) else { return nil }
        let full = [
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december",
        ][index]
        guard full.hasPrefix(letters) || letters == "sept" else { return nil }
        return index + 1
    }
}

/// Parses the source app's date-times, remembering each text: every row of a workout repeats
/// its start, and the C library's zone lookup behind ``SourceTime/parse(_:zone:)`` is slow.
struct SourceClock {
    let zone: LocalTimestamp.Zone
    private var known: [String: LocalTimestamp?] = [:]

    init(zone: LocalTimestamp.Zone) { self.zone = zone }

    /// The instant `text` names, or `nil` (see ``SourceTime/parse(_:zone:)``).
    mutating func parse(_ text: String) -> LocalTimestamp? {
        if let cached = known[text] { return cached }
        let parsed = SourceTime.parse(text, zone: zone)
        known[text] = parsed
        return parsed
    }
}
