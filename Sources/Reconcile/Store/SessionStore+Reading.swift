import EventLog
import JournalModel

extension SessionStore {
    /// Which sessions a whole-history question reads: starts in `since ..< until`, with an
    /// entry of `exercise`; `nil` leaves a bound out.
    package struct Selection: Sendable, Hashable {
        /// The earliest start (epoch seconds) included.
        package var since: Int64?
        /// The first start (epoch seconds) no longer included.
        package var until: Int64?
        /// Only sessions with an entry of this exercise id.
        package var exercise: String?

        /// Describes which sessions to read.
        package init(since: Int64? = nil, until: Int64? = nil, exercise: String? = nil) {
            self.since = since
            self.until = until
            self.exercise = exercise
        }

        func admits(_ start: Int64) -> Bool {
            if let since, start < since { return false }
            if let until, start >= until { return false }
            return true
        }

        func admits(_ session: Session) -> Bool {
            guard admits(session.start.epochSeconds) else { return false }
            guard let exercise else { return true }
            return session.entries.contains { $0.exercise == exercise }
        }
    }

    /// The session as the person sees it, deleted or not; `nil` when no session has this id
    /// (or it is not logged yet). A snapshot session is decoded from its folded form, not
    /// folded from the log.
    ///
    /// - Throws: ``SnapshotStale`` when the snapshot's folded form is damaged.
    package func session(id: String) throws -> Session? {
        if let record = state.records[id] { return record.session }
        guard let snapshot, let entry = snapshot.entry(id: id) else { return nil }
        return try session(of: entry, in: snapshot)
    }

    /// The session of a chronological entry: decoded from its folded form, or folded from its
    /// events when the snapshot keeps only those; `nil` when it is not logged.
    private func session(of entry: Snapshot.ChronoEntry, in snapshot: Snapshot) throws -> Session? {
        if entry.foldOnly {
            try load(entry.id)
            return state.records[entry.id]?.session
        }
        guard entry.hasBody else { return nil }
        guard let session = snapshot.session(of: entry) else { throw SnapshotStale() }
        return session
    }

    /// `true` when the session is logged and deleted.
    package func isDeleted(_ id: String) -> Bool {
        if state.records[id] != nil { return state.isDeleted(id) }
        return snapshot?.entry(id: id)?.deleted == true
    }

    /// `true` when the session has unresolved concurrent edits.
    package func isConflicted(_ id: String) throws -> Bool {
        if let record = state.records[id] { return !record.conflicts.isEmpty }
        guard snapshot?.entry(id: id)?.conflicted == true else { return false }
        try load(id)
        return state.records[id]?.conflicts.isEmpty == false
    }

    /// Every unresolved conflict, by session then field: the snapshot's conflicted sessions
    /// (from their index) and those read on top of it are folded, no other.
    package func conflicts() throws -> [SessionConflict] {
        if let snapshot {
            for position in snapshot.conflictedIndexes {
                guard let entry = snapshot.chrono(position) else { throw SnapshotStale() }
                try load(entry.id)
            }
        }
        return state.records.values.filter { $0.writes.count >= 2 }
            .flatMap(\.conflicts)
            .sorted { ($0.session, $0.field) < ($1.session, $1.field) }
    }

    /// Hands every visible session in `range` to `body`, oldest first (by start, then id), or
    /// newest first; stops when `body` returns `false`.
    ///
    /// Sessions the snapshot covers are decoded one at a time from their folded form (the
    /// index by exercise and the chronological order narrow them first), so memory stays that
    /// of one session whatever the journal's size; those read on top of the snapshot come from
    /// the state, merged into the same order.
    ///
    /// - Throws: ``SnapshotStale`` when the snapshot's folded forms are damaged; what `body`
    ///   throws.
    package func forEachSession(
        in range: Selection = Selection(), newestFirst: Bool = false, _ body: (Session) throws -> Bool
    ) throws {
        // Sessions of the state (read on top of the snapshot, or loaded from it; all of them
        // after a cold open), ordered by their keys: a session is built only when handed out.
        var loaded = stateKeys(in: range)
        loaded.sort { $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id }
        if newestFirst { loaded.reverse() }
        var next = 0
        func before(_ key: (start: Int64, id: String), _ session: Session) -> Bool {
            let other = (session.start.epochSeconds, session.id)
            return newestFirst ? other < key : key < other
        }
        /// Hands out the next loaded session; `false` when `body` says stop.
        func handNext() throws -> Bool {
            defer { next += 1 }
            guard let session = state.records[loaded[next].id]?.session, range.admits(session)
            else { return true }
            return try body(session)
        }
        if let snapshot {
            var read = 0
            for position in try positions(in: range, of: snapshot, newestFirst: newestFirst) {
                read += 1
                if read % Self.pagesReleaseInterval == 0 { snapshot.releasePages() }
                guard let entry = snapshot.chrono(position) else { throw SnapshotStale() }
                guard entry.visible, range.admits(entry.start),
                    state.records[entry.id] == nil
                else { continue }
                guard let session = try session(of: entry, in: snapshot) else {
                    throw SnapshotStale()
                }
                // The index is the cache's word: the session itself must have the exercise.
                guard range.admits(session) else { continue }
                while next < loaded.count, before(loaded[next], session) {
                    guard try handNext() else { return }
                }
                guard try body(session) else { return }
            }
        }
        while next < loaded.count {
            guard try handNext() else { return }
        }
    }

