import JournalModel
import Stats

extension FuzzTarget {
    /// The lines of a records book (`local/cache/records` after its header) through
    /// `RecordBook(lines:)`: a book it accepts must write the lines back that read as the same
    /// book, and every record in it must be one a set could have set (finite, positive).
    static func checkRecords(_ input: UnsafeRawBufferPointer) -> FuzzFailure? {
        let lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { Substring(String(decoding: $0, as: UTF8.self)) }
        guard let book = RecordBook(lines: lines) else { return nil }
        let written = book.lines
        guard let again = RecordBook(lines: written.map { Substring($0) }) else {
            return FuzzTarget.records.failure("the lines a book writes do not read back")
        }
        guard again == book else {
            return FuzzTarget.records.failure("the lines a book writes read back as another book")
        }
        guard written == again.lines else {
            return FuzzTarget.records.failure("writing a book twice gives different lines")
        }
        return nil
    }
}
