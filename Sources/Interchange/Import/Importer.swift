import JournalModel

/// Reads a file of any format `limber import` knows into sessions, checking every record and
/// writing nothing (the ``Journal`` facade commits the result).
public enum Importer {
    /// Reads the file at `path`.
    ///
    /// - Parameters:
    ///   - path: The file, as the person named it (messages use it as given).
    ///   - options: The format (or recognition), time zone, default unit and progress.
    ///   - catalog: The journal's catalog, to map exercise names to ids.
    ///   - isKnown: Whether the journal already has a session id; such sessions of a limber
    ///     JSON file are checked and counted but not kept.
    ///   - streaming: When given, each new session of a limber JSON file is handed to it as
    ///     soon as it is read and checked (while no problem was found before it), instead of
    ///     kept in the result: an import then needs no memory for the file's sessions. The
    ///     whole file is still checked before `read` returns; when it throws, the sessions
    ///     handed out must be dropped. Other formats build sessions across rows and keep them.
    /// - Returns: Everything the file holds, checked.
    /// - Throws: ``ImportError`` naming the file, line, column and field of every problem.
    public static func read(
        _ path: String, options: ImportOptions, catalog: Catalog,
        isKnown: (String) -> Bool = { _ in false }, streaming: ((Session) -> Void)? = nil
    ) throws(ImportError) -> ImportedData {
        let sniffed = try Sniffed(path: path)
        let format: ImportFormat
        if let chosen = options.format { format = chosen } else { format = try sniffed.recognise(path: path) }
        switch format {
        case .limber:
            var stream = JSONByteStream(file: try InputFile(path: path))
            var importer = LimberJSONImporter()
            return try importer.read(
                &stream, progress: options.progress, isKnown: isKnown, streaming: streaming)
        case .events:
            var lines = LineReader(file: try InputFile(path: path))
            var importer = EventsImporter()
            return try importer.read(&lines, progress: options.progress)
        case .csv:
            return try readCSV(path, LimberCSVImporter.self, format, sniffed, options, catalog)
        case .strong:
            return try readCSV(path, StrongImporter.self, format, sniffed, options, catalog)
        case .hevy:
            return try readCSV(path, HevyImporter.self, format, sniffed, options, catalog)
        case .fitnotes:
            return try readCSV(path, FitNotesImporter.self, format, sniffed, options, catalog)
        }
    }

    private static func readCSV<Layout: RowImporter>(
        _ path: String, _ layout: Layout.Type, _ format: ImportFormat, _ sniffed: Sniffed,
        _ options: ImportOptions, _ catalog: Catalog
    ) throws(ImportError) -> ImportedData {
        var reader = CSVReader(file: try InputFile(path: path), delimiter: sniffed.delimiter)
        guard let first = try reader.next() else { throw ImportError(file: path, .empty(headerOnly: false)) }
        let header = CSVHeader(first.fields)
        var importer = try Layout(header: header, options: options, catalog: catalog, file: path)
        var data = ImportedData(format: format)
        var problems = ProblemList()
        var lastReport: Int64 = 0
        while true {
            let next: CSVRow?
            do { next = try reader.next() } catch {
                // A quote left open at the end: report it with the problems found before it.
                guard case .rows(let fatal, _) = error.kind else { throw error }
                for problem in fatal { problems.add(problem) }
                break
            }
            guard let row = next else { break }
            if row.isBlank { continue }
            data.records += 1
            if let problem = row.problem {
                problems.add(problem)
                continue
            }
            if row.fields.count != header.names.count {
                problems.add(ImportProblem(
                    line: row.line,
                    message: "the row has \(row.fields.count) fields where the header has \(header.names.count); a field with a comma or a line break must be quoted"))
                continue
            }
            importer.add(row, problems: &problems)
            if let progress = options.progress, reader.bytesRead - lastReport >= 1 << 20 {
                lastReport = reader.bytesRead
                progress(Progress(done: reader.bytesRead, total: reader.fileSize))
            }
        }
        guard data.records > 0 else { throw ImportError(file: path, .empty(headerOnly: true)) }
        try problems.throwIfAny(file: path)
        importer.finish(into: &data)
        if !data.rowsWithoutUnit.isEmpty {
            throw ImportError(file: path, .unitNotStated(samples: data.rowsWithoutUnit))
        }
        // Every row was checked; this catches what only a whole session can break.
        for session in data.sessions {
            do throws(ModelError) { try session.validate() } catch {
                problems.add(ImportProblem(line: 1, field: error.field, message: "session \(session.id): \(error.description)"))
            }
        }
        try problems.throwIfAny(file: path)
        return data
    }
}

/// The first chunk of a file: enough to recognise its format and its CSV delimiter.
private struct Sniffed {
    let bytes: [UInt8]
    let delimiter: UInt8

    init(path: String) throws(ImportError) {
        var file = try InputFile(path: path)
        var bytes: [UInt8] = []
        _ = try file.read(into: &bytes)
        self.bytes = bytes
        let firstLine = bytes.prefix { $0 != 0x0A }
        delimiter = CSVReader.guessDelimiter(headerLine: firstLine)
    }

    /// The format the content shows.
    func recognise(path: String) throws(ImportError) -> ImportFormat {
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw ImportError(file: path, .empty(headerOnly: false))
        }
        let firstLine = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
        if first == UInt8(ascii: "{") {
            let compact = firstLine.filter { $0 != " " }
            return compact.contains("\"hlc\":") && compact.contains("\"dev\":") ? .events : .limber
        }
        var headerFields: [String] = []
        var quoted = false
        var field = ""
        for character in firstLine where character != "\r" {
            if character == "\"" {
                quoted.toggle()
            } else if !quoted, character.asciiValue == delimiter {
                headerFields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        headerFields.append(field)
        let header = CSVHeader(headerFields)
        if LimberCSVLayout.recognises(header) { return .csv }
        if HevyImporter.recognises(header) { return .hevy }
        if FitNotesImporter.recognises(header) { return .fitnotes }
        if StrongImporter.recognises(header) { return .strong }
        let shown = firstLine.count > 80 ? String(firstLine.prefix(80)) + "…" : firstLine
        throw ImportError(
            file: path,
            .unknownFormat("its first line (\(shown)) is neither JSON nor the header of a Strong, Hevy, FitNotes or limber CSV export"))
    }
}
