import EventLog
import FoundationEssentials
import JournalModel

/// Reads limber's own JSON export (DESIGN §8) as a stream: each element of `sessions` is
/// parsed on its own by the fast session parser, so a file of 100k sessions never sits in
/// memory whole and a bad session is reported with the line it starts on.
struct LimberJSONImporter {
    /// Problems found so far (all of them are reported at the end).
    var problems = ProblemList()

    /// Reads `stream` to its end.
    ///
    /// - Parameter streaming: Takes each new session as it is read, while no problem was found
    ///   (see ``Importer/read(_:options:catalog:isKnown:streaming:)``); without it they are kept.
    mutating func read(
        _ stream: inout JSONByteStream, progress: ProgressHandler?,
        isKnown: (String) -> Bool = { _ in false }, streaming: ((Session) -> Void)? = nil
    ) throws(ImportError) -> ImportedData {
        var data = ImportedData(format: .limber)
        var seenFormat = false
        var sessionIDs: Set<String> = []
        try stream.expect(UInt8(ascii: "{"), "a JSON object ({\"format\": \"limber.export\", …})")
        if try !stream.take(UInt8(ascii: "}")) {
            repeat {
                let key = try stream.readKey()
                switch key {
                case "format":
                    let format = try stream.withValue { bytes, line, column throws(ImportError) in
                        (try? JSONCoding.decoder().decode(String.self, from: Data(bytes)), line, column)
                    }
                    guard format.0 == "limber.export" else {
                        throw ImportError(
                            file: stream.fileName,
                            .rows([ImportProblem(line: format.1, column: format.2, field: "format",
                                message: "this is not a limber export (format is not \"limber.export\")")], total: 1))
                    }
                    seenFormat = true
                case "version":
                    let version = try stream.withValue { bytes, line, column throws(ImportError) in
                        (try? JSONCoding.decoder().decode(Int.self, from: Data(bytes)), line, column)
                    }
                    guard version.0 == 1 else {
                        throw ImportError(
                            file: stream.fileName,
                            .rows([ImportProblem(line: version.1, column: version.2, field: "version",
                                message: "export version \(version.0.map(String.init) ?? "?") is not 1; a newer limber wrote it, update this one")], total: 1))
                    }
                case "sessions":
                    try readSessions(
                        &stream, into: &data, ids: &sessionIDs, progress: progress, isKnown: isKnown,
                        streaming: streaming)
                case "exercises":
                    data.exercises = decode([Exercise].self, "exercises", &stream) ?? []
                case "routines":
                    data.routines = decode([Routine].self, "routines", &stream) ?? []
                case "profile":
                    data.profile = decode(Profile.self, "profile", &stream)
                default:
                    try stream.skipValue()
                }
            } while try stream.take(UInt8(ascii: ","))
            try stream.expect(UInt8(ascii: "}"), "',' or '}' after a value")
        }
        if try stream.peek() != nil { throw stream.problem("unexpected content after the export object") }
        guard seenFormat else {
            throw ImportError(file: stream.fileName, .rows([ImportProblem(line: 1, column: 1, field: "format",
                message: "the object has no \"format\": \"limber.export\"; this is not a limber export")], total: 1))
        }
        for exercise in data.exercises where !Slug.isValidID(exercise.id) {
            problems.add(ImportProblem(line: 1, field: "exercises",
                message: "exercise id \(ModelError.quote(exercise.id)) is not a slug"))
        }
        for routine in data.routines where !Slug.isValidID(routine.id) {
            problems.add(ImportProblem(line: 1, field: "routines",
                message: "routine id \(ModelError.quote(routine.id)) is not a slug"))
        }
        try problems.throwIfAny(file: stream.fileName)
        return data
    }

    private mutating func readSessions(
        _ stream: inout JSONByteStream, into data: inout ImportedData, ids: inout Set<String>,
        progress: ProgressHandler?, isKnown: (String) -> Bool, streaming: ((Session) -> Void)?
    ) throws(ImportError) {
        try stream.expect(UInt8(ascii: "["), "'[' to begin the sessions")
        if try stream.take(UInt8(ascii: "]")) { return }
        var lastReport: Int64 = 0
        repeat {
            let parsed = try stream.withValue { bytes, line, column throws(ImportError) in
                let result = bytes.withUnsafeBytes { raw in
                    Result { () throws(EventLineError) in try SessionObjectParser.parse(raw) }
                }
                return (result, line, column, bytes)
            }
            data.records += 1
            switch parsed.0 {
            case .success(let session):
                do throws(ModelError) {
                    try session.validate()
                    guard ids.insert(session.id).inserted else {
                        problems.add(ImportProblem(line: parsed.1, column: parsed.2, field: "id",
                            message: "session \(session.id) appears twice in the file"))
                        break
                    }
                    if isKnown(session.id) {
                        data.alreadyPresent += 1
                    } else if let streaming {
                        // After a problem the import fails: nothing more is worth writing.
                        if problems.total == 0 { streaming(session) }
                    } else {
                        data.sessions.append(session)
                    }
                } catch {
                    problems.add(ImportProblem(line: parsed.1, column: parsed.2, field: error.field,
                        message: error.description))
                }
            case .failure(let error):
                let place = Self.place(of: error.offset, in: parsed.3, line: parsed.1, column: parsed.2)
                problems.add(ImportProblem(line: place.line, column: place.column, field: nil,
                    message: "not a valid session: \(error.expected)"))
            }
            if let progress, stream.bytesRead - lastReport >= 1 << 20 {
                lastReport = stream.bytesRead
                progress(Progress(done: stream.bytesRead, total: stream.fileSize))
            }
        } while try stream.take(UInt8(ascii: ","))
        try stream.expect(UInt8(ascii: "]"), "',' or ']' after a session")
    }

    /// The line and column of byte `offset` of a value that starts at `line`:`column`.
    static func place(of offset: Int, in bytes: ArraySlice<UInt8>, line: Int, column: Int) -> (
        line: Int, column: Int
    ) {
        var line = line
        var column = column
        for byte in bytes.prefix(max(0, offset)) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Decodes a small top-level value with `JSONDecoder`, recording a problem on failure.
    private mutating func decode<Value: Decodable>(
        _ type: Value.Type, _ field: String, _ stream: inout JSONByteStream
    ) -> Value? {
        do {
            let result = try stream.withValue { bytes, line, column throws(ImportError) in
                (Result { try JSONCoding.decoder().decode(type, from: Data(bytes)) }, line, column)
            }
            switch result.0 {
            case .success(let value): return value
            case .failure(let error):
                problems.add(ImportProblem(line: result.1, column: result.2, field: field,
                    message: "not valid: \(DecodingErrorText.describe(error))"))
                return nil
            }
        } catch {
            problems.add(ImportProblem(line: stream.line, column: stream.column, field: field, message: error.description))
            return nil
        }
    }
}
