import EventLog
import Reconcile

extension Journal {
    /// Imports a file (DESIGN §8) as one atomic commit: every new session, exercise, routine
    /// and condition it holds, or, if anything in it is invalid, nothing.
    ///
    /// Sessions already in the journal (by id: limber formats keep theirs, other apps' get ids
    /// derived from the source) are left untouched, so importing a file again adds nothing.
    /// The file is read under the writer lock and written as it is read (``BatchAppend``): a
    /// limber JSON file's new sessions go from the file to the log and the snapshot one by one,
    /// so the import's memory does not grow with the file's sessions. The commit appears whole
    /// once the file has been read and checked; a bad file or a killed import leaves the
    /// journal as it was.
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
        if dryRun {
            let (report, data) = try recovering { try read(path, options: options, into: nil) }
            return outcome(report, notices(for: data, options: options), changed: false)
        }
        return try write { writer in
            let (report, data) = try read(path, options: options, into: writer)
            return outcome(report, notices(for: data, options: options), changed: report.changesJournal)
        }
    }

    /// Reads the file and, with a writer, appends what it adds as one commit.
    private func read(_ path: String, options: ImportOptions, into writer: LogWriter?) throws -> (
        ImportReport, ImportedData
    ) {
        let commit = writer.map { ImportCommit(journal: self, writer: $0) }
        // Its format is known once the file is read (`finish`).
        var plan = ImportPlan(file: path, format: .limber, dryRun: writer == nil, catalog: state.catalog)
        var failure: (any Error)?
        // Each session of the file, as it is read (limber JSON) or once all are (other formats).
        func take(_ session: Session, format: ImportFormat) {
            guard failure == nil else { return }
            do {
                guard let event = try self.plan(session, format: format, in: &plan, correctingStart: options.zoneIsExplicit)
                else { return }
                try commit?.add(event.event, logsNewSession: event.new)
            } catch {
                failure = error
            }
        }
        let data: ImportedData
        do {
            data = try Importer.read(
                path, options: options, catalog: state.catalog, isKnown: isPresent,
                streaming: { take($0, format: .limber) })
            for session in data.sessions { take(session, format: data.format) }
            if let failure { throw failure }
            for event in plan.finish(with: data, in: state) {
                try commit?.add(event, logsNewSession: false)
            }
            try commit?.finish()
        } catch {
            commit?.abandon()
            throw error
        }
        var report = plan.report
        switch (data.format, options.zone) {
        case (.limber, _), (.events, _), (.csv, _): report.localTimesIn = nil
        case (_, .system): report.localTimesIn = "this machine's time zone"
        case (_, .fixed(let offset)):
            report.localTimesIn = "UTC" + LocalTimestamp(epochSeconds: 0, utcOffsetSeconds: offset).offsetText
        }
        return (report, data)
    }

    /// Whether the journal has this session (logged; one the journal only knows edits of is
    /// new).
    private func isPresent(_ id: String) -> Bool {
        state.records[id]?.logged == true || snapshot?.entry(id: id) != nil
    }

    /// What one session of the file adds: a new session's `session.logged`, a present one's
    /// amendment (another app's export read again), or nothing.
    private func plan(
        _ session: Session, format: ImportFormat, in plan: inout ImportPlan, correctingStart: Bool
    ) throws -> (event: NewEvent, new: Bool)? {
        guard isPresent(session.id) else { return (plan.add(new: session), true) }
        plan.report.presentSessions += 1
        let extendable: Set<ImportFormat> = [.strong, .hevy, .fitnotes]
        guard extendable.contains(format) else {
            plan.report.unchangedSessions += 1
            return nil
        }
        switch try update(of: session, correctingStart: correctingStart) {
        case .none: plan.report.unchangedSessions += 1
        case .leftChanged: plan.report.leftChanged.append(session.id)
        case .leftDeleted: plan.report.leftDeleted.append(session.id)
        case .write(let changes, let addedSets, let corrects, let withheld):
            if corrects { plan.report.correctedSessions += 1 } else { plan.report.extendedSessions += 1 }
            if withheld { plan.report.leftChanged.append(session.id) }
            plan.report.newSets += addedSets
            return (
                NewEvent(
                    entity: session.id, parents: state.heads(of: session.id),
                    body: .sessionAmended(SessionPatch(changes, byImport: true))), false
            )
        }
        return nil
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
