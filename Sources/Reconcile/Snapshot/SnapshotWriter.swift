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
            if sessions[left].visible != sessions[right].visible { return sessions[left].visible }
            if sessions[left].start != sessions[right].start { return sessions[left].start < sessions[right].start }
            return sessions[left].id < sessions[right].id
        }
        // Sessions are read in place by index (`sessions[index].field`): a copy of each per
        // pass would retain and release all its arrays.
        // The small sections first, so that the file is written in one buffer of its final
        // size: a copy of every section beside it doubled the memory of a large import.
        var byExercise: [String: [Int]] = [:]
        var conflicted: [UInt8] = []
        var refCount = other.count
        var bodiesLength = 0
        for (position, index) in order.enumerated() {
            refCount += sessions[index].events.count
            bodiesLength += sessions[index].body.count
            if sessions[index].conflicted { append32(&conflicted, UInt32(position)) }
            if sessions[index].visible {
                let exercises = sessions[index].exercises
                for (at, exercise) in exercises.enumerated() where !exercises[..<at].contains(exercise) {
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
        // Ids are sorted as bytes (what the reader's binary search compares), not as Strings.
        let sessionIDs = FixedIDs(order.map { sessions[$0].id })
        let allEvents = FixedIDs(eventIDs)
        var uniqueEvents: [Int] = []
        uniqueEvents.reserveCapacity(eventIDs.count)
        for index in allEvents.sortedIndices()
        where uniqueEvents.last.map({ allEvents.bytes(at: $0) != allEvents.bytes(at: index) }) ?? true {
            uniqueEvents.append(index)
        }

        var fields = [Int](repeating: 0, count: SnapshotLayout.Field.allCases.count)
        var offset = SnapshotLayout.headerSize
        func place(_ count: Int, _ field: SnapshotLayout.Field) {
            fields[field.rawValue] = offset
            offset += count
        }
        let otherOffset = refCount - other.count
        place(metaBytes.count, .metaOffset)
        fields[SnapshotLayout.Field.metaLength.rawValue] = metaBytes.count
        place(refCount * SnapshotLayout.refSize, .refsOffset)
        fields[SnapshotLayout.Field.refCount.rawValue] = refCount
        fields[SnapshotLayout.Field.otherOffset.rawValue] = otherOffset
        fields[SnapshotLayout.Field.otherLength.rawValue] = other.count
        place(order.count * SnapshotLayout.chronoEntrySize, .chronoOffset)
        fields[SnapshotLayout.Field.sessionCount.rawValue] = order.count
        place(order.count * SnapshotLayout.idEntrySize, .idsOffset)
        place(uniqueEvents.count * SnapshotLayout.idSize, .eventsOffset)
        fields[SnapshotLayout.Field.eventCount.rawValue] = uniqueEvents.count
        place(bodiesLength, .bodiesOffset)
        fields[SnapshotLayout.Field.bodiesLength.rawValue] = bodiesLength
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
        func appendRef(_ index: Int) {
            let location = locations[index]
            append32(&file, UInt32(fileIndex[location.file] ?? 0))
            append32(&file, UInt32(location.line))
            append(&file, UInt64(location.memberOffset))
            append32(&file, UInt32(location.memberSize))
            append32(&file, 0)
        }
        for index in order {
            for event in sessions[index].events { appendRef(event) }
        }
        for index in other { appendRef(index) }
        var firstRef = 0
        var bodyOffset = 0
        for index in order {
            let refs = sessions[index].events.count
            let size = sessions[index].body.count
            append(&file, UInt64(bitPattern: sessions[index].start))
            append(&file, UInt64(firstRef))
            append32(&file, UInt32(refs))
            firstRef += refs
            var flags: UInt32 = 0
            if sessions[index].visible { flags |= SnapshotLayout.visibleFlag }
            if sessions[index].deleted { flags |= SnapshotLayout.deletedFlag }
            if sessions[index].foldOnly { flags |= SnapshotLayout.foldOnlyFlag }
            if sessions[index].conflicted { flags |= SnapshotLayout.conflictedFlag }
            append32(&file, flags)
            file.append(contentsOf: sessions[index].id.utf8)
            append32(&file, UInt32(size))
            append(&file, UInt64(bodyOffset))
            bodyOffset += size
        }
        for index in sessionIDs.sortedIndices() {
            file.append(contentsOf: sessionIDs.bytes(at: index))
            append32(&file, UInt32(index))
        }
        for index in uniqueEvents { file.append(contentsOf: allEvents.bytes(at: index)) }
        for index in order { file.append(contentsOf: sessions[index].body) }
        file.append(contentsOf: exercises)
        file.append(contentsOf: conflicted)
        assert(file.count == offset, "the snapshot's sections are where its header says")
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
