import JournalModel

/// The Strong app's CSV export, in its layouts: the comma layout of 2020 onwards (`Date,Workout
/// Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,…`), the 2019 semicolon
/// layout with `Weight Unit` and `Distance Unit` columns, the fully quoted layout with units
/// in the headers (`Weight (kg)`, `Distance (meters)`, `Duration (sec)`), and translated headers.
///
/// A workout is the rows sharing a date and a workout name. `Set Order` `W` is a warm-up, `D` a
/// drop set, `F` a failure set; "Rest Timer" rows are not sets and are counted as skipped.
/// Weight, distance and seconds of 0 mean "not recorded" (a body-weight set has weight 0).
struct StrongImporter: RowImporter {
    private enum Column {
        static let date = ["date", "datum", "fecha", "data"]
        static let workout = ["workout-name", "nom-de-lentrainement", "nom-de-la-seance", "trainingsname", "nombre-del-entrenamiento"]
        static let duration = ["duration", "duree", "dauer", "duracion"]
        static let durationSeconds = ["duration-sec", "duration-seconds", "duree-sec", "duree-s"]
        static let exercise = ["exercise-name", "nom-de-lexercice", "ubungsname", "nombre-del-ejercicio"]
        static let setOrder = ["set-order", "ordre-de-la-serie", "ordre-des-series", "satz-reihenfolge", "orden-de-la-serie"]
        static let weight = ["weight", "poids", "gewicht", "peso"]
        static let weightKg = ["weight-kg", "poids-kg", "gewicht-kg", "peso-kg"]
        static let weightLb = ["weight-lbs", "weight-lb", "poids-lbs", "gewicht-lbs", "peso-lbs"]
        static let weightUnit = ["weight-unit", "unite-de-poids", "gewichtseinheit"]
        static let reps = ["reps", "repetitions", "wiederholungen", "repeticiones", "wdh"]
        static let distance = ["distance", "distanz", "distancia"]
        static let distanceMeters = ["distance-meters", "distance-m", "distance-metres"]
        static let distanceKm = ["distance-km"]
        static let distanceMiles = ["distance-miles", "distance-mi"]
        static let distanceUnit = ["distance-unit", "unite-de-distance"]
        static let seconds = ["seconds", "secondes", "sekunden", "segundos"]
        static let notes = ["notes", "remarques", "notizen", "notas"]
        static let workoutNotes = ["workout-notes", "notes-dentrainement", "notes-de-lentrainement", "notes-de-seance", "trainingsnotizen"]
        static let rpe = ["rpe"]
    }

    /// What Strong writes in a rest timer's row, in the languages seen.
    static let restTimer: Set<String> = ["rest-timer", "minuteur-de-repos", "pausentimer", "temporizador-de-descanso"]

    /// `true` when `header` looks like a Strong export.
    static func recognises(_ header: CSVHeader) -> Bool {
        header.has([Column.date, Column.exercise, Column.setOrder])
    }

    private var reading: AppExportReading
    private(set) var skippedRestTimers = 0
    private let columns: (
        date: Int?, workout: Int?, duration: Int?, durationSeconds: Int?, exercise: Int?,
        setOrder: Int?, weight: Int?, weightUnit: Int?, reps: Int?, distance: Int?,
        distanceUnit: Int?, seconds: Int?, notes: Int?, workoutNotes: Int?, rpe: Int?
    )
    private let headerWeightUnit: WeightUnit?
    private let headerDistanceMeters: Double?

    init(header: CSVHeader, options: ImportOptions, catalog: Catalog, file: String) throws(ImportError) {
        try Self.requireColumns([Column.date, Column.exercise, Column.setOrder], in: header, format: .strong, file: file)
        reading = AppExportReading(header: header, options: options, catalog: catalog, format: .strong)
        let kg = header.index(of: Column.weightKg)
        let lb = header.index(of: Column.weightLb)
        headerWeightUnit = kg != nil ? .kg : lb != nil ? .lb : nil
        let meters = header.index(of: Column.distanceMeters)
        let km = header.index(of: Column.distanceKm)
        let miles = header.index(of: Column.distanceMiles)
        headerDistanceMeters = meters != nil ? 1 : km != nil ? 1000 : miles != nil ? 1609.344 : nil
        columns = (
            header.index(of: Column.date), header.index(of: Column.workout),
            header.index(of: Column.duration), header.index(of: Column.durationSeconds),
            header.index(of: Column.exercise), header.index(of: Column.setOrder),
            kg ?? lb ?? header.index(of: Column.weight), header.index(of: Column.weightUnit),
            header.index(of: Column.reps),
            meters ?? km ?? miles ?? header.index(of: Column.distance),
            header.index(of: Column.distanceUnit), header.index(of: Column.seconds),
            header.index(of: Column.notes), header.index(of: Column.workoutNotes),
            header.index(of: Column.rpe)
        )
    }

