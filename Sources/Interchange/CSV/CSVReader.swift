/// Reads RFC 4180 CSV from a file as a stream of records, with the line each one starts on.
///
/// Quoted fields may hold the delimiter, doubled quotes and line breaks; `\r\n` and `\n` both
/// end a record. Unlike the CSV libraries measured for this (docs/DECISIONS.md), malformed
/// input is never silently absorbed: bytes after a closing quote are reported on that record
/// (which is read to the end of its line), and a quote left open at the end of the file is an
/// error naming the line it was opened on. Memory holds one chunk and one record.
struct CSVReader: ~Copyable {
    private var file: InputFile
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The line `position` is on.
    private var line = 1
    /// The field separator: `,`, `;` or tab.
    let delimiter: UInt8
    /// The longest record accepted (a "field" of megabytes is not a workout export).
    let maximumRecord: Int

    init(file: consuming InputFile, delimiter: UInt8, maximumRecord: Int = 1 << 20) {
        self.file = file
        self.delimiter = delimiter
        self.maximumRecord = maximumRecord
    }

    var fileName: String { file.name }
    var fileSize: Int64 { file.size }
    var bytesRead: Int64 { file.consumed }

    /// The next record, or `nil` at the end of the file.
    ///
    /// - Throws: ``ImportError`` for a quote open at the end of the file, a record over the
    ///   size limit, or a read or encoding failure.
    mutating func next() throws(ImportError) -> CSVRow? {
        while true {
            switch parseRecord() {
            case .record(let row, let end, let lines):
                guard end - position <= maximumRecord else {
                    throw ImportError(file: file.name, .tooLarge(line: line, limit: maximumRecord))
                }
                position = end
                line += lines
                return row
            case .needMore:
                guard buffer.count - position <= maximumRecord else {
                    throw ImportError(file: file.name, .tooLarge(line: line, limit: maximumRecord))
                }
                if atEnd {
                    if position >= buffer.count { return nil }
                    // The last record has no line break: parse it as if it had one.
                    buffer.append(0x0A)
                    switch parseRecord() {
                    case .record(let row, let end, let lines):
                        guard end - position <= maximumRecord + 1 else {
                            throw ImportError(file: file.name, .tooLarge(line: line, limit: maximumRecord))
                        }
                        position = end
                        line += lines
                        return row
                    case .needMore:
                        throw unterminated(column: nil)
                    case .unterminated(let column):
                        throw unterminated(column: column)
                    }
                }
                buffer.removeSubrange(0..<position)
                position = 0
                if try !file.read(into: &buffer) { atEnd = true }
            case .unterminated(let column):
                throw unterminated(column: column)
            }
        }
    }

    private func unterminated(column: Int?) -> ImportError {
        ImportError(
            file: file.name,
            .rows([ImportProblem(
                line: line, column: column,
                message: "a quoted field opened in this record is never closed (a missing \" before the end of the file)"
            )], total: 1))
    }

    private enum Outcome {
        case record(CSVRow, end: Int, lines: Int)
        case needMore
        /// A quote opened in field `column` (1-based) is still open at the end of the file.
        case unterminated(column: Int)
    }

    /// Parses the record at `position` if the buffer holds all of it.
    private func parseRecord() -> Outcome {
        buffer.withUnsafeBufferPointer { bytes in
            let quote: UInt8 = 0x22
            let newline: UInt8 = 0x0A
            let carriageReturn: UInt8 = 0x0D
            let count = bytes.count
            var index = position
            var lines = 0
            var fields: [String] = []
            var problem: ImportProblem?
            var scratch: [UInt8] = []
            guard index < count else { return .needMore }
            while true {
                // One field.
                if index < count, bytes[index] == quote {
                    index += 1
                    var start = index
                    var doubled = false
                    scratch.removeAll(keepingCapacity: true)
                    while true {
                        guard index < count else { return atEnd ? .unterminated(column: fields.count + 1) : .needMore }
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 >= count, !atEnd { return .needMore }
                            if index + 1 < count, bytes[index + 1] == quote {
                                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...index]))
                                doubled = true
                                index += 2
                                start = index
                                continue
                            }
                            break
                        }
                        if byte == newline { lines += 1 }
                        index += 1
                    }
                    if doubled {
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                        fields.append(String(decoding: scratch, as: UTF8.self))
                    } else {
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    }
                    index += 1  // the closing quote
                    if index < count, bytes[index] != delimiter, bytes[index] != newline,
                        bytes[index] != carriageReturn
                    {
                        if problem == nil {
                            problem = ImportProblem(
                                line: line + lines, column: fields.count,
                                message: "text after the closing quote of a field; a quote inside a quoted field is written twice (\"\")")
                        }
                        // Keep what follows, up to the next separator, with the field.
                        let start = index
                        while index < count, bytes[index] != delimiter, bytes[index] != newline,
                            bytes[index] != carriageReturn
                        { index += 1 }
                        fields[fields.count - 1] += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    }
                } else {
                    let start = index
                    while index < count {
                        let byte = bytes[index]
                        if byte == delimiter || byte == newline || byte == carriageReturn { break }
                        index += 1
                    }
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                }
                // What ends the field.
                guard index < count else { return .needMore }
                let byte = bytes[index]
                index += 1
                if byte == delimiter { continue }
                if byte == carriageReturn {
                    if index >= count { if !atEnd { return .needMore } } else if bytes[index] == newline { index += 1 }
                }
                lines += 1
                return .record(CSVRow(fields: fields, line: line, problem: problem), end: index, lines: lines)
            }
        }
    }

    /// The separator a header line uses: whichever of `,`, `;` and tab appears most outside
    /// quotes (a comma when none does).
    static func guessDelimiter(headerLine: some Sequence<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in headerLine {
            if byte == 0x22 { quoted.toggle() }
            if byte == 0x0A { break }
            if !quoted, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }
        return (best?.value ?? 0) > 0 ? best!.key : 0x2C
    }
}
