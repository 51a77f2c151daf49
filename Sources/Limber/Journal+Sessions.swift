import EventLog
import Reconcile

extension Journal {
    /// Logs a new session.
    ///
    /// Exercises are matched against the catalog (ids, names, aliases); a per-side exercise
    /// needs its side. With a routine, its exercises and sides not given in `sets` or
    /// `skipping` are logged as prescribed (marked so), except those contraindicated for the
    /// person's conditions, which are skipped with a notice. An explicitly logged
    /// contraindicated exercise is logged with a caution.
    ///
    /// - Returns: The session as stored, the notices to show, and the records it beat (against
    ///   every other session, whatever its date).
    /// - Throws: ``ModelError`` for an unknown exercise or routine, a missing side or a start
    ///   in the future; ``LimberError`` for an empty session; ``JournalError`` when the journal
    ///   cannot be written. Nothing is written when it throws.
    public func log(_ request: LogRequest) throws -> WriteOutcome<Session> {
        try write { writer in
            let (session, notices) = try makeSession(request, now: .now())
            var book = recordBook()
            let news = book?.offer(session, catalog: state.catalog) ?? []
            try commit([NewEvent(entity: session.id, body: .sessionLogged(session))], with: writer)
            if let book { keep(book) }
            var result = outcome(state.session(id: session.id) ?? session, notices, changed: true)
            result.records = news
            return result
        }
    }

    /// The session ``log(_:)`` would write for `request`, and its notices, without writing:
    /// the recap of the guided log.
    public func draft(_ request: LogRequest) throws -> (session: Session, notices: [Notice]) {
        try makeSession(request, now: .now())
    }

    private func makeSession(_ request: LogRequest, now: LocalTimestamp) throws -> (
        Session, [Notice]
    ) {
        let catalog = state.catalog
        let profile = state.profile
        var notices: [Notice] = []
        if let start = request.start {
            try Session.checkTypedStart(start, now: now, allowFuture: request.allowFuture)
        }
        let given = try request.sets.map { spec in
            let (exercise, side) = try catalog.resolve(
                spec.reference, field: "--set", place: spec.place)
            try exercise.checkTyped(spec.sets, field: "--set", place: spec.place)
            return spec.entry(exerciseID: exercise.id, side: side)
        }
        var entries = given
        var routineID: String?
        if let name = request.routine {
            let routine = try catalog.routine(matching: name)
            routineID = routine.id
            let skipping = try skipped(request.skipping, in: routine, catalog: catalog)
            for skip in skipping {
                let clash = given.first {
                    $0.exercise == skip.exercise && (skip.side == nil || $0.side == skip.side)
                }
                if let clash {
                    let named = clash.exercise + (clash.side.map { ":" + $0.rawValue } ?? "")
                    throw LimberError(
                        .usage(
                            "--skip \(skip) and --set \(named) name the same exercise: was it done or not?",
                            hint: "leave out one of them"))
                }
            }
            let expansion = RoutineExpansion(
                routine, given: given, skipping: skipping, catalog: catalog, profile: profile)
            entries = expansion.entries
            for item in expansion.contraindicated {
                notices.append(
                    Notice(
                        .caution,
                        "skipped \(item.exercise.id) from the routine: \(item.caution). Log it with --set if you did it."
                    ))
            }
        } else if let first = request.skipping.first {
            throw LimberError(
                .usage(
                    "--skip \(first) needs --routine: without a routine nothing is logged as prescribed",
                    hint: "add --routine NAME, or leave --skip out"))
        }
        guard !entries.isEmpty else { throw LimberError(.emptySession) }
        notices.append(
            contentsOf: cautions(
                for: entries, catalog: catalog, profile: profile,
                explicit: Set(given.map(\.exercise))))
        let session = Session(
            id: EventID.makeRandom(), start: request.start ?? now,
            durationSeconds: request.durationSeconds, routine: routineID,
            painBefore: request.painBefore, painAfter: request.painAfter,
            notes: request.notes.flatMap { $0.isEmpty ? nil : $0 },
            entries: entries, symptomsBefore: request.symptomsBefore.flatMap { $0.isEmpty ? nil : $0 },
            symptomsAfter: request.symptomsAfter.flatMap { $0.isEmpty ? nil : $0 })
        try session.validate()
        return (session, notices)
    }

