import EventLog
import Reconcile

extension Journal {
    /// Imports a file (DESIGN §8) as one atomic commit: every new session, exercise, routine
    /// and condition it holds, or, if anything in it is invalid, nothing.
    ///
    /// Sessions already in the journal (by id: limber formats keep theirs, other apps' get ids
    /// derived from the source) are left untouched, so importing a file again adds nothing.
    /// A commit too large for one gzip member becomes a new segment that appears whole (see
    /// `LogWriter.appendBatch`); a killed import leaves the journal as it was.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - options: Format, time zone, default unit, progress.
    ///   - dryRun: Report what would change without writing.
    /// - Throws: ``ImportError`` for a bad file (with every problem's place), ``JournalError``
    ///   when the journal cannot be written.
    public func importFile(
        _ path: String, options: ImportOptions = ImportOptions(), dryRun: Bool = false
    ) throws -> WriteOutcome<ImportReport> {
        let data = try Importer.read(path, options: options, catalog: state.catalog) { id in
            self.state.records[id]?.logged == true || self.snapshot?.entry(id: id) != nil
        }
        if dryRun {
            var report = try plan(data, path: path, dryRun: true).report
            report.dryRun = true
            return outcome(report, notices(for: data, options: options), changed: false)
        }
        return try write { writer in
            let (report, events) = try plan(data, path: path, dryRun: false)
            if !events.isEmpty { try commit(events, with: writer, batch: true) }
            return outcome(report, notices(for: data, options: options), changed: !events.isEmpty)
        }
    }

    /// The events an import needs, and the report of it.
    private func plan(_ data: ImportedData, path: String, dryRun: Bool) throws -> (
        report: ImportReport, events: [NewEvent]
    ) {
        var report = ImportReport(file: path, format: data.format, dryRun: dryRun)
        report.records = data.records
        report.presentSessions = data.alreadyPresent
        report.skipped = data.skipped
        var events: [NewEvent] = []
        var known = Set(state.catalog.exercises.map(\.id))
        for exercise in data.exercises where !known.contains(exercise.id) {
            known.insert(exercise.id)
            report.newExercises.append(exercise.id)
            events.append(
                NewEvent(
                    entity: "exercise/" + exercise.id,
                    parents: state.heads(of: "exercise/" + exercise.id),
                    body: .exerciseDefined(exercise)))
        }
        let routines = Set(state.catalog.routines.map(\.id))
        for routine in data.routines where !routines.contains(routine.id) {
            report.newRoutines.append(routine.id)
            events.append(
                NewEvent(
                    entity: "routine/" + routine.id, parents: state.heads(of: "routine/" + routine.id),
                    body: .routineDefined(routine)))
        }
        if let imported = data.profile {
            var profile = state.profile
            for condition in imported.conditions where !profile.contains(condition) {
                profile.insert(condition)
                report.addedConditions.append(condition.rawValue)
            }
            if profile != state.profile {
                events.append(
                    NewEvent(entity: "profile", parents: state.heads(of: "profile"), body: .profileSet(profile)))
            }
        }
        var sessionEvents: [NewEvent] = []
        let extendable: Set<ImportFormat> = [.strong, .hevy, .fitnotes]
        for session in data.sessions {
            if state.records[session.id]?.logged == true || snapshot?.entry(id: session.id) != nil {
                report.presentSessions += 1
                if extendable.contains(data.format), let patch = try additions(to: session) {
                    report.extendedSessions += 1
                    report.newSets += patch.addedSets
                    sessionEvents.append(
                        NewEvent(
                            entity: session.id, parents: state.heads(of: session.id),
                            body: .sessionAmended(SessionPatch(patch.changes))))
                }
                continue
            }
            // A session may use an exercise neither the journal nor the file defines (an events
            // file from a journal whose definition was lost): define it by its id.
            for entry in session.entries where !known.contains(entry.exercise) {
                known.insert(entry.exercise)
                report.newExercises.append(entry.exercise)
                let exercise = Exercise(
                    id: entry.exercise, name: entry.exercise.split(separator: "-").joined(separator: " "))
                events.append(
                    NewEvent(entity: "exercise/" + exercise.id, body: .exerciseDefined(exercise)))
            }
            report.newSessions += 1
            report.newSets += session.entries.reduce(0) { $0 + $1.sets.count }
            sessionEvents.append(NewEvent(entity: session.id, body: .sessionLogged(session)))
        }
        return (report, events + sessionEvents)
    }

    /// What a later export of another app adds to a session imported before: entries the
    /// session never had, and sets that continue an entry whose sets are unchanged. Nothing the
    /// person changed or removed since is touched, and a deleted session stays deleted.
    private func additions(to imported: Session) throws -> (changes: [SessionChange], addedSets: Int)? {
        try loadFromSnapshot(imported.id)
        guard let record = state.records[imported.id], !state.isDeleted(imported.id),
            let current = record.session
        else { return nil }
        var changes: [SessionChange] = []
        var added = 0
        for entry in imported.entries {
            let key = EntryKey(entry)
            if let existing = current.entries.first(where: { EntryKey($0) == key }) {
                guard existing.sets.count < entry.sets.count,
                    Array(entry.sets.prefix(existing.sets.count)) == existing.sets
                else { continue }
                changes.append(.entry(key, entry))
                added += entry.sets.count - existing.sets.count
            } else if record.entries[key] == nil {
                changes.append(.entry(key, entry))
                added += entry.sets.count
            }
        }
        return changes.isEmpty ? nil : (changes, added)
    }

    /// What the person should know about how the file was read.
    private func notices(for data: ImportedData, options: ImportOptions) -> [Notice] {
        data.assumptions.map { Notice(.info, $0) }
    }
}
