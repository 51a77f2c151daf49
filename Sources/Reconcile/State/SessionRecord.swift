import EventLog
import JournalModel

/// Everything the fold knows about one session: one register per field and per entry, the
/// deletion register.
package struct SessionRecord: Sendable, Hashable {
    /// The session id: the `entity` of every event folded into this record.
    package let id: String
    /// When the session started; `nil` until an event set it.
    package var start: Register<LocalTimestamp>?
    /// How long the session lasted, in seconds; the register holds `nil` once a change cleared it.
    package var durationSeconds: Register<Int?>?
    /// The id of the routine followed, if any.
    package var routine: Register<String?>?
    /// The pain score reported before the session.
    package var painBefore: Register<PainScore?>?
    /// The pain score reported after the session.
    package var painAfter: Register<PainScore?>?
    /// The session's free-text notes.
    package var notes: Register<String?>?
    /// Back and leg symptoms before the session.
    package var symptomsBefore: Register<Symptoms?>?
    /// Back and leg symptoms after the session.
    package var symptomsAfter: Register<Symptoms?>?
    /// One register per entry key; a register holding `nil` is an entry removed by an amendment.
    package var entries: [EntryKey: Register<Entry?>] = [:]
    /// Where each entry stands in the session: (event that first wrote it, index in that event).
    package var entryOrder: [EntryKey: EntryPosition] = [:]
    /// Whether the session is deleted: `true` from `session.deleted`, `false` from
    /// `session.restored`, the later in merge order winning; `nil` when neither was seen.
    package var deleted: Register<Bool>?
    /// The events seen for this session, for its heads.
    package var history = EntityHistory()
    /// `true` once the `session.logged` event has been seen.
    package var logged = false
    /// The session's events after its creation (amendments, deletions, restorations,
    /// resolutions), kept to find concurrent writes; most sessions have none.
    package var writes: [SessionWrite] = []
    /// The device that logged the session.
    package var loggedBy: String?
    /// The merge-order position of the earliest `session.logged` (two devices importing one
    /// file both log the session under its derived id).
    package var loggedStamp: EventOrder?
    /// Conflict ids settled for this session (a "keep both" for a possible duplicate leaves
    /// nothing else behind).
    package var settled: Set<String> = []

    /// Creates the empty record of session `id`, before any of its events are applied.
    package init(id: String) { self.id = id }

    /// The position of an entry: by the first event that wrote it, then within that event.
    package struct EntryPosition: Sendable, Hashable, Comparable {
        /// The merge-order position of the first event that wrote the entry.
        package var stamp: EventOrder
        /// The change's index within that event (entry index of a logged session, change index
        /// of a patch).
        package var index: Int
        package static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.stamp, lhs.index) < (rhs.stamp, rhs.index)
        }
    }

    /// `true` when the person changed what the session records after it was logged: an
    /// amendment or a resolution with changes that no import wrote. A deletion or a
    /// restoration alone changes nothing recorded.
    package var changedByPerson: Bool { writes.contains { !$0.byImport && !$0.changes.isEmpty } }

    /// `true` when the session is logged and not deleted.
    package var isVisible: Bool { logged && start != nil && deleted?.value != true }

    /// The session as the person sees it, or `nil` before its `session.logged` arrived.
    package var session: Session? {
        guard logged, let start else { return nil }
        // Positions looked up once, not in every comparison (a cold open builds every session).
        var ordered: [(position: EntryPosition?, key: EntryKey, entry: Entry?)] = []
        ordered.reserveCapacity(entries.count)
        for (key, register) in entries { ordered.append((entryOrder[key], key, register.value)) }
        ordered.sort { lhs, rhs in
            if let left = lhs.position, let right = rhs.position, left != right { return left < right }
            return lhs.key < rhs.key
        }
        return Session(
            id: id, start: start.value, durationSeconds: durationSeconds?.value ?? nil,
            routine: routine?.value ?? nil, painBefore: painBefore?.value ?? nil,
            painAfter: painAfter?.value ?? nil, notes: notes?.value ?? nil,
            entries: ordered.compactMap(\.entry), symptomsBefore: symptomsBefore?.value ?? nil,
            symptomsAfter: symptomsAfter?.value ?? nil)
    }

    /// Applies one session event (and records it for the heads).
    mutating func apply(_ event: Event, stamp: EventOrder) {
        history.record(event)
        switch event.body {
        case .sessionLogged(let session):
            if loggedStamp.map({ stamp < $0 }) ?? true {
                loggedStamp = stamp
                loggedBy = event.device
            }
            applyLogged(session, stamp: stamp)
        case .sessionAmended(let patch):
            applyPatch(patch, stamp: stamp)
            writes.append(
                SessionWrite(event, changes: patch.changes, deleted: nil, byImport: patch.byImport))
        case .sessionDeleted:
            deleted.write(true, stamp: stamp)
            writes.append(SessionWrite(event, changes: [], deleted: true))
        case .sessionRestored:
            deleted.write(false, stamp: stamp)
            writes.append(SessionWrite(event, changes: [], deleted: false))
        case .conflictResolved(let resolution):
            settled.insert(resolution.conflict)
            applyPatch(resolution.patch, stamp: stamp)
            if let value = resolution.deleted { deleted.write(value, stamp: stamp) }
            writes.append(
                SessionWrite(event, changes: resolution.patch.changes, deleted: resolution.deleted))
        default: break
        }
    }

    /// Applies a whole logged session.
    mutating func applyLogged(_ session: Session, stamp: EventOrder) {
        logged = true
        apply(.start(session.start), stamp: stamp, index: 0, creation: true)
        apply(.durationSeconds(session.durationSeconds), stamp: stamp, index: 0, creation: true)
        apply(.routine(session.routine), stamp: stamp, index: 0, creation: true)
        apply(.painBefore(session.painBefore), stamp: stamp, index: 0, creation: true)
        apply(.painAfter(session.painAfter), stamp: stamp, index: 0, creation: true)
        apply(.notes(session.notes), stamp: stamp, index: 0, creation: true)
        apply(.symptomsBefore(session.symptomsBefore), stamp: stamp, index: 0, creation: true)
        apply(.symptomsAfter(session.symptomsAfter), stamp: stamp, index: 0, creation: true)
        // Grown once: a cold open logs every session, and each table grew twice a session.
        entries.reserveCapacity(entries.count + session.entries.count)
        entryOrder.reserveCapacity(entryOrder.count + session.entries.count)
        for (index, entry) in Self.combined(session.entries).enumerated() {
            apply(.entry(EntryKey(entry), entry), stamp: stamp, index: index, creation: true)
        }
    }

    /// Applies an amendment.
    mutating func applyPatch(_ patch: SessionPatch, stamp: EventOrder) {
        for (index, change) in patch.changes.enumerated() {
            apply(change, stamp: stamp, index: index)
        }
    }

    /// Entries logged twice under one key (same exercise and side) are one entry whose sets
    /// follow each other.
    static func combined(_ entries: [Entry]) -> [Entry] {
        var unique = true
        for (index, entry) in entries.enumerated() where unique {
            let key = EntryKey(entry)
            for other in entries[..<index] where EntryKey(other) == key { unique = false }
        }
        if unique { return entries }
        var order: [EntryKey] = []
        var byKey: [EntryKey: Entry] = [:]
        for entry in entries {
            let key = EntryKey(entry)
            if var known = byKey[key] {
                known.sets.append(contentsOf: entry.sets)
                if known.notes == nil { known.notes = entry.notes }
                byKey[key] = known
            } else {
                byKey[key] = entry
                order.append(key)
            }
        }
        return order.compactMap { byKey[$0] }
    }

    /// Applies one field write; `creation` for the fields of a `session.logged`.
    mutating func apply(
        _ change: SessionChange, stamp: EventOrder, index: Int, creation: Bool = false
    ) {
        switch change {
        case .start(let value): start.write(value, stamp: stamp, creation: creation)
        case .durationSeconds(let value):
            durationSeconds.write(value, stamp: stamp, creation: creation)
        case .routine(let value): routine.write(value, stamp: stamp, creation: creation)
        case .painBefore(let value): painBefore.write(value, stamp: stamp, creation: creation)
        case .painAfter(let value): painAfter.write(value, stamp: stamp, creation: creation)
        case .notes(let value): notes.write(value, stamp: stamp, creation: creation)
        case .symptomsBefore(let value):
            symptomsBefore.write(value, stamp: stamp, creation: creation)
        case .symptomsAfter(let value):
            symptomsAfter.write(value, stamp: stamp, creation: creation)
        case .entry(let key, let value):
            entries[key].write(value, stamp: stamp, creation: creation)
            // The earliest position the entry was written at: one lookup, through the
            // dictionary's modify accessor.
            let position = EntryPosition(stamp: stamp, index: index)
            Self.lower(&entryOrder[key, default: position], to: position)
        }
    }

    private static func lower(_ known: inout EntryPosition, to position: EntryPosition) {
        if position < known { known = position }
    }
}
