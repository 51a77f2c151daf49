import EventLog
import Reconcile
import Stats

extension Journal {
    /// The records of every session read so far, from the cache when it fits the log (brought
    /// up to date with what was written after it), else from every session; `nil` when the
    /// history cannot be read (records are news, never a reason to fail a write).
    func recordBook() -> RecordBook? {
        if let cache = RecordBookCache.read(in: layout, journal: journalID),
            let book = try? caughtUp(cache)
        {
            return book
        }
        // Streamed from the store: the book keeps records, not the sessions.
        var book = RecordBook()
        let catalog = catalog
        do {
            try forEachSession(matching: SessionFilter()) { session in
                book.offer(session, catalog: catalog)
                return true
            }
        } catch {
            return nil
        }
        return book
    }

    /// Keeps `book` as the records of everything read so far.
    func keep(_ book: RecordBook) {
        RecordBookCache(journal: journalID, watermark: watermark, book: book).write(in: layout)
    }

    /// The cached book with the sessions written since offered to it; `nil` when one of the
    /// events since could lower a record (a session that holds one changed, or an exercise it
    /// has was defined again), which only a full computation answers.
    private func caughtUp(_ cache: RecordBookCache) throws -> RecordBook? {
        if cache.watermark == watermark { return cache.book }
        // Never past what this state has read: the cache was written by a state at most as far.
        for (file, offset) in cache.watermark where offset > watermark[file] ?? -1 { return nil }
        let contents = try LogReader.read(layout, since: cache.watermark)
        guard contents.continuous, contents.problems.isEmpty else { return nil }
        var book = cache.book
        var touched: [String] = []
        var seen: Set<String> = []
        for event in contents.events {
            switch event.body {
            case .sessionLogged, .sessionAmended, .sessionDeleted, .sessionRestored, .conflictResolved:
                if book.holdsRecord(session: event.entity) { return nil }
                if seen.insert(event.entity).inserted { touched.append(event.entity) }
            case .exerciseDefined(let exercise):
                if book.covers(exercise: exercise.id) { return nil }
            case .routineDefined, .profileSet, .deviceNamed, .journalJoined:
                continue
            default:
                return nil
            }
        }
        let catalog = state.catalog
        for id in touched {
            try loadFromSnapshot(id)
            guard !state.isDeleted(id), let session = state.session(id: id) else { continue }
            book.offer(session, catalog: catalog)
        }
        return book
    }
}
