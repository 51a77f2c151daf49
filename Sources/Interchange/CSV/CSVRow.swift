/// One record of a CSV file.
struct CSVRow: Sendable {
    /// The fields, unquoted.
    var fields: [String]
    /// The line the record starts on, 1-based.
    var line: Int
    /// What is malformed about the record (a stray quote), if anything; the fields are then
    /// what could be read.
    var problem: ImportProblem?

    /// The field at `index`, or `nil` when the row is shorter.
    subscript(_ index: Int?) -> String? {
        guard let index, index < fields.count else { return nil }
        return fields[index]
    }

    /// `true` for a line with nothing on it.
    var isBlank: Bool { fields.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\t" } } }
}
