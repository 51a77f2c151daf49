/// Durations as people type them: `25m`, `1h10m`, `90s`, `1m30s`, `1:30`, `1:05:00`.
public enum DurationText {
    /// The longest duration accepted, 24 hours, in seconds; anything longer is a typo.
    public static let maximumSeconds = 86_400

    /// Parses a duration typed for `field` (such as `--duration`) into whole seconds.
    ///
    /// Accepts unit forms — whole numbers each followed by `h`, `m` or `s` (also `hr`, `min`,
    /// `sec`, …, any letter case, spaces allowed), largest unit first, each unit at most once
    /// — and clock forms `MM:SS` and `H:MM:SS`. A bare number is rejected, since `45` could
    /// mean seconds or minutes. At most 24 hours.
    public static func parse(_ text: String, field: String) throws(ModelError) -> Int {
        switch seconds(text) {
        case .success(let seconds):
            return seconds
        case .failure(let failure):
            throw error(failure, field: field, input: text)
        }
    }

    /// Formats seconds in the unit form `parse` reads back: `0s`, `45s`, `1m30s`, `25m`,
    /// `1h10m`, `1h`, `1h0m5s` is written `1h5s`. Negative values get a leading `-`.
    public static func format(seconds: Int) -> String {
        if seconds < 0 { return "-" + format(magnitude: seconds.magnitude) }
        return format(magnitude: UInt(seconds))
    }

    private static func format(magnitude: UInt) -> String {
        if magnitude == 0 { return "0s" }
        let hours = magnitude / 3600
        let minutes = magnitude / 60 % 60
        let seconds = magnitude % 60
        var out = ""
        if hours > 0 { out += "\(hours)h" }
        if minutes > 0 { out += "\(minutes)m" }
        if seconds > 0 { out += "\(seconds)s" }
        return out
    }

    enum Failure: Error, Equatable {
        case bareNumber
        case syntax
        case tooLong
    }

    /// Parses without building an error, for callers that phrase their own.
    static func seconds(_ text: some StringProtocol) -> Result<Int, Failure> {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { return .failure(.syntax) }
        if trimmed.utf8.allSatisfy(\.isASCIIDigit) { return .failure(.bareNumber) }
        let total: Int
        if trimmed.contains(":") {
            guard let clock = clockForm(trimmed) else { return .failure(.syntax) }
            total = clock
        } else {
            guard let units = unitForm(trimmed) else { return .failure(.syntax) }
            total = units
        }
        return total > maximumSeconds ? .failure(.tooLong) : .success(total)
    }

    /// `MM:SS` or `H:MM:SS`; later fields two digits below 60.
    private static func clockForm(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
            parts.allSatisfy({
                !$0.isEmpty && $0.utf8.count <= 6 && $0.utf8.allSatisfy(\.isASCIIDigit)
            }),
            parts.dropFirst().allSatisfy({ $0.utf8.count == 2 })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, numbers.dropFirst().allSatisfy({ $0 < 60 }) else {
            return nil
        }
        return numbers.reduce(0) { $0 * 60 + $1 }
    }

    /// `1h10m`, `90s`, `1 h 10 min`: whole numbers with units, largest first, each once.
    private static func unitForm(_ text: String) -> Int? {
        let scalars = Array(text.lowercased().unicodeScalars)
        var i = 0
        var total = 0
        var lastRank = Int.max
        func skipSpaces() {
            while i < scalars.count, scalars[i] == " " { i += 1 }
        }
        while i < scalars.count {
            skipSpaces()
            let numberStart = i
            while i < scalars.count, scalars[i].properties.numericType != nil,
                scalars[i].isASCII
            {
                i += 1
            }
            guard i > numberStart, i - numberStart <= 6,
                let number = Int(String(String.UnicodeScalarView(scalars[numberStart..<i])))
            else { return nil }
            skipSpaces()
            let unitStart = i
            while i < scalars.count, ("a"..."z").contains(scalars[i]) { i += 1 }
            let unit = String(String.UnicodeScalarView(scalars[unitStart..<i]))
            let rank: Int
            switch unit {
            case "h", "hr", "hrs", "hour", "hours": rank = 3
            case "m", "min", "mins", "minute", "minutes": rank = 2
            case "s", "sec", "secs", "second", "seconds": rank = 1
            default: return nil
            }
            guard rank < lastRank else { return nil }
            lastRank = rank
            total += number * [1, 60, 3600][rank - 1]
            skipSpaces()
        }
        return total
    }

    static let examples = "25m, 90s, 1m30s, 1h10m or 1:30"

    static func error(_ failure: Failure, field: String, input: String) -> ModelError {
        let quoted = ModelError.quote(input)
        switch failure {
        case .bareNumber:
            return ModelError(
                kind: .missingUnit, field: field, input: input,
                description: "\(field): \(quoted) has no unit (seconds or minutes?)",
                hint: "add a unit: 25m, 90s, 1h10m")
        case .syntax:
            return ModelError(
                kind: .invalidSyntax, field: field, input: input,
                description: "\(field): \(quoted) is not a duration",
                hint: "write it like \(examples)")
        case .tooLong:
            return ModelError(
                kind: .outOfRange, field: field, input: input,
                description: "\(field): \(quoted) is longer than 24 hours",
                hint: "check the number; write it like \(examples)")
        }
    }
}
