import EventLog
import Reconcile

extension Journal {
    /// Logs a new session.
    ///
    /// Exercises are matched against the catalog (ids, names, aliases). With a routine, its
    /// exercises not given in `sets` are logged as prescribed, except those contraindicated for
    /// the person's conditions, which are skipped with a notice. An explicitly logged
    /// contraindicated exercise is logged with a caution.
    ///
    /// - Returns: The session as stored and the notices to show.
    /// - Throws: ``ModelError`` for an unknown exercise or routine, ``LimberError`` for an
    ///   empty session, ``JournalError`` when the journal cannot be written. Nothing is written
    ///   when it throws.
    public func log(_ request: LogRequest) throws -> WriteOutcome<Session> {
        try write { writer in
            let catalog = state.catalog
            let profile = state.profile
            var notices: [Notice] = []
            var entries = try request.sets.map { try entry(for: $0, in: catalog) }
            let explicit = Set(entries.map(\.exercise))
            var routineID: String?
            if let name = request.routine {
                let routine = try catalog.routine(matching: name)
                routineID = routine.id
                let given = Set(entries.map(\.exercise))
                for item in routine.items
                where !given.contains(item.exercise) && !request.skipping.contains(item.exercise) {
                    let cautions = catalog.warnings(for: item.exercise, profile: profile)
                    if let contraindication = cautions.first(where: {
                        $0.severity == .contraindicated
                    }) {
                        notices.append(
                            Notice(
                                .caution,
                                "skipped \(item.exercise) from the routine: \(contraindication.text). Log it with --set if you did it."
                            ))
                        continue
                    }
                    entries.append(contentsOf: item.prescribedEntries())
                }
            }
            guard !entries.isEmpty else { throw LimberError(.emptySession) }
            notices.append(
                contentsOf: cautions(
                    for: entries, catalog: catalog, profile: profile, explicit: explicit))
            let session = Session(
                id: EventID.makeRandom(), start: request.start ?? LocalTimestamp.now(),
                durationSeconds: request.durationSeconds, routine: routineID,
                painBefore: request.painBefore, painAfter: request.painAfter,
                notes: request.notes.flatMap { $0.isEmpty ? nil : $0 },
                entries: entries)
            try commit([NewEvent(entity: session.id, body: .sessionLogged(session))], with: writer)
            return outcome(state.session(id: session.id) ?? session, notices, changed: true)
        }
    }

    /// Changes fields of a logged session. Fields given with the value they already have are
    /// not written again.
    public func amend(_ prefix: String, _ request: AmendRequest) throws -> WriteOutcome<Session> {
        guard !request.isEmpty else { throw LimberError(.nothingToChange) }
        return try write { writer in
            let id = try resolveSessionID(prefix)
            try loadFromSnapshot(id)
            guard let current = state.session(id: id) else {
                throw LimberError(.sessionNotFound(prefix))
            }
            guard !state.isDeleted(id) else { throw LimberError(.sessionDeleted(id)) }
            let catalog = state.catalog
            var changes: [SessionChange] = []
            if let start = request.start, start != current.start { changes.append(.start(start)) }
            if let value = request.durationSeconds, value != current.durationSeconds {
                changes.append(.durationSeconds(value))
            }
            if let name = request.routine {
                let routine = try catalog.routine(matching: name).id
                if routine != current.routine { changes.append(.routine(routine)) }
            }
            if let value = request.painBefore, value != current.painBefore {
                changes.append(.painBefore(value))
            }
            if let value = request.painAfter, value != current.painAfter {
                changes.append(.painAfter(value))
            }
            if let value = request.notes {
                // An empty note clears the notes.
                let notes = value.isEmpty ? nil : value
                if notes != current.notes { changes.append(.notes(notes)) }
            }
            var newEntries: [Entry] = []
            for spec in request.sets {
                let entry = try entry(for: spec, in: catalog)
                newEntries.append(entry)
                let existing = current.entries.first { EntryKey($0) == EntryKey(entry) }
                if existing != entry { changes.append(.entry(EntryKey(entry), entry)) }
            }
            for text in request.removeEntries {
                let key = try entryKey(text, in: catalog)
                guard current.entries.contains(where: { EntryKey($0) == key }) else {
                    throw LimberError(
                        .invalid(
                            "session \(id) has no entry \(key)",
                            hint: "`limber show \(String(id.prefix(8)))` lists its entries"))
                }
                changes.append(.entry(key, nil))
            }
            let notices = cautions(
                for: newEntries, catalog: catalog, profile: state.profile,
                explicit: Set(newEntries.map(\.exercise)))
            guard !changes.isEmpty else {
                return outcome(
                    current,
                    notices + [
                        Notice(.info, "nothing changed: the session already has these values")
                    ], changed: false)
            }
            try commitChange(of: id, body: .sessionAmended(SessionPatch(changes)), with: writer)
            return outcome(state.session(id: id) ?? current, notices, changed: true)
        }
    }

    /// Deletes a session (a new event; the history keeps it, `restore` undoes it).
    public func delete(_ prefix: String) throws -> WriteOutcome<Session> {
        try write { writer in
            let id = try resolveSessionID(prefix)
            try loadFromSnapshot(id)
            guard let current = state.session(id: id) else {
                throw LimberError(.sessionNotFound(prefix))
            }
            guard !state.isDeleted(id) else { throw LimberError(.sessionDeleted(id)) }
            try commitChange(of: id, body: .sessionDeleted, with: writer)
            return outcome(current, [], changed: true)
        }
    }

    /// Brings back a deleted session.
    public func restore(_ prefix: String) throws -> WriteOutcome<Session> {
        try write { writer in
            let id = try resolveSessionID(prefix)
            try loadFromSnapshot(id)
            guard let current = state.session(id: id) else {
                throw LimberError(.sessionNotFound(prefix))
            }
            guard state.isDeleted(id) else { throw LimberError(.sessionNotDeleted(id)) }
            try commitChange(of: id, body: .sessionRestored, with: writer)
            return outcome(current, [], changed: true)
        }
    }

    // MARK: - Helpers

    func entry(for spec: SetSpec, in catalog: Catalog) throws -> Entry {
        let exercise = try catalog.exercise(matching: spec.exercise)
        return Entry(exercise: exercise.id, side: spec.side, notes: nil, sets: spec.sets)
    }

    func entryKey(_ text: String, in catalog: Catalog) throws -> EntryKey {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let exercise = try catalog.exercise(matching: parts.first ?? text)
        var side: Side?
        if parts.count == 2 {
            guard let parsed = Side(rawValue: parts[1].lowercased()) else {
                throw LimberError(
                    .invalid(
                        "\"\(parts[1])\" in \"\(text)\" is not a side", hint: "left, right or both")
                )
            }
            side = parsed
        }
        return EntryKey(exercise: exercise.id, side: side)
    }

    /// Cautions for the exercises the person named explicitly.
    func cautions(for entries: [Entry], catalog: Catalog, profile: Profile, explicit: Set<String>)
        -> [Notice]
    {
        var seen: Set<String> = []
        var notices: [Notice] = []
        for entry in entries
        where explicit.contains(entry.exercise) && seen.insert(entry.exercise).inserted {
            for caution in catalog.warnings(for: entry.exercise, profile: profile) {
                let label = caution.severity == .contraindicated ? "warning" : "caution"
                notices.append(Notice(.caution, "\(label): \(entry.exercise): \(caution.text)"))
            }
        }
        return notices
    }
}
