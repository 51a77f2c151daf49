import JournalModel
import Testing

@testable import Interchange

/// Every record of the file at `path`.
private func records(_ path: String, delimiter: UInt8 = UInt8(ascii: ",")) throws(ImportError)
    -> [CSVRow]
{
    var reader = CSVReader(file: try InputFile(path: path), delimiter: delimiter)
    var rows: [CSVRow] = []
    while let row = try reader.next() { rows.append(row) }
    return rows
}

/// The error reading every record of `path` gives, or `nil`.
private func readError(_ path: String) -> ImportError? {
    do {
        _ = try records(path)
        return nil
    } catch {
        return error
    }
}

/// A file in which byte `boundaryOffset` of `record` lands exactly at the first chunk
/// boundary (``InputFile/chunkSize``), after a header and filler rows, followed by one row.
private struct ChunkBoundaryFile {
    static let header = "id,note\n"
    static let after = "after,1\n"
    var bytes: [UInt8]
    /// Rows between the header and `record`.
    var fillerRows = 0

    init(record: [UInt8], boundaryOffset: Int) {
        bytes = Array(Self.header.utf8)
        let recordStart = InputFile.chunkSize - boundaryOffset
        func row(_ length: Int) -> [UInt8] {
            Array("f,".utf8) + Array(repeating: UInt8(ascii: "x"), count: length - 3) + [0x0A]
        }
        while recordStart - bytes.count > 200 {
            bytes += row(100)
            fillerRows += 1
        }
        bytes += row(recordStart - bytes.count)
        fillerRows += 1
        precondition(bytes.count == recordStart)
        bytes += record
        bytes += Array(Self.after.utf8)
    }

    /// The line `record` starts on.
    var recordLine: Int { fillerRows + 2 }
}

@Suite("the CSV reader")
struct CSVReaderTests {
    @Test("quoted fields keep commas and undouble quotes")
    func quoting() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("q.csv", #"a,"b, c","say ""hi""",""\#n"#)
        let rows = try records(path)
        #expect(rows.map(\.fields) == [["a", "b, c", #"say "hi""#, ""]])
        #expect(rows.first?.problem == nil)
    }

