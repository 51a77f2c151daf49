import JournalModel

/// What an importer of another app's CSV keeps while it reads: the header and options, the
/// exercise names it has mapped, the date-times it has parsed and the sessions it assembles.
struct AppExportReading {
    let header: CSVHeader
    let options: ImportOptions
    var resolver: ExerciseResolver
    var clock: SourceClock
    var assembler: SessionAssembler

    init(header: CSVHeader, options: ImportOptions, catalog: Catalog, format: ImportFormat) {
        self.header = header
        self.options = options
        resolver = ExerciseResolver(catalog: catalog)
        clock = SourceClock(zone: options.zone)
        assembler = SessionAssembler(format: format)
    }

    /// The fields of one row, for reading its values.
    func fields(_ row: CSVRow) -> FieldParsing { FieldParsing(row: row, header: header) }

    /// Rows that gave a weight or distance without a unit while no `--unit` was given, as
    /// examples: the first, and the one with the heaviest weight (which tells kg from lb best).
    private var firstWithoutUnit: String?
    private var heaviestWithoutUnit: (weight: Double, text: String)?
    var rowsWithoutUnit: [String] {
        [firstWithoutUnit, heaviestWithoutUnit?.text].compactMap { $0 }
            .reduce(into: []) { rows, row in if !rows.contains(row) { rows.append(row) } }
    }

    /// The unit of a weight (and with it a distance: kg goes with km, lb with miles) that a
    /// row gives without one: `--unit`, else kg while the row is kept as an example for the
    /// refusal (``ImportError/Kind/unitNotStated(samples:)``), so nothing is guessed.
    mutating func unstatedUnit(line: Int, weight: Double?, example: () -> String) -> WeightUnit {
        if let unit = options.defaultWeightUnit { return unit }
        if firstWithoutUnit == nil {
            firstWithoutUnit = "line \(line): \(example())"
        } else if let weight, weight > heaviestWithoutUnit?.weight ?? 0 {
            heaviestWithoutUnit = (weight, "line \(line): \(example())")
        }
        return .kg
    }

    /// Hands over the sessions and the custom exercises they need.
    func finish(into data: inout ImportedData) {
        data.sessions = assembler.sessions
        data.exercises = resolver.created
        data.rowsWithoutUnit = rowsWithoutUnit
    }
}
