import Interchange
import JournalModel

extension FuzzTarget {
    /// The catalog the import target resolves exercise names against: the built-ins only.
    static let importCatalog = Catalog()

    /// The zone the import target reads other apps' wall-clock times in (UTC, so that a run
    /// does not depend on the machine's zone).
    static let importZone = LocalTimestamp.Zone.fixed(utcOffsetSeconds: 0)

    /// The formats the import target reads every input as: recognised from the content
    /// (`nil`), then each explicit format.
    package static let importFormats: [ImportFormat?] = [nil] + ImportFormat.allCases.map { $0 }

    /// Writes the input to a file and reads it with `Importer.read` as every format, with
    /// recognition first. A thrown ``Interchange/ImportError`` is an expected outcome, but it
    /// must name the file and places a person can find (lines and columns from 1); what a
    /// read returns must be what `limber import` may commit: valid sessions with distinct ids,
    /// no more sessions than records, exercise ids that are slugs, and, when the format was
    /// recognised, the same data as an explicit read of that format. A limber JSON read that
    /// hands its sessions out as it goes (what `limber import` does) must succeed or fail as
    /// the read that keeps them, and hand out the same sessions.
    static func checkImport(_ input: UnsafeRawBufferPointer) -> FuzzFailure? {
        FuzzTarget.importFile.withScratchFile(input) { checkImport(file: $0) }
    }

    private static func checkImport(file: ScratchFile) -> FuzzFailure? {
        let target = FuzzTarget.importFile
        var explicit: [ImportFormat: Result<ImportedData, ImportError>] = [:]
        var recognised: ImportedData?
        for format in importFormats {
            let name = format?.rawValue ?? "auto"
            let options = ImportOptions(format: format, zone: importZone, defaultWeightUnit: .kg)
            let result = Result { () throws(ImportError) in
                try Importer.read(file.path, options: options, catalog: importCatalog)
            }
            switch result {
            case .failure(let error):
                if let problem = importErrorProblem(error, path: file.path) {
                    return target.failure("\(name): \(problem)")
                }
            case .success(let data):
                if let problem = importedDataProblem(data, format: format) {
                    return target.failure("\(name): \(problem)")
                }
            }
            if format == .limber, let problem = streamingProblem(file: file, options: options, kept: result) {
                return target.failure("limber, streamed: \(problem)")
            }
            if let format {
                explicit[format] = result
            } else {
                recognised = try? result.get()
            }
        }
        // Recognition only chooses the format: it must read what naming that format reads.
        if let recognised {
            switch explicit[recognised.format] {
            case .success(let data)?:
                if let difference = importedDataDifference(recognised, data) {
                    return target.failure(
                        "auto: recognised as \(recognised.format.rawValue), but reading it as "
                            + "that format gives different \(difference)")
                }
            case .failure(let error)?:
                return target.failure(
                    "auto: recognised as \(recognised.format.rawValue) and read, but reading it "
                        + "as that format throws \(importErrorKindName(error.kind))")
            case nil:
                return target.failure("auto: recognised as an unknown format")
            }
        }
        return nil
    }

    /// How a streamed read of the file differs from the read that kept its sessions, or `nil`.
    private static func streamingProblem(
        file: ScratchFile, options: ImportOptions, kept: Result<ImportedData, ImportError>
    ) -> String? {
        var handed: [Session] = []
        let streamed = Result { () throws(ImportError) in
            try Importer.read(
                file.path, options: options, catalog: importCatalog, streaming: { handed.append($0) })
        }
        switch (kept, streamed) {
        case (.success(let whole), .success(let data)):
            if !data.sessions.isEmpty { return "kept \(data.sessions.count) session(s) it also handed out" }
            if handed != whole.sessions { return "handed out \(handed.count) session(s), not the \(whole.sessions.count) read" }
            return nil
        case (.failure(let whole), .failure(let error)):
            return whole.description == error.description ? nil : "failed otherwise: \(error.description)"
        case (.success, .failure(let error)):
            return "failed where the whole read did not: \(error.description)"
        case (.failure, .success):
            return "succeeded where the whole read failed"
        }
    }