    @Test("empty fields, including a last one, are kept")
    func emptyFields() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let rows = try records(try folder.write("e.csv", "a,,\n,b,\n"))
        #expect(rows.map(\.fields) == [["a", "", ""], ["", "b", ""]])
    }

    @Test("a line break inside quotes stays in the field and the next row's line counts it")
    func embeddedNewlines() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("n.csv", "h1,h2\n\"x\ny\n\nz\",w\nnext,row\n")
        let rows = try records(path)
        #expect(rows.map(\.fields) == [["h1", "h2"], ["x\ny\n\nz", "w"], ["next", "row"]])
        #expect(rows.map(\.line) == [1, 2, 6])
    }

    @Test("CRLF ends records, a CRLF inside quotes is kept, and the last line needs no break")
    func crlf() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("c.csv", "a,b\r\nc,d\r\n\"e\r\nf\",g\r\nh,i")
        let rows = try records(path)
        #expect(rows.map(\.fields) == [["a", "b"], ["c", "d"], ["e\r\nf", "g"], ["h", "i"]])
        #expect(rows.map(\.line) == [1, 2, 3, 5])
    }

    @Test("the delimiter is the one the header uses most outside quotes")
    func delimiterGuess() {
        func guess(_ header: String) -> UInt8 {
            CSVReader.guessDelimiter(headerLine: Array(header.utf8))
        }
        #expect(guess(#"Date;"Workout Name";"Exercise, Name";Reps"#) == UInt8(ascii: ";"))
        #expect(guess("Date,Workout Name;Exercise,Reps") == UInt8(ascii: ","))
        #expect(guess("Date\tExercise\tReps") == 0x09)
        #expect(guess("Date") == UInt8(ascii: ","))
        #expect(guess("a;b;c\nd,e,f,g,h") == UInt8(ascii: ";"), "only the first line counts")
    }

    @Test("a semicolon file splits at semicolons only")
    func semicolons() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let text = "Date;Note;Weight\n2019-03-04;\"a; b, c\";62,5\n"
        let path = try folder.write("s.csv", text)
        let delimiter = CSVReader.guessDelimiter(headerLine: Array(text.utf8).prefix { $0 != 0x0A })
        #expect(delimiter == UInt8(ascii: ";"))
        let rows = try records(path, delimiter: delimiter)
        #expect(
            rows.map(\.fields) == [["Date", "Note", "Weight"], ["2019-03-04", "a; b, c", "62,5"]])
    }

    @Test("text after a closing quote is reported on that row, and reading goes on")
    func textAfterQuote() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("t.csv", "a,b\nok,\"x\"y z\n\"p\"q,r\nlast,1\n")
        let rows = try records(path)
        #expect(rows.map(\.line) == [1, 2, 3, 4])
        #expect(rows[1].fields == ["ok", "xy z"])
        #expect(rows[1].problem?.line == 2)
        #expect(rows[1].problem?.column == 2)
        #expect(rows[2].problem?.line == 3)
        #expect(rows[2].problem?.column == 1)
        #expect(rows[3].problem == nil)
        #expect(rows[3].fields == ["last", "1"])
    }

    @Test("a quote never closed is an error naming the line and field it opened on")
    func unterminatedQuote() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("u.csv", "a,b,c\n1,2,3\n4,5,\"oops\n6,7,8\n")
        let problems = rowProblems(readError(path))
        try #require(problems.count == 1)
        #expect(problems[0].line == 3)
        #expect(problems[0].column == 3)
        #expect(problems[0].message.contains("never closed"))
    }

    @Test("a stray quote is reported through the importer with its line and column")
    func strayQuoteThroughImporter() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let text = """
            Date,Exercise,Category,Weight,Weight Unit,Reps,Comment
            2025-01-01,Curl,Arms,10,kgs,8,"fine"
            2025-01-01,Curl,Arms,10,kgs,8,"said "no""
            2025-01-01,Curl,Arms,10,kgs,8,"multi
            line"
            2025-01-01,"Curl" x,Arms,10,kgs,8,""

            """
        let error = importError(try folder.write("stray.csv", text))
        #expect(rowProblems(error).map(\.line) == [3, 6])
        #expect(rowProblems(error).map(\.column) == [7, 2])
    }

    /// Byte offsets inside `record` put at the chunk boundary (the first byte of the second
    /// chunk), and what they split. The record's bytes: 0 `k`, 1 `,`, 2 `"`, 3–8 `a, b, `,
    /// 9–10 `""`, 11 `c`, 12–13 `""`, 14–15 ` d`, 16 line feed, 17–22 `e, f, `, 23–28 `ééé`
    /// (C3 A9 each), 29 `"`, 30 `,`, 31 `z`, 32 CR, 33 LF.
    static let boundaryCases: [(String, Int)] = [
        ("between the quotes of a doubled quote", 10),
        ("on the line break inside the quotes", 16),
        ("inside a two-byte UTF-8 letter", 24),
        ("just after the closing quote", 30),
        ("between CR and LF", 33),
    ]

    @Test("a quoted field across the 1 MiB chunk boundary reads whole", arguments: boundaryCases)
    func chunkBoundary(_ place: String, _ offset: Int) throws {
        let record = Array("k,\"a, b, \"\"c\"\" d\ne, f, ééé\",z\r\n".utf8)
        try #require(
            record.count == 34 && record[9] == 0x22 && record[10] == 0x22 && record[24] == 0xA9)
        let folder = try TempFolder()
        defer { folder.remove() }
        let file = ChunkBoundaryFile(record: record, boundaryOffset: offset)
        let path = try folder.write("big.csv", file.bytes)
        let rows = try records(path)
        try #require(rows.count == file.fillerRows + 3)
        let special = rows[rows.count - 2]
        #expect(special.fields == ["k", "a, b, \"c\" d\ne, f, ééé", "z"], "\(place)")
        #expect(special.line == file.recordLine)
        #expect(special.problem == nil)
        #expect(rows.last?.fields == ["after", "1"])
        #expect(rows.last?.line == file.recordLine + 2, "the line break in the field counts")
    }

    @Test("a FitNotes file over 1 MiB with a comment across the chunk boundary imports")
    func bigFileThroughImporter() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        var text = "Date,Exercise,Category,Weight,Weight Unit,Reps,Comment\n"
        // Long comments keep the row count (and the test's time) down.
        let row =
            "2025-01-01,Curl,Arms,10,kgs,8,\"" + String(repeating: "slow and steady, ", count: 16)
            + "\"\n"
        var fillerRows = 0
        while text.utf8.count + row.utf8.count < InputFile.chunkSize - 20 {
            text += row
            fillerRows += 1
        }
        text +=
            "2025-01-02,Press,Arms,20,kgs,5,\"a \"\"long\"\", slow\nset, that crosses the boundary\"\n"
        text += "2025-01-02,Press,Arms,20,kgs,4,\"\"\n"
        let data = try importFile(try folder.write("big.csv", text))
        #expect(data.sessions.count == 2)
        let press = try #require(data.sessions.last?.entry("press"))
        #expect(press.notes == "a \"long\", slow\nset, that crosses the boundary")
        #expect(press.sets.map(\.reps) == [5, 4])
        #expect(data.setCount == fillerRows + 2)
    }

    @Test("a record longer than 1 MiB is refused as too large, naming its line")
    func recordTooLarge() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let huge = Array(repeating: UInt8(ascii: "x"), count: 3 * (1 << 19))  // 1.5 MiB
        let path = try folder.write(
            "huge.csv", Array("a,b\n".utf8) + huge + Array(",1\nc,d\n".utf8))
        #expect(readError(path)?.kind == .tooLarge(line: 2, limit: 1 << 20))
    }

    @Test("a quoted field of several MiB is refused as too large, naming its line")
    func quotedFieldTooLarge() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let huge = Array(repeating: UInt8(ascii: "x"), count: 3 << 20)
        let path = try folder.write(
            "huge.csv", Array("a,b\n1,2\n3,\"".utf8) + huge + Array("\"\n".utf8))
        #expect(readError(path)?.kind == .tooLarge(line: 3, limit: 1 << 20))
    }
}
