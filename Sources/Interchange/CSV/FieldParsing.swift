import JournalModel

/// Reads the values of one CSV row, turning every bad value into an ``ImportProblem`` that
/// names the line, the column and the header, and carrying on so all problems are reported.
struct FieldParsing {
    let row: CSVRow
    let header: CSVHeader
    /// Problems found in this row.
    var problems: [ImportProblem] = []

    init(row: CSVRow, header: CSVHeader) {
        self.row = row
        self.header = header
    }

    /// The trimmed text of column `index`; `nil` when absent or empty.
    func text(_ index: Int?) -> String? {
        guard let value = row[index] else { return nil }
        let trimmed = value.trimmingSpaces
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    mutating func fail(_ index: Int?, _ message: String) {
        problems.append(
            ImportProblem(
                line: row.line, column: index.map { $0 + 1 },
                field: index.map { header.name($0) }, message: message))
    }

    /// A decimal number (a `,` decimal separator is accepted); `nil` when empty.
    mutating func number(_ index: Int?, _ what: String = "a number") -> Double? {
        guard let text = text(index) else { return nil }
        let normalized = text.contains(",") && !text.contains(".")
            ? text.replacingOccurrences(of: ",", with: ".") : text
        guard let value = Double(normalized), value.isFinite else {
            fail(index, "\(ModelError.quote(text)) is not \(what)")
            return nil
        }
        return value
    }

    /// A whole number written as such or as `13.0`; `nil` when empty.
    mutating func whole(_ index: Int?, _ what: String = "a whole number") -> Int? {
        guard let value = number(index, what) else { return nil }
        guard value == value.rounded(), abs(value) < 1e9 else {
            fail(index, "\(ModelError.quote(text(index) ?? "")) is not \(what)")
            return nil
        }
        return Int(value)
    }

    /// A number that must not be negative; 0 reads as "not recorded" when `zeroIsEmpty`.
    mutating func measure(_ index: Int?, _ what: String, zeroIsEmpty: Bool = true) -> Double? {
        guard let value = number(index, "a number (\(what))") else { return nil }
        guard value >= 0 else {
            fail(index, "\(what) cannot be negative, got \(ModelError.quote(text(index) ?? ""))")
            return nil
        }
        return zeroIsEmpty && value == 0 ? nil : value
    }

    /// A duration as `1h 22m`, `49m`, `9min`, `11s`, `1:02:03` or plain seconds.
    mutating func duration(_ index: Int?, plainSeconds: Bool) -> Int? {
        guard let text = text(index) else { return nil }
        if plainSeconds || text.allSatisfy({ $0.isNumber || $0 == "." }) {
            guard let seconds = Double(text), seconds >= 0, seconds <= Double(DurationText.maximumSeconds) else {
                fail(index, "\(ModelError.quote(text)) is not a duration in seconds (0 to 24 hours)")
                return nil
            }
            return Int(seconds.rounded())
        }
        do throws(ModelError) {
            return try DurationText.parse(text, field: header.name(index ?? 0))
        } catch {
            fail(index, "\(ModelError.quote(text)) is not a duration such as 1h 22m, 49m or 1:02:03")
            return nil
        }
    }
}

extension FieldParsing {
    /// The date-time in column `index`, read by `clock`; `nil` (with a problem) when it is
    /// empty or not a date. `example` shows the shape expected.
    mutating func start(_ index: Int?, clock: inout SourceClock, example: String) -> (
        text: String, start: LocalTimestamp
    )? {
        guard let text = text(index) else {
            fail(index, "the date is empty")
            return nil
        }
        guard let start = clock.parse(text) else {
            fail(index, "\(ModelError.quote(text)) is not a date such as \(example)")
            return nil
        }
        return (text, start)
    }

    /// The weight unit a row's unit column names, else `fallback`.
    mutating func weightUnit(_ index: Int?, else fallback: WeightUnit) -> WeightUnit {
        guard let text = text(index) else { return fallback }
        guard let unit = WeightUnit(parsing: text) else {
            fail(index, "\(ModelError.quote(text)) is not a weight unit (kg, kgs, lb or lbs)")
            return fallback
        }
        return unit
    }

    /// Meters per unit of the distance unit a row's unit column names, else `fallback`.
    mutating func metersPerDistance(_ index: Int?, else fallback: Double) -> Double {
        guard let text = text(index) else { return fallback }
        guard let factor = DistanceUnit.meters(per: text) else {
            fail(index, "\(ModelError.quote(text)) is not a distance unit (m, km or mi)")
            return fallback
        }
        return factor
    }

    /// Checks `set` and finds its exercise by the name in column `index`; `nil` when the row
    /// has problems (all recorded).
    mutating func checkedSet(
        _ set: ExerciseSet, exercise index: Int?, resolver: inout ExerciseResolver
    ) -> (exercise: String, side: Side?)? {
        do throws(ModelError) { try set.validate(field: "set") } catch { fail(nil, error.description) }
        let measure: Exercise.Measure =
            set.reps == nil && set.distanceMeters != nil ? .distance
            : set.reps == nil && set.durationSeconds != nil ? .hold : .reps
        guard let resolved = resolver.resolve(text(index) ?? "", measure: measure) else {
            fail(index, "the exercise name is empty")
            return nil
        }
        return problems.isEmpty ? resolved : nil
    }
}

extension String {
    /// Every occurrence of `target` replaced (FoundationEssentials has no such method).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
