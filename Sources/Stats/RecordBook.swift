import JournalModel

/// Every exercise's records over the whole history: what `log` checks a new session against
/// to say "new record: longest hold 60 s, was 45 s".
///
/// Kept per ``ExerciseKey`` (one side of a per-side exercise), by the rules of
/// ``ExerciseRecords/offer(_:prescribed:date:session:)``. A book only grows: offering a session
/// can raise a record, never lower one, so a book is brought up to date by offering what was
/// added, and computed again when a session that holds a record changed or went away
/// (``holdsRecord(session:)``).
public struct RecordBook: Sendable, Hashable {
    var records: [ExerciseKey: ExerciseRecords] = [:]

    /// An empty book.
    public init() {}

    /// The book of `sessions` (oldest first: a tie keeps the date it was first reached).
    public init(sessions: some Sequence<Session>, catalog: Catalog) {
        for session in sessions { offer(session, catalog: catalog) }
    }

    /// The records of `exercise` (on `side` for a per-side exercise); empty when none.
    public func records(of exercise: String, side: Side? = nil) -> ExerciseRecords {
        records[ExerciseKey(exercise: exercise, side: side)] ?? ExerciseRecords()
    }

    /// Whether some record was set by session `id`.
    public func holdsRecord(session id: String) -> Bool {
        records.values.contains { $0.sessions.contains(id) }
    }

    /// Whether the book has records of `exercise` (any side).
    public func covers(exercise: String) -> Bool {
        records.keys.contains { $0.exercise == exercise }
    }

    /// Takes the working sets of `session` into account.
    ///
    /// - Returns: One ``RecordNews`` per exercise (and side) whose records the session beat,
    ///   in the session's order; a record the exercise did not have before the session (its
    ///   first time) is not news.
    @discardableResult
    public mutating func offer(_ session: Session, catalog: Catalog) -> [RecordNews] {
        let date = session.start.localDate
        var news: [ExerciseKey: [RecordChange]] = [:]
        var order: [ExerciseKey] = []
        for entry in session.entries {
            let key = ExerciseKey(entry, catalog: catalog)
            var book = records[key] ?? ExerciseRecords()
            for set in entry.sets {
                let changes = book.offer(set, prescribed: entry.prescribed, date: date, session: session.id)
                for change in changes {
                    if news[key] == nil { order.append(key) }
                    news[key, default: []].append(change)
                }
            }
            if !book.isEmpty { records[key] = book }
        }
        return order.compactMap { key in
            let changes = RecordChange.Kind.allCases.compactMap { kind -> RecordChange? in
                let beaten = news[key, default: []].filter { $0.kind == kind }
                // Several sets may beat one record in turn: from before the session to its best.
                guard let first = beaten.first, let was = first.was, let last = beaten.last else { return nil }
                return RecordChange(kind: kind, was: was, now: last.now)
            }
            // Without a load, "most reps" says it all.
            let unloaded = changes.first { $0.kind == .mostReps }.map { reps in
                changes.contains { $0.kind == .mostRepsWithoutWeight && $0.was == reps.was && $0.now == reps.now }
            } ?? false
            let said = unloaded ? changes.filter { $0.kind != .mostRepsWithoutWeight } : changes
            guard !said.isEmpty else { return nil }
            return RecordNews(
                exercise: key.exercise, name: catalog.exercise(id: key.exercise)?.name ?? key.exercise,
                side: key.side, changes: said)
        }
    }
}
