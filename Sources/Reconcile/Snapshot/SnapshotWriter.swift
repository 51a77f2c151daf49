import EventLog
import FoundationEssentials
import Glibc
import JournalModel

/// Builds the bytes of a snapshot (see ``SnapshotLayout``).
package enum SnapshotWriter {
    /// One session of the snapshot.
    package struct Session {
        /// The session id; must be exactly ``SnapshotLayout/idSize`` bytes of UTF-8 to be stored.
        package var id: String
        /// Start (epoch seconds) of the session as folded; `Int64.max` when not yet logged.
        package var start: Int64
        /// Whether the session is logged and not deleted; visible sessions come first in the
        /// chronological index.
        package var visible: Bool
        /// Whether the session is logged and deleted.
        package var deleted: Bool
        /// Whether the session has unresolved concurrent edits.
        package var conflicted: Bool
        /// Where its events are stored (indexes into the `locations` given to `build`).
        package var events: [Int]
        /// The folded session in ``SessionCodec``'s form; empty when it is not logged or
        /// not encodable.
        package var body: [UInt8]
        /// Whether the session is logged but not encodable: read from its events.
        package var foldOnly: Bool
        /// The exercises of its entries (indexed for a visible session).
        package var exercises: [String]

        /// Describes one session to store.
        ///
        /// - Parameters:
        ///   - id: The session id (``SnapshotLayout/idSize`` bytes).
        ///   - start: Its start in epoch seconds, or `Int64.max` when not yet logged.
        ///   - visible: Whether it is logged and not deleted.
        ///   - deleted: Whether it is logged and deleted.
        ///   - conflicted: Whether it has unresolved concurrent edits.
        ///   - events: The indexes of its events in the `locations` given to `build`.
        ///   - body: Its folded form (``SessionCodec``), empty when not logged.
        ///   - foldOnly: Whether it is logged but not encodable (`body` is then empty).
        ///   - exercises: The exercises of its entries.
        package init(
            id: String, start: Int64, visible: Bool, deleted: Bool, conflicted: Bool,
            events: [Int], body: [UInt8], foldOnly: Bool = false, exercises: [String]
        ) {
            self.id = id
            self.start = start
            self.visible = visible
            self.deleted = deleted
            self.conflicted = conflicted
            self.events = events
            self.body = body
            self.foldOnly = foldOnly
            self.exercises = exercises
        }
    }

    /// The snapshot bytes, or `nil` when an id does not fit the fixed-width indexes (a journal
    /// with foreign ids simply runs without a snapshot).
    ///
    /// - Parameters:
    ///   - locations: Where every event is stored.
    ///   - sessions: The sessions, each naming its events by index into `locations`.
    ///   - other: The indexes of the events of other entities.
    package static func build(
        meta: Snapshot.Meta, locations: [EventLocation], sessions: [Session], other: [Int],
        eventIDs: [String]
    ) -> [UInt8]? {
        guard sessions.allSatisfy({ $0.id.utf8.count == SnapshotLayout.idSize }),
            eventIDs.allSatisfy({ $0.utf8.count == SnapshotLayout.idSize }),
            sessions.count < Int(UInt32.max),
            sessions.allSatisfy({ $0.body.count < Int(UInt32.max) })
        else { return nil }
        var files: [String] = []
        var fileIndex: [String: Int] = [:]
        for location in locations where fileIndex[location.file] == nil {
            fileIndex[location.file] = files.count
            files.append(location.file)
        }
        var meta = meta
        meta.files = files
        guard let metaBytes = try? JSONCoding.encoder().encode(meta) else { return nil }
        // Indexes are sorted, not the sessions (each holds arrays: moving them costs).
        let order = sessions.indices.sorted { left, right in
            let lhs = sessions[left], rhs = sessions[right]
            if lhs.visible != rhs.visible { return lhs.visible }
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            return lhs.id < rhs.id
        }
        let ordered = order.lazy.map { sessions[$0] }
        var refs: [UInt8] = []
        refs.reserveCapacity(locations.count * SnapshotLayout.refSize)
        var refCount = 0
        func appendRef(_ index: Int) {
            let location = locations[index]
            append32(&refs, UInt32(fileIndex[location.file] ?? 0))
            append32(&refs, UInt32(location.line))
            append(&refs, UInt64(location.memberOffset))
            append32(&refs, UInt32(location.memberSize))
            append32(&refs, 0)
            refCount += 1
        }
        var chrono: [UInt8] = []
        chrono.reserveCapacity(ordered.count * SnapshotLayout.chronoEntrySize)
        var bodies: [UInt8] = []
        bodies.reserveCapacity(sessions.reduce(0) { $0 + $1.body.count })
        var byExercise: [String: [Int]] = [:]
        var conflicted: [UInt8] = []
        for (position, session) in ordered.enumerated() {
            let first = refCount
            for index in session.events { appendRef(index) }
            append(&chrono, UInt64(bitPattern: session.start))
            append(&chrono, UInt64(first))
            append32(&chrono, UInt32(refCount - first))
            var flags: UInt32 = 0
            if session.visible { flags |= SnapshotLayout.visibleFlag }
            if session.deleted { flags |= SnapshotLayout.deletedFlag }
            if session.foldOnly { flags |= SnapshotLayout.foldOnlyFlag }
            if session.conflicted {
                flags |= SnapshotLayout.conflictedFlag
                append32(&conflicted, UInt32(position))
            }
            append32(&chrono, flags)
            chrono.append(contentsOf: session.id.utf8)
            append32(&chrono, UInt32(session.body.count))
            append(&chrono, UInt64(bodies.count))
            bodies.append(contentsOf: session.body)
            if session.visible {
                for (index, exercise) in session.exercises.enumerated()
                where !session.exercises[..<index].contains(exercise) {
                    byExercise[exercise, default: []].append(position)
                }
            }
        }
        var exercises: [UInt8] = []
        for (exercise, positions) in byExercise.sorted(by: { $0.key < $1.key }) {
            append32(&exercises, UInt32(exercise.utf8.count))
            exercises.append(contentsOf: exercise.utf8)
            append32(&exercises, UInt32(positions.count))
            for position in positions { append32(&exercises, UInt32(position)) }
        }
        let otherOffset = refCount
        for index in other { appendRef(index) }
        // Ids are sorted as bytes (what the reader's binary search compares), not as Strings.
        let sessionIDs = FixedIDs(order.map { sessions[$0].id })
        var ids: [UInt8] = []
        ids.reserveCapacity(ordered.count * SnapshotLayout.idEntrySize)
        for index in sessionIDs.sortedIndices() {
            ids.append(contentsOf: sessionIDs.bytes(at: index))
            append32(&ids, UInt32(index))
        }
        let allEvents = FixedIDs(eventIDs)
        var events: [UInt8] = []
        events.reserveCapacity(eventIDs.count * SnapshotLayout.idSize)
        var previous: ArraySlice<UInt8>?
        for index in allEvents.sortedIndices() {
            let id = allEvents.bytes(at: index)
            if id == previous { continue }
            events.append(contentsOf: id)
            previous = id
        }

        var fields = [Int](repeating: 0, count: SnapshotLayout.Field.allCases.count)
        var offset = SnapshotLayout.headerSize
        func place(_ count: Int, _ field: SnapshotLayout.Field) {
            fields[field.rawValue] = offset
            offset += count
        }
        place(metaBytes.count, .metaOffset)
        fields[SnapshotLayout.Field.metaLength.rawValue] = metaBytes.count
        place(refs.count, .refsOffset)
        fields[SnapshotLayout.Field.refCount.rawValue] = refCount
        fields[SnapshotLayout.Field.otherOffset.rawValue] = otherOffset
        fields[SnapshotLayout.Field.otherLength.rawValue] = refCount - otherOffset
        place(chrono.count, .chronoOffset)
        fields[SnapshotLayout.Field.sessionCount.rawValue] = ordered.count
        place(ids.count, .idsOffset)
        place(events.count, .eventsOffset)
        fields[SnapshotLayout.Field.eventCount.rawValue] = events.count / SnapshotLayout.idSize
        place(bodies.count, .bodiesOffset)
        fields[SnapshotLayout.Field.bodiesLength.rawValue] = bodies.count
        place(exercises.count, .exercisesOffset)
        fields[SnapshotLayout.Field.exercisesLength.rawValue] = exercises.count
        place(conflicted.count, .conflictedOffset)
        fields[SnapshotLayout.Field.conflictedCount.rawValue] = conflicted.count / 4

        var file = SnapshotLayout.magic
        file.reserveCapacity(offset)
        for value in fields { append(&file, UInt64(value)) }
        file.append(
            contentsOf: [UInt8](repeating: 0, count: SnapshotLayout.headerSize - file.count))
        file.append(contentsOf: metaBytes)
        file.append(contentsOf: refs)
        file.append(contentsOf: chrono)
        file.append(contentsOf: ids)
        file.append(contentsOf: events)
        file.append(contentsOf: bodies)
        file.append(contentsOf: exercises)
        file.append(contentsOf: conflicted)
        return file
    }

    /// Ids of `SnapshotLayout.idSize` bytes, packed, sortable with `memcmp`.
    private struct FixedIDs {
        var storage: [UInt8] = []
        let count: Int

        init(_ ids: [String]) {
            count = ids.count
            storage.reserveCapacity(ids.count * SnapshotLayout.idSize)
            for id in ids { storage.append(contentsOf: id.utf8) }
        }

        func bytes(at index: Int) -> ArraySlice<UInt8> {
            storage[(index * SnapshotLayout.idSize)..<((index + 1) * SnapshotLayout.idSize)]
        }

        func sortedIndices() -> [Int] {
            storage.withUnsafeBytes { raw -> [Int] in
                guard let base = raw.baseAddress else { return [] }
                return (0..<count).sorted { lhs, rhs in
                    memcmp(
                        base + lhs * SnapshotLayout.idSize, base + rhs * SnapshotLayout.idSize,
                        SnapshotLayout.idSize) < 0
                }
            }
        }
    }

    private static func append(_ bytes: inout [UInt8], _ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func append32(_ bytes: inout [UInt8], _ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
