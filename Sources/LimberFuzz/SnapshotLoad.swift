import EventLog
import JournalModel
import Reconcile

/// A warm open of a journal from its snapshot, step for step as `Journal.openWarm`,
/// `loadFromSnapshot` and `rewriteSnapshot` do it (`Sources/Limber/Journal+Snapshot.swift`;
/// `LimberFuzz` cannot depend on `Limber`, so the steps are repeated here with the same calls):
/// the other entities' refs are followed into the segments and folded, the log is read from
/// the snapshot's watermark and applied on top, and each session is folded from its refs when
/// asked for.
///
/// Keep it in step with `Journal+Snapshot.swift`.
struct SnapshotLoad {
    /// The snapshot does not match the log (the journal then folds the log again).
    struct Stale: Error {}

    let layout: JournalLayout
    let snapshot: Snapshot
    /// What was folded so far.
    private(set) var state = JournalState()
    /// Every event folded, in order (the targets check each against the log).
    private(set) var applied: [Event] = []
    private var refReader: SnapshotRefReader

    /// Maps the snapshot at `path` for the journal at `layout`; `nil` when the snapshot is
    /// rejected on open.
    init?(layout: JournalLayout, path: String, journal: String) {
        guard let snapshot = Snapshot(path: path, journal: journal) else { return nil }
        self.layout = layout
        self.snapshot = snapshot
        self.refReader = SnapshotRefReader(layout: layout)
    }

    /// `openWarm`: folds the other entities and the log past the watermark.
    ///
    /// - Returns: `false` when the snapshot has no valid other refs (the journal opens cold).
    /// - Throws: ``Stale`` when the refs or the watermark do not match the log; a
    ///   ``EventLog/JournalError`` when the log cannot be read.
    mutating func open() throws -> Bool {
        guard let others = snapshot.otherRefs else { return false }
        for line in try lines(at: others) {
            guard let event = try? EventDecoding.decode(line) else { throw Stale() }
            fold(event)
        }
        let contents = try LogReader.read(layout, since: snapshot.meta.watermark)
        guard contents.continuous else { throw Stale() }
        for event in contents.events {
            if snapshot.containsEvent(event.id) { continue }
            try loadSession(event.entity)
            fold(event)
        }
        return true
    }

    /// `loadFromSnapshot`: folds a session of the snapshot from its refs, once.
    ///
    /// - Throws: ``Stale`` when its events are not where the snapshot says.
    mutating func loadSession(_ id: String) throws {
        guard state.records[id] == nil, let entry = snapshot.entry(id: id) else { return }
        guard let refs = snapshot.refs(of: entry) else { throw Stale() }
        for line in try lines(at: refs) {
            guard let event = try? EventDecoding.decode(line), event.entity == id else {
                throw Stale()
            }
            fold(event)
        }
    }

    private mutating func fold(_ event: Event) {
        state.apply(event)
        applied.append(event)
    }

    /// The stored lines the refs point at, as the journal follows them.
    private mutating func lines(at refs: [Snapshot.Ref]) throws(Stale) -> [ArraySlice<UInt8>] {
        do { return try refReader.lines(at: refs) } catch { throw Stale() }
    }

    /// `rewriteSnapshot` with nothing on top: the snapshot rebuilt from its own meta, refs,
    /// sessions and event ids; `nil` when an entry or ref is damaged, the snapshot holds more
    /// than `refLimit` refs counted per session, or `SnapshotWriter.build` refuses it.
    func rebuilt(refLimit: Int) -> [UInt8]? {
        var locations: [EventLocation] = []
        func locate(_ refs: [Snapshot.Ref]) -> [Int] {
            refs.map { ref in
                locations.append(EventLocation(ref))
                return locations.count - 1
            }
        }
        guard let others = snapshot.otherRefs, let byExercise = snapshot.exerciseIndex() else {
            return nil
        }
        var exercisesOf: [Int: [String]] = [:]
        for (exercise, positions) in byExercise {
            for position in positions { exercisesOf[position, default: []].append(exercise) }
        }
        let other = locate(others)
        var sessions: [SnapshotWriter.Session] = []
        for index in 0..<snapshot.sessionCount {
            guard let entry = snapshot.chrono(index), let refs = snapshot.refs(of: entry),
                locations.count + refs.count <= refLimit
            else { return nil }
            sessions.append(
                SnapshotWriter.Session(
                    id: entry.id, start: entry.start, visible: entry.visible,
                    deleted: entry.deleted, conflicted: entry.conflicted, events: locate(refs),
                    body: snapshot.body(of: entry), foldOnly: entry.foldOnly,
                    exercises: exercisesOf[index] ?? []))
        }
        let meta = Snapshot.Meta(
            journal: snapshot.meta.journal, watermark: snapshot.meta.watermark,
            seals: snapshot.meta.seals, latest: snapshot.meta.latest, files: [])
        return SnapshotWriter.build(
            meta: meta, locations: locations, sessions: sessions, other: other,
            eventIDs: snapshot.eventIDs)
    }
}
