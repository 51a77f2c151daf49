import JournalModel

/// Reads limber's own CSV export back (see ``LimberCSVLayout``). Session ids, times with their
/// offsets, pain, sides, set kinds and "stopped: pain" come back as they were exported.
struct LimberCSVImporter: RowImporter {
    private let header: CSVHeader
    private var resolver: ExerciseResolver
    private let catalog: Catalog
    private var assembler = SessionAssembler(format: .csv)
    private let columns: [String: Int]

    init(header: CSVHeader, options: ImportOptions, catalog: Catalog, file: String) throws(ImportError) {
        let required = ["session_id", "start", "exercise"]
        try Self.requireColumns(required.map { [Slug.make($0)] }, in: header, format: .csv, file: file)
        self.header = header
        self.catalog = catalog
        resolver = ExerciseResolver(catalog: catalog)
        var columns: [String: Int] = [:]
        for name in LimberCSVLayout.columns { columns[name] = header.index(Slug.make(name)) }
        self.columns = columns
    }

    mutating func add(_ row: CSVRow, problems: inout ProblemList) {
        var fields = FieldParsing(row: row, header: header)
        defer { for problem in fields.problems { problems.add(problem) } }
        let c = columns
        guard let id = fields.text(c["session_id"]).map({ $0.lowercased() }), Session.isValidID(id) else {
            fields.fail(c["session_id"], "the session id is not a UUID")
            return
        }
        var start: LocalTimestamp?
        if let text = fields.text(c["start"]) {
            do throws(ModelError) { start = try LocalTimestamp(rfc3339: text, field: "start") } catch {
                fields.fail(c["start"], "\(ModelError.quote(text)) is not an RFC 3339 time such as 2026-11-24T07:30:00+01:00")
            }
        } else {
            fields.fail(c["start"], "the start is empty")
        }
        let duration = fields.whole(c["duration_seconds"], "a whole number of seconds")
        if let duration, !(0...DurationText.maximumSeconds).contains(duration) {
            fields.fail(c["duration_seconds"], "a session lasts 0 to 24 hours, got \(duration) s")
        }
        let painBefore = pain(&fields, c["pain_before"])
        let painAfter = pain(&fields, c["pain_after"])
        let symptomsBefore = symptoms(&fields, c["symptoms_before"])
        let symptomsAfter = symptoms(&fields, c["symptoms_after"])
        let routine = fields.text(c["routine"])
        if let routine, !Slug.isValidID(routine) {
            fields.fail(c["routine"], "\(ModelError.quote(routine)) is not a routine id such as sciatica")
        }
        let exerciseText = fields.text(c["exercise"]) ?? ""
        var side: Side?
        if let text = fields.text(c["side"]) {
            side = Side(parsing: text)
            if side == nil { fields.fail(c["side"], "\(ModelError.quote(text)) is not a side (left, right or both)") }
        }
        var set: ExerciseSet?
        if fields.text(c["set_number"]) != nil {
            let kindText = fields.text(c["kind"]) ?? "normal"
            let kind = SetKind(parsing: kindText)
            if kind == nil { fields.fail(c["kind"], "\(ModelError.quote(kindText)) is not a set kind (normal, warmup, drop or failure)") }
            var weight: Weight?
            if let value = fields.measure(c["weight"], "weight", zeroIsEmpty: false) {
                let unitText = fields.text(c["weight_unit"]) ?? ""
                if let unit = WeightUnit(parsing: unitText) { weight = Weight(value: value, unit: unit) } else {
                    fields.fail(c["weight_unit"], "\(ModelError.quote(unitText)) is not a weight unit (kg or lb)")
                }
            }
            var stopped = false
            if let text = fields.text(c["stopped_for_pain"]) {
                switch text.lowercased() {
                case "true", "yes", "1", "y": stopped = true
                case "false", "no", "0", "n": stopped = false
                default: fields.fail(c["stopped_for_pain"], "\(ModelError.quote(text)) is not true or false")
                }
            }
            set = ExerciseSet(
                kind: kind ?? .normal, reps: fields.whole(c["reps"], "a whole number of reps"), weight: weight,
                durationSeconds: fields.measure(c["hold_seconds"], "hold seconds", zeroIsEmpty: false),
                distanceMeters: fields.measure(c["distance_meters"], "distance", zeroIsEmpty: false),
                rpe: fields.measure(c["rpe"], "RPE", zeroIsEmpty: false), stoppedForPain: stopped)
            do throws(ModelError) { try set?.validate(field: "set") } catch { fields.fail(nil, error.description) }
        }
        let exercise: String
        if catalog.exercise(id: exerciseText) != nil {
            exercise = exerciseText
        } else if let resolved = resolver.resolve(fields.text(c["exercise_name"]) ?? exerciseText, measure: .reps) {
            exercise = resolved.exercise
        } else {
            fields.fail(c["exercise"], "the exercise is empty")
            return
        }
        var prescribed = false
        if let text = fields.text(c["prescribed"]) {
            switch text.lowercased() {
            case "true", "yes", "1", "y": prescribed = true
            case "false", "no", "0", "n": prescribed = false
            default: fields.fail(c["prescribed"], "\(ModelError.quote(text)) is not true or false")
            }
        }
        guard fields.problems.isEmpty, let start else { return }
        assembler.add(
            set, exercise: exercise, side: side, entryNote: fields.text(c["entry_notes"]), key: id,
            id: id, sessionNote: fields.text(c["session_notes"]), prescribed: prescribed
        ) { id in
            Session(
                id: id, start: start, durationSeconds: duration, routine: routine,
                painBefore: painBefore, painAfter: painAfter, notes: fields.text(c["session_notes"]),
                symptomsBefore: symptomsBefore, symptomsAfter: symptomsAfter)
        }
    }

    private func pain(_ fields: inout FieldParsing, _ index: Int?) -> PainScore? {
        guard let value = fields.whole(index, "a pain score from 0 to 10") else { return nil }
        guard let score = PainScore(rawValue: value) else {
            fields.fail(index, "pain must be 0 to 10, got \(value)")
            return nil
        }
        return score
    }

    /// A symptoms column in its text form (`back=3,leg-left=5,reach-left=knee`).
    private func symptoms(_ fields: inout FieldParsing, _ index: Int?) -> Symptoms? {
        guard let text = fields.text(index) else { return nil }
        do throws(ModelError) {
            return try Symptoms(parsing: text, field: "symptoms")
        } catch {
            fields.fail(index, error.description + "; " + (error.hint ?? ""))
            return nil
        }
    }

    func finish(into data: inout ImportedData) {
        data.sessions = assembler.sessions
        data.exercises = resolver.created
    }
}
