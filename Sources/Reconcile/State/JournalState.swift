import EventLog
import JournalModel

/// The journal as a person sees it: the fold of every event, by any device, in the total order
/// `(hlc, dev, seq)` (DESIGN §5).
///
/// Each field is a last-writer-wins register keyed by that order, and events are deduplicated
/// by id, so applying the same set of events in any order, any number of times, gives the same
/// state. Merging another device's log is applying its events.
public struct JournalState: Sendable {
    package private(set) var records: [String: SessionRecord] = [:]
    package private(set) var customExercises: [String: Register<Exercise>] = [:]
    package private(set) var customRoutines: [String: Register<Routine>] = [:]
    package private(set) var profileRegister: Register<Profile>?
    /// Each device's readable name, from its `device.named` events.
    package private(set) var deviceNames: [String: Register<String>] = [:]
    /// The groups of journal ids joined by `journal.joined` events.
    package private(set) var joinedJournals: Set<JournalJoin> = []
    package private(set) var histories: [String: EntityHistory] = [:]
    /// Ids of every event applied.
    package private(set) var applied: Set<String> = []
    /// The newest hybrid-clock time applied.
    public private(set) var latest: HLC = .zero
    /// Events applied, per device: the highest seq.
    public private(set) var deviceHeads: [String: UInt64] = [:]

    /// Creates the empty state: no sessions, no custom catalog entries, the default profile.
    public init() {}

    /// Folds `events` (any order) into a new state.
    public init(folding events: some Collection<Event>) {
        self.init()
        applied.reserveCapacity(events.count)
        records.reserveCapacity(events.count)
        for event in events { apply(event) }
    }

    /// Makes room for `count` more events about as many sessions (a large import), so the
    /// tables grow once.
    package mutating func reserveCapacity(forMore count: Int) {
        records.reserveCapacity(records.count + count)
        applied.reserveCapacity(applied.count + count)
    }

    /// Applies one event; an event already applied (same id) changes nothing.
    public mutating func apply(_ event: Event) {
        guard applied.insert(event.id).inserted else { return }
        if event.hlc > latest { latest = event.hlc }
        deviceHeads[event.device] = max(deviceHeads[event.device] ?? 0, event.seq)
        let stamp = event.order
        switch event.body {
        case .sessionLogged, .sessionAmended, .sessionDeleted, .sessionRestored, .conflictResolved:
            // Mutated in place: a copy of the record per event would dominate a cold open.
            if records[event.entity] == nil {
                var record = SessionRecord(id: event.entity)
                // Events of other types that arrived first count for its heads.
                if let earlier = histories.removeValue(forKey: event.entity) {
                    record.history = earlier
                }
                records[event.entity] = record
            }
            records[event.entity, default: SessionRecord(id: event.entity)].apply(
                event, stamp: stamp)
            return
        default:
            break
        }
        // Every event counts for its entity's heads, whatever its type (a type this version
        // does not know, such as a later conflict resolution, still supersedes its parents).
        if records[event.entity] != nil {
            records[event.entity, default: SessionRecord(id: event.entity)].history.record(event)
        } else {
            histories[event.entity, default: EntityHistory()].record(event)
        }
        switch event.body {
        case .exerciseDefined(let exercise):
            customExercises[exercise.id].write(exercise, stamp: stamp)
        case .routineDefined(let routine):
            customRoutines[routine.id].write(routine, stamp: stamp)
        case .profileSet(let profile):
            profileRegister.write(profile, stamp: stamp)
        case .deviceNamed(let name):
            deviceNames[event.device].write(name.name, stamp: stamp)
        case .journalJoined(let join):
            joinedJournals.insert(join)
        case .unknown, .sessionLogged, .sessionAmended, .sessionDeleted, .sessionRestored,
            .conflictResolved:
            break
        }
    }

    // MARK: - Reading the state

    /// Every visible session (logged, not deleted), oldest first (by start, then id).
    public var sessions: [Session] {
        chronologicalIDs().compactMap { records[$0]?.session }
    }

    /// The ids of the visible sessions, oldest first (by start, then id); sorting keys instead
    /// of sessions lets `list --last N` build only N sessions.
    package func chronologicalIDs() -> [String] {
        var keys: [(start: Int64, id: String)] = []
        keys.reserveCapacity(records.count)
        for record in records.values where record.isVisible {
            if let start = record.start { keys.append((start.value.epochSeconds, record.id)) }
        }
        keys.sort { $0.start != $1.start ? $0.start < $1.start : $0.id < $1.id }
        return keys.map(\.id)
    }

    /// The session with this id, including a deleted one.
    public func session(id: String) -> Session? { records[id]?.session }

    /// `true` if the session exists and is deleted.
    public func isDeleted(_ id: String) -> Bool { records[id]?.deleted?.value == true }

    /// All session ids known, visible or deleted (for prefix lookup).
    public var sessionIDs: [String] { records.keys.filter { records[$0]?.logged == true }.sorted() }

    /// The history heads of an entity (the `parents` of the next write to it).
    public func heads(of entity: String) -> [String] {
        records[entity]?.history.heads ?? histories[entity]?.heads ?? []
    }

    /// The custom exercises and routines plus the built-in ones.
    public var catalog: Catalog {
        Catalog(
            custom: customExercises.values.map(\.value).sorted { $0.id < $1.id },
            routines: customRoutines.values.map(\.value).sorted { $0.id < $1.id })
    }

    /// `true` when `a` and `b` are the same journal id, or were joined, directly or through
    /// other joins (`journal.joined`).
    public func isSameJournal(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var reached: Set<String> = [a]
        var grew = true
        while grew {
            grew = false
            for join in joinedJournals where join.journals.contains(where: reached.contains) {
                for id in join.journals where reached.insert(id).inserted { grew = true }
            }
        }
        return reached.contains(b)
    }

    /// The readable name of a device, when it has written one.
    public func name(ofDevice device: String) -> String? { deviceNames[device]?.value }

    /// The person's conditions.
    public var profile: Profile { profileRegister?.value ?? Profile(conditions: []) }

    /// Order of `list`: by start instant, then id.
    public static func chronological(_ lhs: Session, _ rhs: Session) -> Bool {
        if lhs.start.epochSeconds != rhs.start.epochSeconds {
            return lhs.start.epochSeconds < rhs.start.epochSeconds
        }
        return lhs.id < rhs.id
    }
}
