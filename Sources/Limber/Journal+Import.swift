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
        let zone: String?
        switch (data.format, options.zone) {
        case (.limber, _), (.events, _), (.csv, _): zone = nil
        case (_, .system): zone = "this machine's time zone"
        case (_, .fixed(let offset)):
            zone = "UTC" + LocalTimestamp(epochSeconds: 0, utcOffsetSeconds: offset).offsetText
        }
        if dryRun {
            var report = try plan(data, path: path, dryRun: true, correctingStart: options.zoneIsExplicit).report
            report.localTimesIn = zone
            report.dryRun = true
            return outcome(report, notices(for: data, options: options), changed: false)
        }
        return try write { writer in
            var (report, events) = try plan(data, path: path, dryRun: false, correctingStart: options.zoneIsExplicit)
            report.localTimesIn = zone
            if !events.isEmpty {
                try commit(events, with: writer, batch: true)
                // The next command then opens warm instead of reading the import again.
                refreshSnapshot()
            }
            return outcome(report, notices(for: data, options: options), changed: !events.isEmpty)
        }
    }

    /// The events an import needs, and the report of it.
    private func plan(_ data: ImportedData, path: String, dryRun: Bool, correctingStart: Bool) throws -> (
        report: ImportReport, events: [NewEvent]
    ) {
        var report = ImportReport(file: path, format: data.format, dryRun: dryRun)
        report.records = data.records
        report.presentSessions = data.alreadyPresent
        report.unchangedSessions = data.alreadyPresent
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
                guard extendable.contains(data.format) else {
                    report.unchangedSessions += 1
                    continue
                }
                switch try update(of: session, correctingStart: correctingStart) {
                case .none: report.unchangedSessions += 1
                case .leftChanged: report.leftChanged.append(session.id)
                case .leftDeleted: report.leftDeleted.append(session.id)
                case .write(let changes, let addedSets, let corrects, let withheld):
                    if corrects { report.correctedSessions += 1 } else { report.extendedSessions += 1 }
                    if withheld { report.leftChanged.append(session.id) }
                    report.newSets += addedSets
                    sessionEvents.append(
                        NewEvent(
                            entity: session.id, parents: state.heads(of: session.id),
                            body: .sessionAmended(SessionPatch(changes, byImport: true))))
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

    /// What importing a session of another app's file again does to the one already here.
    private enum Update {
        /// Nothing: the session already holds what the file says (or more, from a later
        /// export).
        case none
        /// The file would correct it, but the person changed it in limber since.
        case leftChanged
        /// It is deleted; the file would correct or extend it.
        case leftDeleted
        /// These changes; `corrects` when they change something rather than only add;
        /// `withheld` when corrections were left out because the person changed the session.
        case write([SessionChange], addedSets: Int, corrects: Bool, withheld: Bool = false)
    }

    /// The changes that bring a session imported before up to what the file now says.
    ///
    /// - A later export of the same app holds more of that workout: entries the session never
    ///   had, and sets that continue an entry whose sets are unchanged, are added (always,
    ///   since nothing already recorded changes).
    /// - An earlier export holds less (an entry's sets are a prefix of the session's): nothing
    ///   is taken away.
    /// - Anything else the file says differently (the start read in another zone, weights in
    ///   another unit, a set changed in the app) corrects the session, when the person has not
    ///   changed it in limber since; otherwise it is left alone and reported.
    /// - A deleted session stays deleted and is reported.
    private func update(of imported: Session, correctingStart: Bool) throws -> Update {
        try loadFromSnapshot(imported.id)
        guard let record = state.records[imported.id], let current = record.session else {
            return .none
        }
        if state.isDeleted(imported.id) { return .leftDeleted }
        var additions: [SessionChange] = []
        var corrections: [SessionChange] = []
        var added = 0
        // The start moves only with --timezone: read in this machine's zone, the same file
        // on a machine in another zone (or after travelling) would shift every session.
        if correctingStart, imported.start != current.start {
            corrections.append(.start(imported.start))
        }
        if imported.durationSeconds != current.durationSeconds {
            corrections.append(.durationSeconds(imported.durationSeconds))
        }
        switch (current.notes, imported.notes) {
        case (let now?, let file?) where now.hasPrefix(file):
            break  // an earlier export, with fewer rows' notes: nothing taken away
        case (let now?, let file?) where file.hasPrefix(now):
            additions.append(.notes(file))
        case (nil, let file?):
            additions.append(.notes(file))
        case (_, nil):
            break
        default:
            corrections.append(.notes(imported.notes))
        }
        for entry in imported.entries {
            let key = EntryKey(entry)
            guard let existing = current.entries.first(where: { EntryKey($0) == key }) else {
                // Never had it (an entry the person removed is a change of theirs: kept out).
                if record.entries[key] == nil {
                    additions.append(.entry(key, entry))
                    added += entry.sets.count
                }
                continue
            }
            if existing == entry { continue }
            let shorter = min(existing.sets.count, entry.sets.count)
            let samePrefix = Array(entry.sets.prefix(shorter)) == Array(existing.sets.prefix(shorter))
            if samePrefix, existing.notes == entry.notes, entry.sets.count <= existing.sets.count {
                continue  // an earlier export: nothing to take away
            }
            if samePrefix, existing.notes == entry.notes {
                additions.append(.entry(key, entry))
                added += entry.sets.count - existing.sets.count
            } else {
                corrections.append(.entry(key, entry))
            }
        }
        if additions.isEmpty && corrections.isEmpty { return .none }
        if record.changedByPerson {
            if additions.isEmpty { return .leftChanged }
            return .write(
                additions, addedSets: added, corrects: false, withheld: !corrections.isEmpty)
        }
        return .write(additions + corrections, addedSets: added, corrects: !corrections.isEmpty)
    }

    /// What the person should know about how the file was read.
    private func notices(for data: ImportedData, options: ImportOptions) -> [Notice] {
        data.assumptions.map { Notice(.info, $0) }
    }
}