    /// The start and id of every visible session of the state whose start is in `range` (its
    /// exercise unchecked), unordered. The records are read in place: a `for record in` loop
    /// copied each of them.
    private func stateKeys(in range: Selection) -> [(start: Int64, id: String)] {
        var keys: [(start: Int64, id: String)] = []
        let records = state.records.values
        for position in records.indices where records[position].isVisible {
            guard let start = records[position].start?.value.epochSeconds, range.admits(start)
            else { continue }
            keys.append((start, records[position].id))
        }
        return keys
    }

    /// Sessions read from the snapshot between two ``Snapshot/releasePages()``: a pass over
    /// every session keeps about this many sessions' pages resident (about 2 MB).
    static let pagesReleaseInterval = 8192

    /// How many visible sessions `range` holds, counted from the indexes (a session is decoded
    /// only to check it has the exercise its index names).
    package func count(in range: Selection = Selection()) throws -> Int {
        var count = 0
        for key in stateKeys(in: range) {
            // A session is built only when the exercise must be checked.
            if range.exercise != nil, state.records[key.id]?.session.map(range.admits) != true {
                continue
            }
            count += 1
        }
        guard let snapshot else { return count }
        for position in try positions(in: range, of: snapshot, newestFirst: false) {
            guard let entry = snapshot.chrono(position) else { throw SnapshotStale() }
            guard entry.visible, range.admits(entry.start), state.records[entry.id] == nil else {
                continue
            }
            // An exercise's index is checked against the sessions, as when they are read.
            if range.exercise != nil {
                guard let session = try session(of: entry, in: snapshot), range.admits(session)
                else { continue }
            }
            count += 1
        }
        return count
    }

    /// The ids of the snapshot's visible sessions that may be one session logged twice: with
    /// `neighbours`, each that starts within `window` seconds of the visible session before or
    /// after it in the chronological index; and each that starts within `window` of one of
    /// `starts` (sessions read on top of the snapshot). The starts are read from the index
    /// alone, and only a candidate's id (a conflict check on 100k sessions read every entry:
    /// 9.3 M instructions, now 1.5 M).
    ///
    /// - Throws: ``SnapshotStale`` when an index entry is damaged.
    package func snapshotCandidates(near starts: [Int64], within window: Int64, neighbours: Bool)
        throws -> Set<String>
    {
        guard let snapshot else { return [] }
        let visible = try firstPosition(of: snapshot) { !$0.visible }
        var positions = neighbours ? snapshot.closeNeighbours(within: window, below: visible) : []
        for start in starts {
            let (low, overflowLow) = start.subtractingReportingOverflow(window)
            let (high, overflowHigh) = start.addingReportingOverflow(window)
            let first = try firstPosition(of: snapshot, below: visible) {
                overflowLow || $0.start >= low
            }
            let end = try firstPosition(of: snapshot, below: visible) {
                !overflowHigh && $0.start > high
            }
            positions.append(contentsOf: first..<max(first, end))
        }
        var ids: Set<String> = []
        for position in positions {
            guard let entry = snapshot.chrono(position) else { throw SnapshotStale() }
            ids.insert(entry.id)
        }
        return ids
    }

    /// The chronological positions that may hold sessions of `range`: the exercise's index,
    /// or the visible sessions between the bounds (found by binary search on their starts).
    private func positions(in range: Selection, of snapshot: Snapshot, newestFirst: Bool) throws
        -> ChronoPositions
    {
        if let exercise = range.exercise {
            // Positions in ascending order, each once: anything else is a damaged index.
            guard let indexes = snapshot.indexes(withExercise: exercise),
                zip(indexes, indexes.dropFirst()).allSatisfy({ $0 < $1 })
            else { throw SnapshotStale() }
            return ChronoPositions(indexes, newestFirst: newestFirst)
        }
        let visible = try firstPosition(of: snapshot) { !$0.visible }
        let low = try range.since.map { since in
            try firstPosition(of: snapshot, below: visible) { $0.start >= since }
        } ?? 0
        let high = try range.until.map { until in
            try firstPosition(of: snapshot, below: visible) { $0.start >= until }
        } ?? visible
        return ChronoPositions(low..<max(low, high), newestFirst: newestFirst)
    }

    /// The first position below `end` whose entry `isPast` holds for, where it holds for every
    /// entry after one it holds for (a partition point).
    private func firstPosition(
        of snapshot: Snapshot, below end: Int? = nil, _ isPast: (Snapshot.ChronoEntry) -> Bool
    ) throws -> Int {
        var low = 0
        var high = end ?? snapshot.sessionCount
        while low < high {
            let middle = (low + high) / 2
            guard let entry = snapshot.chrono(middle) else { throw SnapshotStale() }
            if isPast(entry) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
