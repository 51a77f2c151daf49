import JournalModel

/// The Hevy app's CSV export: one row per set, `weight_kg` and `distance_km` for metric
/// accounts, `weight_lbs` and `distance_miles` for imperial ones, dates in the phone's locale
/// (`15 Sep 2025, 07:48`, `May 7, 2026, 6:13 AM`). A workout is the rows sharing a title and a
/// start time. Line breaks in notes are written as a literal `\n` and become real ones.
struct HevyImporter: RowImporter {
    private enum Column {
        static let title = ["title"]
        static let start = ["start-time"]
        static let end = ["end-time"]
        static let description = ["description"]
        static let exercise = ["exercise-title"]
        static let exerciseNotes = ["exercise-notes"]
        static let setType = ["set-type"]
        static let weightKg = ["weight-kg"]
        static let weightLb = ["weight-lbs", "weight-lb"]
        static let reps = ["reps"]
        static let distanceKm = ["distance-km"]
        static let distanceMiles = ["distance-miles", "distance-mi"]
        static let duration = ["duration-seconds"]
        static let rpe = ["rpe"]
    }

    /// `true` when `header` looks like a Hevy export.
    static func recognises(_ header: CSVHeader) -> Bool {
        header.has([Column.start, Column.exercise]) && header.index("set-index", "set-type") != nil
    }

    private var reading: AppExportReading
    private let columns: (
        title: Int?, start: Int?, end: Int?, description: Int?, exercise: Int?, notes: Int?,
        setType: Int?, weight: Int?, reps: Int?, distance: Int?, duration: Int?, rpe: Int?
    )
    private let unit: WeightUnit
    private let metersPerDistance: Double

    init(header: CSVHeader, options: ImportOptions, catalog: Catalog, file: String) throws(ImportError) {
        try Self.requireColumns([Column.title, Column.start, Column.exercise], in: header, format: .hevy, file: file)
        reading = AppExportReading(header: header, options: options, catalog: catalog, format: .hevy)
        let kg = header.index(of: Column.weightKg)
        let lb = header.index(of: Column.weightLb)
        unit = kg == nil && lb != nil ? .lb : .kg
        let km = header.index(of: Column.distanceKm)
        let miles = header.index(of: Column.distanceMiles)
        metersPerDistance = km == nil && miles != nil ? 1609.344 : 1000
        columns = (
            header.index(of: Column.title), header.index(of: Column.start),
            header.index(of: Column.end), header.index(of: Column.description),
            header.index(of: Column.exercise), header.index(of: Column.exerciseNotes),
            header.index(of: Column.setType), kg ?? lb, header.index(of: Column.reps),
            km ?? miles, header.index(of: Column.duration), header.index(of: Column.rpe)
        )
    }

    /// Hevy writes a line break inside notes as the two characters `\n`.
    static func unescape(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text.replacingOccurrences(of: "\\n", with: "\n")
    }

    mutating func add(_ row: CSVRow, problems: inout ProblemList) {
        var fields = reading.fields(row)
        defer { for problem in fields.problems { problems.add(problem) } }
        guard let (startText, start) = fields.start(columns.start, clock: &reading.clock, example: "15 Sep 2025, 07:48")
        else { return }
        var duration: Int?
        if let endText = fields.text(columns.end) {
            if let end = reading.clock.parse(endText) {
                let seconds = end.epochSeconds - start.epochSeconds
                if (0...Int64(DurationText.maximumSeconds)).contains(seconds) { duration = Int(seconds) }
            } else {
                fields.fail(columns.end, "\(ModelError.quote(endText)) is not a date and time such as 15 Sep 2025, 09:13")
            }
        }
        let typeText = fields.text(columns.setType) ?? "normal"
        let kind = SetKind(parsing: typeText)
        if kind == nil {
            fields.fail(columns.setType, "\(ModelError.quote(typeText)) is not a set type (normal, warmup, dropset or failure)")
        }
        let reps = fields.whole(columns.reps, "a whole number of reps")
        let weight = fields.measure(columns.weight, "weight")
        let distance = fields.measure(columns.distance, "distance").map { $0 * metersPerDistance }
        let seconds = fields.measure(columns.duration, "duration")
        let rpe = fields.measure(columns.rpe, "RPE")
        let set = ExerciseSet(
            // Hevy writes reps 0 on timed and distance sets: 0 means not recorded, as for weight.
            kind: kind ?? .normal, reps: reps == 0 ? nil : reps,
            weight: weight.map { Weight(value: $0, unit: unit) },
            durationSeconds: seconds, distanceMeters: distance, rpe: rpe)
        guard let (exercise, side) = fields.checkedSet(set, exercise: columns.exercise, resolver: &reading.resolver)
        else { return }
        let title = fields.text(columns.title) ?? ""
        let description = Self.unescape(fields.text(columns.description))
        reading.assembler.add(
            set, exercise: exercise, side: side, entryNote: Self.unescape(fields.text(columns.notes)),
            key: startText + "\n" + title, sessionNote: description
        ) { id in
            Session(id: id, start: start, durationSeconds: duration, notes: SessionAssembler.notes(title, description))
        }
    }

    func finish(into data: inout ImportedData) {
        reading.finish(into: &data)
    }
}