    /// The `--skip` references as resolved ids; each must name an exercise of the routine.
    private func skipped(
        _ references: [ExerciseReference], in routine: Routine, catalog: Catalog
    ) throws -> Set<ExerciseReference> {
        var result: Set<ExerciseReference> = []
        for reference in references {
            let exercise =
                reference.side == nil
                ? try catalog.exercise(matching: reference.exercise)
                : try catalog.resolve(reference, field: "--skip").exercise
            guard routine.items.contains(where: { $0.exercise == exercise.id }) else {
                throw LimberError(
                    .usage(
                        "--skip \(reference): \(exercise.id) is not in the routine \(routine.id)",
                        hint:
                            "the routine has \(routine.items.map(\.exercise).joined(separator: ", "))"
                    ))
            }
            result.insert(ExerciseReference(exercise: exercise.id, side: reference.side))
        }
        return result
    }

    /// A session's symptoms after an amendment's text form: an empty text clears them, any
    /// other changes the keys it gives and keeps the rest (`nil` once nothing is left).
    private static func edited(_ current: Symptoms?, by text: String, field: String) throws -> Symptoms? {
        guard !text.trimmingSpaces.isEmpty else { return nil }
        var symptoms = current ?? Symptoms()
        try symptoms.apply(text, field: field)
        return symptoms.isEmpty ? nil : symptoms
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
            if let start = request.start {
                try Session.checkTypedStart(start, now: .now(), allowFuture: request.allowFuture)
                if start != current.start { changes.append(.start(start)) }
            }
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
            if let text = request.symptomsBefore {
                let value = try Self.edited(current.symptomsBefore, by: text, field: "--symptoms-before")
                if value != current.symptomsBefore { changes.append(.symptomsBefore(value)) }
            }
            if let text = request.symptomsAfter {
                let value = try Self.edited(current.symptomsAfter, by: text, field: "--symptoms-after")
                if value != current.symptomsAfter { changes.append(.symptomsAfter(value)) }
            }
            if let value = request.notes {
                // An empty note clears the notes.
                let notes = value.isEmpty ? nil : value
                if notes != current.notes { changes.append(.notes(notes)) }
            }
            let sides = { (exercise: String) in
                current.entries.filter { $0.exercise == exercise }.map(\.side)
            }
            var newEntries: [Entry] = []
            for spec in request.sets {
                let (exercise, side) = try catalog.resolve(
                    spec.reference, field: "--set", place: spec.place, sessionSides: sides)
                try exercise.checkTyped(spec.sets, field: "--set", place: spec.place)
                let entry = spec.entry(exerciseID: exercise.id, side: side)
                try entry.validate()
                newEntries.append(entry)
                let existing = current.entries.first { EntryKey($0) == EntryKey(entry) }
                if existing != entry { changes.append(.entry(EntryKey(entry), entry)) }
            }
            for reference in request.removeEntries {
                let (exercise, side) = try catalog.resolve(
                    reference, field: "--remove", sessionSides: sides)
                let key = EntryKey(exercise: exercise.id, side: side)
                guard current.entries.contains(where: { EntryKey($0) == key }) else {
                    let has = current.entries.map { EntryKey($0).description }
                    throw LimberError(
                        .invalid(
                            "session \(id.prefix(8)) has no entry \(key)",
                            hint: "its entries are \(has.joined(separator: ", ")) (`limber show \(id.prefix(8))`)"))
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
                notices.append(Notice(.caution, "\(label): \(entry.exercise): \(caution)"))
            }
        }
        return notices
    }
}
