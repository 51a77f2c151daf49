import EventLog
import Stats

extension Journal {
    /// How the person is doing: the ``ProgressReport`` of the sessions `filter` admits (read as
    /// `list` and `export` read them), over the days it names.
    ///
    /// - Parameters:
    ///   - filter: The period and exercise (its `last` is ignored: a report covers a period).
    ///   - routine: Only sessions logged against this routine id.
    public func progress(matching filter: SessionFilter, routine: String? = nil) throws -> ProgressReport {
        var admitted = filter
        admitted.last = nil
        // The weeks of the report run over the local days the bounds fall on.
        let day = { (epoch: Int64) in
            LocalTimestamp(epochSeconds: epoch, utcOffsetSeconds: 0).inSystemZone().localDate
        }
        let query = ProgressQuery(
            since: filter.since.map(day), until: filter.until.map { day($0 - 1) },
            exercise: filter.exercise, routine: routine)
        // Streamed from the store: the report keeps totals, not the sessions.
        var accumulator = ProgressAccumulator(catalog: catalog, profile: profile, query: query)
        try forEachSession(matching: admitted) { session in
            accumulator.add(session)
            return true
        }
        return accumulator.report()
    }
}

extension Journal {
    /// Refuses to replace a file at `path` that is not an earlier limber report (a typo in
    /// `--output` must not overwrite a person's own file), unless `force`; a folder always.
    ///
    /// - Throws: ``LimberError`` `.invalid` naming the file.
    public static func checkReportTarget(_ path: String, force: Bool) throws {
        switch FileSystem.kind(of: path) {
        case .missing: return
        case .directory:
            throw LimberError(
                .invalid("\(path) is a folder", hint: "give a file name, such as \(path)/report.html"))
        case .file, .link, .other:
            if force { return }
            if let head = FileSystem.readPrefix(path, count: 4096),
                String(decoding: head, as: UTF8.self).contains(ProgressPage.generatorTag)
            {
                return
            }
            throw LimberError(
                .invalid(
                    "\(path) exists and is not a limber report; it was left as it is",
                    hint: "choose another file name, or add --force to replace it"))
        }
    }

    /// Writes the one-page report (``ProgressPage``) of the sessions `filter` admits to
    /// `output` and commits it: the file appears complete (0600), or not at all.
    ///
    /// - Returns: The report shown on the page.
    public func writeReport(
        matching filter: SessionFilter, routine: String? = nil, to output: ExportOutput
    ) throws -> ProgressReport {
        let report = try progress(matching: filter, routine: routine)
        try output.write(ProgressPage.html(report, generated: .now()))
        try output.commit()
        return report
    }
}
