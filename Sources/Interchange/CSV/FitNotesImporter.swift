import JournalModel

/// The FitNotes app's CSV export: `Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,
/// Distance Unit,Time,Comment`, or with `Weight (lbs)` in the header and no unit column.
/// FitNotes records days, not workouts: each date is one session, starting at midnight.
/// Cardio rows carry a distance and a time (`H:MM:SS`); comments become the entry's notes.
struct FitNotesImporter: RowImporter {
    private enum Column {
        static let date = ["date"]
        static let exercise = ["exercise"]
        static let category = ["category"]
        static let weight = ["weight"]
        static let weightKg = ["weight-kg", "weight-kgs"]
        static let weightLb = ["weight-lbs", "weight-lb"]
        static let weightUnit = ["weight-unit"]
        static let reps = ["reps"]
        static let distance = ["distance"]
        static let distanceUnit = ["distance-unit"]
        static let time = ["time"]
        static let comment = ["comment"]
    }

    /// `true` when `header` looks like a FitNotes export.
    static func recognises(_ header: CSVHeader) -> Bool {
        header.has([Column.date, Column.exercise, Column.category])
    }

    private var reading: AppExportReading
    private let columns: (
        date: Int?, exercise: Int?, weight: Int?, weightUnit: Int?, reps: Int?, distance: Int?,
        distanceUnit: Int?, time: Int?, comment: Int?
    )
    private let headerUnit: WeightUnit?

    init(header: CSVHeader, options: ImportOptions, catalog: Catalog, file: String) throws(ImportError) {
        try Self.requireColumns([Column.date, Column.exercise], in: header, format: .fitnotes, file: file)
        reading = AppExportReading(header: header, options: options, catalog: catalog, format: .fitnotes)
        let kg = header.index(of: Column.weightKg)
        let lb = header.index(of: Column.weightLb)
        headerUnit = lb != nil ? .lb : kg != nil ? .kg : nil
        columns = (
            header.index(of: Column.date), header.index(of: Column.exercise),
            lb ?? kg ?? header.index(of: Column.weight), header.index(of: Column.weightUnit),
            header.index(of: Column.reps), header.index(of: Column.distance),
            header.index(of: Column.distanceUnit), header.index(of: Column.time),
            header.index(of: Column.comment)
        )
    }

    mutating func add(_ row: CSVRow, problems: inout ProblemList) {
        var fields = reading.fields(row)
        defer { for problem in fields.problems { problems.add(problem) } }
        guard let (dateText, start) = fields.start(columns.date, clock: &reading.clock, example: "2022-09-14")
        else { return }
        let reps = fields.whole(columns.reps, "a whole number of reps")
        let weight = fields.measure(columns.weight, "weight")
        var fallback = WeightUnit.kg
        if weight != nil, headerUnit == nil, fields.text(columns.weightUnit) == nil {
            let name = fields.text(columns.exercise) ?? ""
            fallback = reading.unstatedUnit(line: row.line, weight: weight) {
                "\(name): weight \(SetText.number(weight ?? 0))" + (reps.map { ", \($0) reps" } ?? "")
            }
        }
        let unit = fields.weightUnit(columns.weightUnit, else: headerUnit ?? fallback)
        let metersPer = fields.metersPerDistance(columns.distanceUnit, else: 1000)
        let distance = fields.measure(columns.distance, "distance").map { $0 * metersPer }
        let seconds = fields.duration(columns.time, plainSeconds: false).flatMap { $0 == 0 ? nil : Double($0) }
        let set = ExerciseSet(
            kind: .normal, reps: reps == 0 ? nil : reps,
            weight: weight.map { Weight(value: $0, unit: unit) }, durationSeconds: seconds,
            distanceMeters: distance)
        guard let (exercise, side) = fields.checkedSet(set, exercise: columns.exercise, resolver: &reading.resolver)
        else { return }
        reading.assembler.add(
            set, exercise: exercise, side: side, entryNote: fields.text(columns.comment), key: dateText
        ) { id in
            Session(id: id, start: start)
        }
    }

    func finish(into data: inout ImportedData) {
        reading.finish(into: &data)
    }
}
