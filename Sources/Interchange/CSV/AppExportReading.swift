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

    /// Rows that gave a weight or distance without a unit while no `--unit` was given (the
    /// first two, as examples).
    private(set) var rowsWithoutUnit: [String] = []

    /// The unit of a weight (and with it a distance: kg goes with km, lb with miles) that a
    /// row gives without one: `--unit`, else kg while the row is kept as an example for the
    /// refusal (``ImportError/Kind/unitNotStated(samples:)``), so nothing is guessed.
    mutating func unstatedUnit(line: Int, example: () -> String) -> WeightUnit {
        if let unit = options.defaultWeightUnit { return unit }
        if rowsWithoutUnit.count < 2 { rowsWithoutUnit.append("line \(line): \(example())") }
        return .kg
    }

    /// Hands over the sessions and the custom exercises they need.
    func finish(into data: inout ImportedData) {
        data.sessions = assembler.sessions
        data.exercises = resolver.created
        data.rowsWithoutUnit = rowsWithoutUnit
    }
}
