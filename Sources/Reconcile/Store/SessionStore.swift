import EventLog
import JournalModel

/// The snapshot does not match the log any more (a segment was replaced, a ref points at
/// other bytes): the log is folded again.
package struct SnapshotStale: Error {
    package init() {}
}

/// The folded journal and the derived cache behind it: the state read so far, the snapshot
/// in `local/cache/` it was read on top of, and how far each segment has been read.
///
/// A warm open maps the snapshot and reads only the log written since; a cold one (no
/// snapshot, or one that no longer matches the log) folds the whole log and writes a new
/// snapshot. Sessions the snapshot covers are read from it on demand: for display from their
/// folded copy, for a change from their own stored events (folded into ``state``). The store is
/// derived: deleting `local/cache/` only costs time, and a snapshot that disagrees with the log
/// is noticed (``SnapshotStale``) and rebuilt.
///
/// Not thread-safe: one store per process, used from one thread.
package final class SessionStore {
    /// The journal's folders and files.
    package let layout: JournalLayout
    /// The id of the journal (a snapshot of another journal is ignored).
    package let journalID: String
    /// This machine's device, read first by a cold open (DESIGN §4: of two events with one
    /// id, the other device's is the later arrival).
    private let ownDevice: String?
    /// The damage found by each read of the log, not yet taken (``takeProblems()``).
    private var problems: [[LogProblem]] = []

    /// The loaded part of the state: every session read from the log since the snapshot, every
    /// session loaded from the snapshot for a change, and all catalog and profile events.
    package private(set) var state = JournalState()
    /// How far each segment has been read into `state` (or the snapshot).
    package private(set) var watermark: LogReader.Watermark = [:]
    /// The snapshot sessions not yet in `state` are read from; `nil` without one.
    package internal(set) var snapshot: Snapshot?
    /// Events applied on top of the snapshot.
    package internal(set) var eventsSinceSnapshot = 0
    /// Where the events applied on top of the snapshot are stored, for an incremental rewrite.
    var eventsOnTop: [(id: String, entity: String, location: EventLocation)] = []
    /// This process appended events whose locations are not in ``eventsOnTop``: a snapshot
    /// written now would claim to cover them, so none is until the next open.
    var unlocatedWrites = false
    /// The watermark of the snapshot a cold open wrote (and did not map), so that an import
    /// can rewrite it with its events on top.
    var coldSnapshotWatermark: LogReader.Watermark?
    /// Follows the snapshot's refs (members read for snapshot sessions are kept).
    var refReader: SnapshotRefReader

    /// After this many events on top of it, the snapshot is rewritten on open (incrementally:
    /// its refs and folded sessions are copied, no event is parsed again), so every command
    /// stays O(new events).
    package static let rebuildThreshold = 64

    /// The snapshot file.
    var snapshotPath: String { layout.cache + "/snapshot" }

    /// Opens the store of the journal at `layout`: warm from its snapshot, else cold.
    ///
    /// - Parameters:
    ///   - journalID: The journal's id, from its manifest.
    ///   - ownDevice: This machine's device id, when it has one.
    /// - Throws: ``JournalError`` when the log cannot be read at all.
    package init(layout: JournalLayout, journalID: String, ownDevice: String?) throws {
        self.layout = layout
        self.journalID = journalID
        self.ownDevice = ownDevice
        self.refReader = SnapshotRefReader(layout: layout)
        if try !openWarm() { try openCold() }
    }

    // MARK: - Reading the log

    /// Maps the snapshot and catches up with the log; `false` when the snapshot is unusable.
    private func openWarm() throws -> Bool {
        // Nothing under local/ is followed: a linked cache folder is not read.
        guard FileSystem.kind(of: layout.local) == .directory,
            FileSystem.kind(of: layout.cache) == .directory,
            let snapshot = Snapshot(path: snapshotPath, journal: journalID),
            let others = snapshot.otherRefs,
            // A segment replaced under the snapshot: its refs and folded sessions are not
            // the log's any more.
            SegmentSeals.hold(layout, snapshot.meta.watermark, snapshot.meta.seals)
        else { return false }
        self.snapshot = snapshot
        do {
            for line in try lines(at: others) { state.apply(try EventDecoding.decode(line)) }
            let contents = try LogReader.read(layout, since: snapshot.meta.watermark)
            guard contents.continuous else { throw SnapshotStale() }
            report(contents.problems)
            try apply(contents)
        } catch is SnapshotStale {
            forgetSnapshot()
            return false
        } catch let error as JournalError {
            throw error
        } catch {
            forgetSnapshot()
            return false
        }
        if eventsSinceSnapshot > Self.rebuildThreshold {
            rewriteSnapshot(snapshot)
        }
        return true
    }

    /// Folds the whole log and writes a snapshot of it (best effort: it is only a cache).
    private func openCold() throws {
        let contents = try LogReader.read(layout, ownDeviceFirst: ownDevice)
        report(contents.problems)
        state = JournalState(folding: contents.events)
        watermark = contents.watermark
        snapshot = nil
        eventsSinceSnapshot = 0
        coldSnapshotWatermark = writeSnapshot(contents) ? contents.watermark : nil
    }

    /// Drops the snapshot and folds the whole log.
    package func reopenCold() throws {
        forgetSnapshot()
        try openCold()
    }

    private func forgetSnapshot() {
        snapshot = nil
        state = JournalState()
        watermark = [:]
        refReader = SnapshotRefReader(layout: layout)
        eventsSinceSnapshot = 0
        eventsOnTop = []
        unlocatedWrites = false
        coldSnapshotWatermark = nil
    }

    /// Runs `body`; if the snapshot turns out stale, folds the log and runs it again.
    package func recovering<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch is SnapshotStale {
            try reopenCold()
            return try body()
        }
    }

    private func report(_ found: [LogProblem]) {
        if !found.isEmpty { problems.append(found) }
    }

    /// The damage found by each read of the log since the last call, one list per read.
    package func takeProblems() -> [[LogProblem]] {
        defer { problems = [] }
        return problems
    }

    /// Reads what the log gained since the watermark (another process's writes, a merge), or
    /// folds it all again when it shrank (a repair).
    package func catchUp() throws {
        let contents = try LogReader.read(layout, since: watermark)
        if contents.continuous {
            try apply(contents)
        } else {
            try reopenCold()
        }
    }

    /// Applies events read from the log on top of the state (and snapshot).
    package func apply(_ contents: LogReader.Contents) throws {
        try apply(contents.events, at: contents.locations)
        for (file, offset) in contents.watermark { watermark[file] = offset }
    }

    private func apply(_ events: [Event], at locations: [EventLocation]) throws {
        for (event, location) in Swift.zip(events, locations) {
            if let snapshot, snapshot.containsEvent(event.id) { continue }
            try load(event.entity)
            state.apply(event)
            eventsSinceSnapshot += 1
            eventsOnTop.append((event.id, event.entity, location))
        }
    }

    /// Applies the events a merge just copied into the log, from the plan that verified them,
    /// instead of reading the copied members again (``catchUp()`` then reads only what else
    /// arrived).
    ///
    /// - Parameters:
    ///   - locations: Where each event now is.
    ///   - spans: The bytes the merge wrote to each segment.
    /// - Returns: `false`, applying nothing, when the state had not read a segment exactly up
    ///   to where the merge wrote to it: ``catchUp()`` must read it.
    package func applyCopied(
        _ events: [Event], at locations: [EventLocation], spans: [String: Range<Int>]
    ) throws -> Bool {
        guard events.count == locations.count,
            spans.allSatisfy({ (watermark[$0.key] ?? 0) == $0.value.lowerBound })
        else { return false }
        if events.count > 1_000 { state.reserveCapacity(forMore: events.count) }
        try apply(events, at: locations)
        for (file, span) in spans { watermark[file] = span.upperBound }
        return true
    }

    /// The entities of the events read or written on top of the snapshot (with repeats).
    package var entitiesOnTop: [String] { eventsOnTop.map(\.entity) }

    /// Whether the journal holds an event with this id (read or in the snapshot).
    package func hasEvent(_ id: String) -> Bool {
        state.applied.contains(id) || snapshot?.containsEvent(id) == true
    }

    // MARK: - Writing

    /// Applies events this process just appended one commit at a time, whose places the
    /// writer does not return: no snapshot is written until the next open (it would claim
    /// events it cannot point at).
    ///
    /// Cannot fail: the events are on disk, and a failure here would make a caller's retry
    /// append them again. The command loaded the sessions it changes before it wrote.
    package func applyAppended(_ events: [Event]) {
        for event in events { state.apply(event) }
        noteOnTopOfSnapshot(events, at: nil)
    }

    /// Applies one event of a batch as it is encoded, before the batch is on disk (an import
    /// folds while its last members compress); ``noteOnTopOfSnapshot(_:at:)`` follows once it
    /// is, or ``reopenCold()`` when the batch failed.
    package func applyPending(_ events: [Event]) {
        if events.count > 1_000 { state.reserveCapacity(forMore: events.count) }
        for event in events { state.apply(event) }
    }

    /// Records events this process wrote (with where they are) as on top of the snapshot, as
    /// if read from the log, so that ``refreshSnapshot()`` can point the snapshot at them.
    package func noteOnTopOfSnapshot(_ events: [Event], at locations: [EventLocation]?) {
        guard let locations, locations.count == events.count else {
            unlocatedWrites = true
            return
        }
        for (event, location) in Swift.zip(events, locations) {
            eventsOnTop.append((event.id, event.entity, location))
        }
        eventsSinceSnapshot += events.count
    }

    /// Everything before an append was read under the lock, so the new end of the written
    /// segment is exactly how far this state has read it.
    package func advance(_ segment: String, to size: Int) { watermark[segment] = size }

    /// Runs `body` with `preview` as the state (a dry run's), then puts the real one back.
    package func withState<Result>(_ preview: JournalState, _ body: () throws -> Result) rethrows
        -> Result
    {
        let saved = state
        defer { state = saved }
        state = preview
        return try body()
    }

    // MARK: - Sessions of the snapshot

    /// Makes sure a snapshot session is folded into `state` before it is changed or its
    /// registers are read.
    ///
    /// - Throws: ``SnapshotStale`` when its events are not where the snapshot says.
    package func load(_ id: String) throws {
        guard let snapshot, state.records[id] == nil, let entry = snapshot.entry(id: id) else {
            return
        }
        guard let refs = snapshot.refs(of: entry) else { throw SnapshotStale() }
        for line in try lines(at: refs) {
            guard let event = try? EventDecoding.decode(line), event.entity == id else {
                throw SnapshotStale()
            }
            state.apply(event)
        }
    }

    /// The stored lines the refs point at.
    func lines(at refs: [Snapshot.Ref]) throws(SnapshotStale) -> [ArraySlice<UInt8>] {
        do { return try refReader.lines(at: refs) } catch { throw SnapshotStale() }
    }
}