    mutating func add(_ row: CSVRow, problems: inout ProblemList) {
        var fields = reading.fields(row)
        defer { for problem in fields.problems { problems.add(problem) } }
        let order = fields.text(columns.setOrder) ?? ""
        let exerciseName = fields.text(columns.exercise) ?? ""
        if Self.restTimer.contains(Slug.make(order)) || Self.restTimer.contains(Slug.make(exerciseName)) {
            skippedRestTimers += 1
            return
        }
        let kind: SetKind
        switch order.uppercased() {
        case "W": kind = .warmup
        case "D": kind = .drop
        case "F": kind = .failure
        default:
            guard order.allSatisfy({ $0.isNumber || $0 == "." }) else {
                fields.fail(columns.setOrder, "\(ModelError.quote(order)) is not a set order (a number, W, D or F)")
                return
            }
            kind = .normal
        }
        guard let (dateText, start) = fields.start(columns.date, clock: &reading.clock, example: "2024-11-28 17:36:08")
        else { return }
        let reps = fields.whole(columns.reps, "a whole number of reps")
        let weightValue = fields.measure(columns.weight, "weight")
        let distanceValue = fields.measure(columns.distance, "distance")
        let unstatedWeight = weightValue != nil && fields.text(columns.weightUnit) == nil && headerWeightUnit == nil
        let unstatedDistance =
            distanceValue != nil && fields.text(columns.distanceUnit) == nil && headerDistanceMeters == nil
        var fallback = WeightUnit.kg
        if unstatedWeight || unstatedDistance {
            fallback = reading.unstatedUnit(line: row.line, weight: weightValue) {
                let what = unstatedWeight
                    ? "weight \(SetText.number(weightValue ?? 0))" + (reps.map { ", \($0) reps" } ?? "")
                    : "distance \(SetText.number(distanceValue ?? 0))"
                return "\(exerciseName): \(what)"
            }
        }
        let unit = fields.weightUnit(columns.weightUnit, else: headerWeightUnit ?? fallback)
        let metersPer = fields.metersPerDistance(
            columns.distanceUnit, else: headerDistanceMeters ?? (fallback == .lb ? 1609.344 : 1000))
        let distance = distanceValue.map { $0 * metersPer }
        let seconds = fields.measure(columns.seconds, "seconds")
        let rpe = fields.measure(columns.rpe, "RPE")
        let duration =
            columns.durationSeconds != nil
            ? fields.duration(columns.durationSeconds, plainSeconds: true)
            : fields.duration(columns.duration, plainSeconds: false)
        let set = ExerciseSet(
            kind: kind, reps: reps == 0 ? nil : reps,
            weight: weightValue.map { Weight(value: $0, unit: unit) }, durationSeconds: seconds,
            distanceMeters: distance, rpe: rpe)
        guard let (exercise, side) = fields.checkedSet(set, exercise: columns.exercise, resolver: &reading.resolver)
        else { return }
        let workout = fields.text(columns.workout) ?? ""
        let sessionNotes = fields.text(columns.workoutNotes)
        reading.assembler.add(
            set, exercise: exercise, side: side, entryNote: fields.text(columns.notes),
            key: dateText + "\n" + workout, sessionNote: sessionNotes
        ) { id in
            Session(id: id, start: start, durationSeconds: duration, notes: SessionAssembler.notes(workout, sessionNotes))
        }
    }

    func finish(into data: inout ImportedData) {
        reading.finish(into: &data)
        if skippedRestTimers > 0 { data.skipped["rest timer rows", default: 0] += skippedRestTimers }
    }
}
