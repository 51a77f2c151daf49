import EventLog
import FoundationEssentials
import JournalModel

/// Builds the bytes of a snapshot (see ``SnapshotLayout``).
package enum SnapshotWriter {
    /// One session of the snapshot.
    package struct Session {
        package var id: String
        /// Start (epoch seconds) of the session as folded; `Int64.max` when not yet logged.
        package var start: Int64
        package var visible: Bool
        /// Its stored event lines, in any order.
        package var lines: [ArraySlice<UInt8>]

        package init(id: String, start: Int64, visible: Bool, lines: [ArraySlice<UInt8>]) {
            self.id = id
            self.start = start
            self.visible = visible
            self.lines = lines
        }
    }

    /// The snapshot bytes, or `nil` when an id does not fit the fixed-width indexes (a journal
    /// with foreign ids simply runs without a snapshot).
    package static func build(
        meta: Snapshot.Meta, sessions: [Session], other: [ArraySlice<UInt8>], eventIDs: [String]
    ) -> [UInt8]? {
        guard sessions.allSatisfy({ $0.id.utf8.count == SnapshotLayout.idSize }),
            eventIDs.allSatisfy({ $0.utf8.count == SnapshotLayout.idSize }),
            let metaBytes = try? JSONCoding.encoder().encode(meta)
        else { return nil }
        let ordered = sessions.sorted { lhs, rhs in
            if lhs.visible != rhs.visible { return lhs.visible }
            if lhs.start != rhs.start { return lhs.start < rhs.start }
            return lhs.id < rhs.id
        }
        var blobs: [UInt8] = []
        blobs.reserveCapacity(ordered.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.count + 1 } })
        var chrono: [UInt8] = []
        chrono.reserveCapacity(ordered.count * SnapshotLayout.chronoEntrySize)
        for session in ordered {
            let offset = blobs.count
            for line in session.lines {
                blobs.append(contentsOf: line)
                blobs.append(0x0A)
            }
            append(&chrono, UInt64(bitPattern: session.start))
            append(&chrono, UInt64(offset))
            append32(&chrono, UInt32(blobs.count - offset))
            append32(&chrono, session.visible ? SnapshotLayout.visibleFlag : 0)
            chrono.append(contentsOf: session.id.utf8)
            chrono.append(contentsOf: [0, 0, 0, 0])
        }
        var ids: [UInt8] = []
        ids.reserveCapacity(ordered.count * SnapshotLayout.idEntrySize)
        for (index, session) in ordered.enumerated().sorted(by: { $0.element.id < $1.element.id }) {
            ids.append(contentsOf: session.id.utf8)
            append32(&ids, UInt32(index))
        }
        var otherBytes: [UInt8] = []
        for line in other {
            otherBytes.append(contentsOf: line)
            otherBytes.append(0x0A)
        }
        var events: [UInt8] = []
        events.reserveCapacity(eventIDs.count * SnapshotLayout.idSize)
        for id in Set(eventIDs).sorted() { events.append(contentsOf: id.utf8) }

        var file = SnapshotLayout.magic
        var fields = [Int](repeating: 0, count: SnapshotLayout.Field.allCases.count)
        var offset = SnapshotLayout.headerSize
        func place(_ section: [UInt8], _ field: SnapshotLayout.Field) {
            fields[field.rawValue] = offset
            offset += section.count
        }
        place(Array(metaBytes), .metaOffset)
        fields[SnapshotLayout.Field.metaLength.rawValue] = metaBytes.count
        place(blobs, .blobsOffset)
        fields[SnapshotLayout.Field.blobsLength.rawValue] = blobs.count
        place(otherBytes, .otherOffset)
        fields[SnapshotLayout.Field.otherLength.rawValue] = otherBytes.count
        place(chrono, .chronoOffset)
        fields[SnapshotLayout.Field.sessionCount.rawValue] = ordered.count
        place(ids, .idsOffset)
        place(events, .eventsOffset)
        fields[SnapshotLayout.Field.eventCount.rawValue] = events.count / SnapshotLayout.idSize
        for value in fields { append(&file, UInt64(value)) }
        file.append(
            contentsOf: [UInt8](repeating: 0, count: SnapshotLayout.headerSize - file.count))
        file.reserveCapacity(offset)
        file.append(contentsOf: metaBytes)
        file.append(contentsOf: blobs)
        file.append(contentsOf: otherBytes)
        file.append(contentsOf: chrono)
        file.append(contentsOf: ids)
        file.append(contentsOf: events)
        return file
    }

    private static func append(_ bytes: inout [UInt8], _ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func append32(_ bytes: inout [UInt8], _ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
