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
        return ProgressReport(
            sessions: try sessions(matching: admitted), catalog: catalog, profile: profile, query: query)
    }
}
