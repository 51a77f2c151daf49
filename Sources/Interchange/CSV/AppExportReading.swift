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

    /// Hands over the sessions and the custom exercises they need.
    func finish(into data: inout ImportedData) {
        data.sessions = assembler.sessions
        data.exercises = resolver.created
    }
}
