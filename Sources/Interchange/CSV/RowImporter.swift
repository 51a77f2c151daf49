import JournalModel

/// One CSV layout: checks the header, turns rows into sessions.
protocol RowImporter {
    /// Checks that `header` has what the format needs.
    init(header: CSVHeader, options: ImportOptions, catalog: Catalog, file: String) throws(ImportError)
    /// Reads one row (not blank), recording problems in `problems`.
    mutating func add(_ row: CSVRow, problems: inout ProblemList)
    /// The sessions and the catalog entries they need.
    func finish(into data: inout ImportedData)
}

extension RowImporter {
    /// A missing-columns error naming the first alias of each missing column.
    static func requireColumns(
        _ required: [[String]], in header: CSVHeader, format: ImportFormat, file: String
    ) throws(ImportError) {
        let missing = required.filter { header.index(of: $0) == nil }
        guard missing.isEmpty else {
            throw ImportError(file: file, .missingColumns(missing.map { $0[0] }, format: format))
        }
    }
}
