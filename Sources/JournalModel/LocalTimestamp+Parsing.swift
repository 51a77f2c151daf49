extension LocalTimestamp {
    /// Parses an RFC 3339 timestamp as stored: `2026-11-24T07:30:00+01:00`.
    ///
    /// Accepts `T`, `t` or a space between date and time, optional fractional seconds (dropped),
    /// a leap second `:60` (read as `:59`; typed input rejects it), and `Z`, `z`, `±HH:MM` or `±HHMM`. Hand-written
    /// for speed: folding a journal decodes one of these per session.
    public init(rfc3339 text: String, field: String = "timestamp") throws(ModelError) {
        var copy = text
        let result = copy.withUTF8 { Self.parse($0, strict: true) }
        switch result {
        case .timestamp(let timestamp):
            self = timestamp
        case .local, .day, .failure(.syntax):
            throw Self.syntaxError(field: field, input: text, strict: true)
        case .failure(.impossible(let reason)):
            throw Self.impossibleError(field: field, input: text, reason: reason)
        }
    }

    /// What a bare day (`2026-11-24`, `yesterday`) means when a person types it.
    public enum BareDay: Sendable, Hashable {
        /// Its midnight: `--since 2026-11-24` starts at the start of that day.
        case startOfDay
        /// Now's time of day on that day: `--at yesterday` is this time yesterday, not the
        /// midnight before it (a session logged "yesterday" at midnight would be misplaced).
        case timeOfNow
    }

    /// A time a person typed, and what daylight saving changed about it.
    public struct TypedTime: Sendable, Hashable {
        /// The instant.
        public var timestamp: LocalTimestamp
        /// One line when the wall-clock time typed does not exist (the clocks moved forward)
        /// or happens twice (they moved back) in the machine's zone on that day, saying which
        /// time was taken; `nil` otherwise.
        public var adjustment: String?
    }

    /// Parses a time a person typed for `field` (default `--at`); see
    /// ``parseTyped(_:now:field:zone:bareDay:)``, which also reports daylight-saving shifts.
    public init(
        parsingUserInput text: String, now: LocalTimestamp, field: String = "--at",
        zone: Zone = .system, bareDay: BareDay = .startOfDay
    ) throws(ModelError) {
        self = try Self.parseTyped(text, now: now, field: field, zone: zone, bareDay: bareDay)
            .timestamp
    }

    /// Parses a time a person typed for `field`.
    ///
    /// Accepted forms:
    /// - RFC 3339, seconds optional: `2026-11-24T07:30:00+01:00`, `2026-11-24T07:30Z`;
    /// - local wall-clock time in `zone`: `2026-11-24 07:30`, `2026-11-24 7:30`,
    ///   `2026-11-24T07:30:15`;
    /// - a local day: `2026-11-24` (see ``BareDay``);
    /// - relative to `now`: `now`, `HH:MM` or `H:MM` (today), `today`, `yesterday`,
    ///   `today 07:30`, `yesterday 18:00`.
    ///
    /// Impossible dates and times (`2026-02-30`, `25:00`) are rejected, naming the input.
    /// With ``Zone/system`` the offset is the machine's offset on that date (summer dates
    /// get summer time); a time in a daylight-saving gap or overlap is resolved as the C
    /// library does, and ``TypedTime/adjustment`` says so.
    public static func parseTyped(
        _ text: String, now: LocalTimestamp, field: String = "--at", zone: Zone = .system,
        bareDay: BareDay = .startOfDay
    ) throws(ModelError) -> TypedTime {
        let trimmed = text.trimmingSpaces
        let lowered = trimmed.lowercased()
        if lowered == "now" { return TypedTime(timestamp: now, adjustment: nil) }
        let dayTime = bareDay == .timeOfNow ? now.localSecondsOfDay : 0
        var day: LocalDate?
        var timeText = Substring(trimmed)
        for (word, offset) in [("today", 0), ("yesterday", -1)] where lowered.hasPrefix(word) {
            let rest = lowered.dropFirst(word.count)
            guard rest.isEmpty || rest.first == " " else { continue }
            day = now.localDate.adding(days: offset)
            timeText = Substring(rest.trimmingSpaces)
        }
        if let day {
            guard !timeText.isEmpty else {
                return try resolveTyped(day, dayTime, zone: zone, field: field, input: text)
            }
            guard let seconds = clockTime(timeText) else {
                throw syntaxError(field: field, input: text, strict: false)
            }
            switch seconds {
            case .success(let secondsOfDay):
                return try resolveTyped(day, secondsOfDay, zone: zone, field: field, input: text)
            case .failure(let reason):
                throw impossibleError(field: field, input: text, reason: reason.text)
            }
        }
        if let seconds = clockTime(timeText) {
            switch seconds {
            case .success(let secondsOfDay):
                return try resolveTyped(
                    now.localDate, secondsOfDay, zone: zone, field: field, input: text)
            case .failure(let reason):
                throw impossibleError(field: field, input: text, reason: reason.text)
            }
        }
        var copy = trimmed
        switch copy.withUTF8({ parse($0, strict: false) }) {
        case .timestamp(let timestamp):
            return TypedTime(timestamp: timestamp, adjustment: nil)
        case .day(let date):
            return try resolveTyped(date, dayTime, zone: zone, field: field, input: text)
        case .local(let date, let secondsOfDay):
            return try resolveTyped(date, secondsOfDay, zone: zone, field: field, input: text)
        case .failure(.syntax):
            throw syntaxError(field: field, input: text, strict: false)
        case .failure(.impossible(let reason)):
            throw impossibleError(field: field, input: text, reason: reason)
        }
    }

    /// Parses a date-time that may lack an offset, as other apps' exports write them.
    ///
    /// Accepts RFC 3339 with or without seconds (`2026-11-24T07:30:00+01:00`,
    /// `2026-11-24T07:30Z`), the same without an offset (`2026-11-24 07:30`,
    /// `2026-11-24T07:30:15`, a wall-clock time in `zone`), and a bare day (`2026-11-24`, its
    /// midnight in `zone`). Unlike ``init(parsingUserInput:now:field:zone:)`` it knows no
    /// relative words.
    public init(parsingLocal text: String, zone: Zone = .system, field: String) throws(ModelError) {
        var copy = text.trimmingSpaces
        switch copy.withUTF8({ Self.parse($0, strict: false) }) {
        case .timestamp(let timestamp):
            self = timestamp
        case .local(let date, let secondsOfDay):
            self = try Self.resolve(date, secondsOfDay, zone: zone, field: field, input: text)
        case .day(let date):
            self = try Self.resolve(date, 0, zone: zone, field: field, input: text)
        case .failure(.syntax):
            throw Self.syntaxError(field: field, input: text, strict: false)
        case .failure(.impossible(let reason)):
            throw Self.impossibleError(field: field, input: text, reason: reason)
        }
    }

    /// Creates the timestamp of a wall-clock time on `localDate` in `zone`.
    public init(
        localDate: LocalDate, hour: Int, minute: Int, second: Int = 0, zone: Zone = .system
    ) throws(ModelError) {
        let input =
            localDate.description + " " + CivilCalendar.pad(hour, 2) + ":"
            + CivilCalendar.pad(minute, 2) + ":" + CivilCalendar.pad(second, 2)
        if let reason = Self.clockImpossibility(hour, minute, second) {
            throw Self.impossibleError(field: "time", input: input, reason: reason)
        }
        self = try Self.resolve(
            localDate, hour * 3600 + minute * 60 + second, zone: zone, field: "time", input: input)
    }

    // MARK: - Parser

    enum Failure: Equatable {
        case syntax
        case impossible(String)
    }

    enum Parsed: Equatable {
        case timestamp(LocalTimestamp)
        /// A wall-clock time without offset (only when not strict).
        case local(LocalDate, Int)
        /// A day without a time (only when not strict).
        case day(LocalDate)
        case failure(Failure)
    }

    struct ClockFailure: Error {
        var text: String
    }

    /// `H:MM`, `HH:MM` or `HH:MM:SS` as seconds of the day; `nil` when not of that shape.
    static func clockTime(_ text: Substring) -> Result<Int, ClockFailure>? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
            (1...2).contains(parts[0].utf8.count),
            parts.dropFirst().allSatisfy({ $0.utf8.count == 2 }),
            parts.allSatisfy({ $0.utf8.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        let second = numbers.count == 3 ? numbers[2] : 0
        if let reason = clockImpossibility(numbers[0], numbers[1], second) {
            return .failure(ClockFailure(text: reason))
        }
        return .success(numbers[0] * 3600 + numbers[1] * 60 + second)
    }

    static func clockImpossibility(_ hour: Int, _ minute: Int, _ second: Int) -> String? {
        if !(0...23).contains(hour) { return "the hour must be 00 to 23" }
        if !(0...59).contains(minute) { return "the minute must be 00 to 59" }
        if !(0...59).contains(second) { return "the second must be 00 to 59" }
        return nil
    }

    /// Parses RFC 3339 (`strict`), or also its looser forms without seconds, offset or time.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, strict: Bool) -> Parsed {
        var i = 0
        let n = bytes.count
        func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var value = 0
            for k in i..<(i + count) {
                let byte = bytes[k]
                guard byte.isASCIIDigit else { return nil }
                value = value * 10 + Int(byte &- 48)
            }
            i += count
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard i < n, bytes[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), take(UInt8(ascii: "-")), let month = digits(2),
            take(UInt8(ascii: "-")), let day = digits(2)
        else { return .failure(.syntax) }
        if let reason = LocalDate.impossibility(year, month, day) {
            return .failure(.impossible(reason))
        }
        let date = LocalDate(checkedYear: year, month: month, day: day)
        if i == n {
            return strict ? .failure(.syntax) : .day(date)
        }
        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || take(UInt8(ascii: " "))
        else { return .failure(.syntax) }
        // Typed and exported times may have a one-digit hour (`2026-11-24 7:30`).
        let oneDigitHour = !strict && i + 1 < n && bytes[i + 1] == UInt8(ascii: ":")
        guard let hour = digits(oneDigitHour ? 1 : 2), take(UInt8(ascii: ":")),
            let minute = digits(2)
        else { return .failure(.syntax) }
        var second = 0
        if take(UInt8(ascii: ":")) {
            guard let value = digits(2) else { return .failure(.syntax) }
            second = strict && value == 60 ? 59 : value  // a stored leap second: keep the minute
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                let start = i
                while i < n, bytes[i].isASCIIDigit { i += 1 }
                guard i > start else { return .failure(.syntax) }
            }
        } else if strict {
            return .failure(.syntax)
        }
        if let reason = clockImpossibility(hour, minute, second) {
            return .failure(.impossible(reason))
        }
        let secondsOfDay = hour * 3600 + minute * 60 + second
        let local = date.daysSinceEpoch * 86_400 + Int64(secondsOfDay)
        if i == n {
            return strict ? .failure(.syntax) : .local(date, secondsOfDay)
        }
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) {
            guard i == n else { return .failure(.syntax) }
            return .timestamp(LocalTimestamp(epochSeconds: local, utcOffsetSeconds: 0))
        }
        let sign: Int
        if take(UInt8(ascii: "+")) {
            sign = 1
        } else if take(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return .failure(.syntax)
        }
        guard let offsetHours = digits(2) else { return .failure(.syntax) }
        _ = take(UInt8(ascii: ":"))
        guard let offsetMinutes = digits(2), i == n else { return .failure(.syntax) }
        guard offsetHours <= 23, offsetMinutes <= 59 else {
            return .failure(.impossible("the UTC offset must be within ±23:59"))
        }
        let offset = Int32(sign * (offsetHours * 3600 + offsetMinutes * 60))
        return .timestamp(
            LocalTimestamp(epochSeconds: local - Int64(offset), utcOffsetSeconds: offset))
    }

    // MARK: - Errors

    static let acceptedForms =
        "use 2026-11-24T07:30:00+01:00, \"2026-11-24 07:30\" or 2026-11-24 (local time), 07:30, \"yesterday 18:00\" or now"

    static func resolveTyped(
        _ date: LocalDate, _ secondsOfDay: Int, zone: Zone, field: String, input: String
    ) throws(ModelError) -> TypedTime {
        guard let (timestamp, adjustment) = zone.resolveReporting(date, secondsOfDay: secondsOfDay)
        else {
            throw impossibleError(
                field: field, input: input, reason: "this machine cannot represent that time")
        }
        return TypedTime(timestamp: timestamp, adjustment: adjustment.map { "\(field): \($0)" })
    }

    static func resolve(
        _ date: LocalDate, _ secondsOfDay: Int, zone: Zone, field: String, input: String
    ) throws(ModelError) -> LocalTimestamp {
        guard let timestamp = zone.resolve(date, secondsOfDay: secondsOfDay) else {
            throw impossibleError(
                field: field, input: input, reason: "this machine cannot represent that time")
        }
        return timestamp
    }

    static func syntaxError(field: String, input: String, strict: Bool) -> ModelError {
        ModelError(
            kind: .invalidSyntax, field: field, input: input,
            description: "\(field): \(ModelError.quote(input)) is not a time",
            hint: strict ? "write RFC 3339, such as 2026-11-24T07:30:00+01:00" : acceptedForms)
    }

    static func impossibleError(field: String, input: String, reason: String) -> ModelError {
        ModelError(
            kind: .outOfRange, field: field, input: input,
            description: "\(field): \(ModelError.quote(input)) is not a possible time: \(reason)",
            hint: acceptedForms)
    }
}