    /// What breaks an invariant of data a read returned, or `nil`.
    private static func importedDataProblem(_ data: ImportedData, format: ImportFormat?)
        -> String?
    {
        if let format, data.format != format {
            return "asked for \(format.rawValue), returned data of \(data.format.rawValue)"
        }
        var ids: Set<String> = []
        for (index, session) in data.sessions.enumerated() {
            do throws(ModelError) {
                try session.validate()
            } catch {
                // A set's field names its exercise, which comes from the input.
                let known = ["id", "durationSeconds", "routine", "exercise"]
                let field = known.contains(error.field) ? error.field : "a set"
                return "session \(index) of \(data.sessions.count) fails validate(): "
                    + "\(error.kind) in \(field)"
            }
            guard ids.insert(session.id).inserted else {
                return "session \(index) of \(data.sessions.count) repeats an earlier id"
            }
        }
        // Every session comes from at least one record (row, element or event line).
        guard data.records >= data.sessions.count else {
            return "\(data.sessions.count) sessions from \(data.records) records"
        }
        guard data.records >= 0, data.skipped.values.allSatisfy({ $0 > 0 }) else {
            return "negative counts: \(data.records) records, skipped \(data.skipped.values)"
        }
        for (index, exercise) in data.exercises.enumerated() where !Slug.isValidID(exercise.id) {
            return "exercise \(index) of \(data.exercises.count) has an id that is not a slug "
                + "(\(exercise.id.utf8.count) bytes)"
        }
        for (index, routine) in data.routines.enumerated() where !Slug.isValidID(routine.id) {
            return "routine \(index) of \(data.routines.count) has an id that is not a slug "
                + "(\(routine.id.utf8.count) bytes)"
        }
        _ = data.setCount
        return nil
    }

    /// What breaks an invariant of a thrown error, or `nil`: it names the file it was given,
    /// places start at line and column 1, and a list of problems is not empty and not longer
    /// than the documented limit. Its messages are built too (they must not trap).
    private static func importErrorProblem(_ error: ImportError, path: String) -> String? {
        let kind = importErrorKindName(error.kind)
        guard error.file == path else { return "\(kind) error names another file" }
        _ = error.description
        _ = error.hint
        _ = error.details
        _ = error.exitCode
        switch error.kind {
        case .rows(let problems, let total):
            guard !problems.isEmpty, problems.count <= ImportError.maximumListed,
                total >= problems.count
            else {
                return "rows error lists \(problems.count) problems of \(total)"
            }
            for problem in problems {
                guard problem.line >= 1, (problem.column ?? 1) >= 1 else {
                    return "rows error has a problem at line \(problem.line), column "
                        + "\(problem.column.map(String.init) ?? "none")"
                }
                _ = problem.description
            }
        case .encoding(_, let line), .tooLarge(let line, _):
            guard line >= 1 else { return "\(kind) error at line \(line)" }
        case .unitNotStated(let samples):
            guard (1...2).contains(samples.count) else {
                return "unitNotStated error shows \(samples.count) rows"
            }
        case .unreadable, .empty, .binary, .unknownFormat, .missingColumns:
            break
        }
        return nil
    }

    /// The name of an error's kind, for messages (the error's text may quote the input).
    private static func importErrorKindName(_ kind: ImportError.Kind) -> String {
        switch kind {
        case .unreadable: "unreadable"
        case .empty: "empty"
        case .encoding: "encoding"
        case .binary: "binary"
        case .unknownFormat: "unknownFormat"
        case .missingColumns: "missingColumns"
        case .rows: "rows"
        case .tooLarge: "tooLarge"
        case .unitNotStated: "unitNotStated"
        }
    }

    /// The parts in which two reads differ (never their values), or `nil` when they agree.
    private static func importedDataDifference(_ lhs: ImportedData, _ rhs: ImportedData)
        -> String?
    {
        var parts: [String] = []
        if lhs.sessions != rhs.sessions { parts.append("sessions") }
        if lhs.exercises != rhs.exercises { parts.append("exercises") }
        if lhs.routines != rhs.routines { parts.append("routines") }
        if lhs.profile != rhs.profile { parts.append("profile") }
        if lhs.records != rhs.records { parts.append("records") }
        if lhs.skipped != rhs.skipped { parts.append("skipped") }
        if lhs.assumptions != rhs.assumptions { parts.append("assumptions") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
