import JournalModel

extension RecordBook {
    /// The book as text lines, one record each, tab-separated: `KEY KIND DAY SESSION VALUE…`,
    /// KEY `exercise` or `exercise:side`, DAY days since 1970-01-01. Reading them back with
    /// ``init(lines:)`` gives the same book; `JSONDecoder` cost a `log` 6.4 M instructions for a
    /// book of a few KB (docs/PERFORMANCE.md), these lines a few thousand.
    public var lines: [String] {
        var lines: [String] = []
        for (key, book) in records.sorted(by: { $0.key < $1.key }) {
            func add<Value>(_ kind: RecordChange.Kind, _ record: Record<Value>?, _ value: (Value) -> [String]) {
                guard let record else { return }
                let fields = [key.text, kind.rawValue, String(record.date.daysSinceEpoch), record.session] + value(record.value)
                lines.append(fields.joined(separator: "\t"))
            }
            let weight = { (weight: Weight) in [String(weight.value), weight.unit.rawValue] }
            add(.heaviestWeight, book.heaviestWeight, weight)
            add(.estimatedOneRepMax, book.estimatedOneRepMax, weight)
            add(.mostReps, book.mostReps) { [String($0.reps)] + ($0.weight.map(weight) ?? []) }
            add(.mostRepsWithoutWeight, book.mostRepsWithoutWeight) { [String($0)] }
            add(.longestHold, book.longestHoldSeconds) { [String($0)] }
            add(.longestDistance, book.longestDistanceMeters) { [String($0)] }
        }
        return lines
    }

    /// The days a line may name: about years −9000 to 12900, far past any session's.
    private static let days: ClosedRange<Int64> = -4_000_000...4_000_000

    /// Reads ``lines`` back.
    ///
    /// - Returns: `nil` when a line is not one ``lines`` writes (a field missing or extra, an
    ///   unknown key, kind or unit, a number no stored set can have (``InputLimits``), a day
    ///   past year ±10000, a record twice).
    public init?(lines: some Sequence<Substring>) {
        self.init()
        for line in lines {
            // Split as bytes: splitting characters costs a grapheme check each.
            let fields = line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard fields.count >= 5, let key = ExerciseKey(text: fields[0]),
                let kind = RecordChange.Kind(rawValue: fields[1]),
                let days = Int64(fields[2]), Self.days.contains(days), !fields[3].isEmpty
            else { return nil }
            let date = LocalDate(daysSinceEpoch: days)
            let session = fields[3]
            let values = Array(fields[4...])
            func positive(_ text: String, atMost limit: Double) -> Double? {
                guard let value = Double(text), value.isFinite, value > 0, value <= limit else { return nil }
                return value
            }
            func weight(_ fields: ArraySlice<String>, atMost limit: Double = InputLimits.storedWeight) -> Weight? {
                guard fields.count == 2, let value = positive(fields[fields.startIndex], atMost: limit),
                    let unit = WeightUnit(rawValue: fields[fields.startIndex + 1])
                else { return nil }
                return Weight(value: value, unit: unit)
            }
            var book = records[key] ?? ExerciseRecords()
            func put<Value>(_ slot: inout Record<Value>?, _ value: Value?) -> Bool {
                guard slot == nil, let value else { return false }
                slot = Record(value: value, date: date, session: session)
                return true
            }
            let reps = Int(values[0]).flatMap { (1...InputLimits.storedReps).contains($0) ? $0 : nil }
            let stored: Bool
            switch kind {
            case .heaviestWeight: stored = put(&book.heaviestWeight, weight(values[...]))
            case .estimatedOneRepMax:
                // Brzycki at one rep is the load itself, at ten 36/27 of it.
                stored = put(&book.estimatedOneRepMax, weight(values[...], atMost: InputLimits.storedWeight * 36 / 27))
            case .mostReps:
                let load = values.count == 3 ? weight(values[1...]) : nil
                guard values.count == 1 || load != nil else { return nil }
                stored = put(&book.mostReps, reps.map { RepsRecord(reps: $0, weight: load) })
            case .mostRepsWithoutWeight:
                stored = values.count == 1 && put(&book.mostRepsWithoutWeight, reps)
            case .longestHold:
                stored =
                    values.count == 1
                    && put(&book.longestHoldSeconds, positive(values[0], atMost: InputLimits.storedSetSeconds))
            case .longestDistance:
                stored =
                    values.count == 1
                    && put(&book.longestDistanceMeters, positive(values[0], atMost: InputLimits.storedDistanceMeters))
            }
            guard stored else { return nil }
            records[key] = book
        }
    }
}
