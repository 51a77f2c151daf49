import EventLog
import FoundationEssentials
import Glibc
import JournalModel

/// A read-only, memory-mapped snapshot (see ``SnapshotLayout``). Every accessor checks bounds:
/// a damaged snapshot is rejected on open or yields nothing, never a crash.
package final class Snapshot {
    /// What the snapshot's meta section says.
    package struct Meta: Codable, Sendable {
        /// The id of the journal the snapshot was built for; a snapshot of another journal is
        /// ignored.
        package var journal: String
        /// How far each segment was read when the snapshot was built: relative path → bytes
        /// consumed.
        package var watermark: [String: Int]
        /// The 8 bytes before each segment's watermark, in hex (relative path → seal); see
        /// ``SnapshotLayout``.
        package var seals: [String: String]
        /// The newest hybrid-clock time of the events it covers (writers observe it).
        package var latest: HLC?
        /// The segments the refs point into (relative paths).
        package var files: [String]

        /// Creates the meta section.
        ///
        /// - Parameters:
        ///   - journal: The journal's id.
        ///   - watermark: How far each segment was read (relative path → bytes).
        ///   - seals: The seal of each segment read (relative path → hex).
        ///   - latest: The newest hybrid-clock time of the events covered.
        ///   - files: The segments the refs point into; ``SnapshotWriter`` fills it in.
        package init(
            journal: String, watermark: [String: Int], seals: [String: String], latest: HLC?,
            files: [String]
        ) {
            self.journal = journal
            self.watermark = watermark
            self.seals = seals
            self.latest = latest
            self.files = files
        }
    }

    /// The decoded meta section: journal id, watermark, newest clock time and segment paths.
    package let meta: Meta
    /// The number of sessions in the chronological and id indexes, visible or not.
    package let sessionCount: Int
    /// The number of distinct event ids the snapshot covers.
    package let eventCount: Int
    private let base: UnsafeRawPointer
    private let length: Int
    private let fields: [Int]

    /// Maps the snapshot at `path`; `nil` when it is missing, of another journal, or damaged.
    package init?(path: String, journal: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) >= SnapshotLayout.headerSize else {
            return nil
        }
        let length = Int(info.st_size)
        guard let mapping = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0),
            mapping != MAP_FAILED
        else {
            return nil
        }
        let base = UnsafeRawPointer(mapping)
        var fields: [Int] = []
        let valid: Bool = {
            guard memcmp(base, SnapshotLayout.magic, 8) == 0 else { return false }
            for field in SnapshotLayout.Field.allCases {
                let value = base.loadUnaligned(
                    fromByteOffset: 8 + 8 * field.rawValue, as: UInt64.self
                ).littleEndian
                guard value <= UInt64(length) * 64 else { return false }
                fields.append(Int(value))
            }
            return true
        }()
        func field(_ name: SnapshotLayout.Field) -> Int { fields[name.rawValue] }
        guard valid,
            Self.fits(field(.metaOffset), field(.metaLength), length),
            Self.fits(field(.refsOffset), field(.refCount) * SnapshotLayout.refSize, length),
            Self.fits(field(.otherOffset), field(.otherLength), field(.refCount)),
            Self.fits(
                field(.chronoOffset), field(.sessionCount) * SnapshotLayout.chronoEntrySize, length),
            Self.fits(field(.idsOffset), field(.sessionCount) * SnapshotLayout.idEntrySize, length),
            Self.fits(field(.eventsOffset), field(.eventCount) * SnapshotLayout.idSize, length),
            Self.fits(field(.bodiesOffset), field(.bodiesLength), length),
            Self.fits(field(.exercisesOffset), field(.exercisesLength), length),
            Self.fits(field(.conflictedOffset), field(.conflictedCount) * 4, length),
            let meta = try? JSONCoding.decoder().decode(
                Meta.self,
                from: Data(
                    UnsafeRawBufferPointer(
                        start: base + field(.metaOffset), count: field(.metaLength)))),
            meta.journal == journal
        else {
            munmap(mapping, length)
            return nil
        }
        self.base = base
        self.length = length
        self.fields = fields
        self.meta = meta
        self.sessionCount = field(.sessionCount)
        self.eventCount = field(.eventCount)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), length) }

    /// Lets the kernel drop the pages of the mapping this process has read (they are read
    /// again from the file when touched): a pass over every session then holds a few
    /// megabytes of the snapshot, not all of it, in its resident memory. The mapping is
    /// private and never written, so nothing is lost.
    package func releasePages() {
        _ = madvise(UnsafeMutableRawPointer(mutating: base), length, MADV_DONTNEED)
    }

    private static func fits(_ offset: Int, _ count: Int, _ length: Int) -> Bool {
        offset >= 0 && count >= 0 && offset <= length && count <= length - offset
    }

    private func field(_ name: SnapshotLayout.Field) -> Int { fields[name.rawValue] }

    // MARK: - Sessions in chronological order

    /// One entry of the chronological index.
    package struct ChronoEntry: Sendable {
        /// The session's start in epoch seconds; `Int64.max` when it was not yet logged.
        package var start: Int64
        /// Whether the session is logged and not deleted.
        package var visible: Bool
        /// Whether the session is logged and deleted.
        package var deleted: Bool
        /// Whether the session had unresolved concurrent edits when the snapshot was written.
        package var conflicted: Bool
        /// Whether the session is logged but only its events, not its folded form, are stored.
        package var foldOnly: Bool
        /// The session id (``SnapshotLayout/idSize`` bytes, as stored).
        package var id: String
        /// The entry's place in the chronological index.
        package var index: Int
        fileprivate var firstRef: Int
        fileprivate var refCount: Int
        fileprivate var bodyOffset: Int
        fileprivate var bodySize: Int
        /// How many events the session has (concurrent writes need at least three).
        package var eventCount: Int { refCount }
        /// Whether the snapshot holds the session's folded form (it is logged).
        package var hasBody: Bool { bodySize > 0 }
    }

    /// Where one event of the snapshot is stored.
    package struct Ref: Sendable, Hashable {
        /// The segment, relative to the journal folder.
        package var file: String
        /// The line's index in the member (from 0).
        package var line: Int
        /// Byte offset of the gzip member in the segment file.
        package var memberOffset: Int
        /// Size of the gzip member in bytes (compressed, header to trailer).
        package var memberSize: Int
    }

    /// Entry `index` of the chronological index (visible sessions by start then id, then the
    /// others); `nil` when the entry is damaged.
    package func chrono(_ index: Int) -> ChronoEntry? {
        guard index >= 0, index < sessionCount else { return nil }
        let entry = base + field(.chronoOffset) + index * SnapshotLayout.chronoEntrySize
        let start = Int64(littleEndian: entry.loadUnaligned(as: Int64.self))
        let offset = Int(
            truncatingIfNeeded: UInt64(
                littleEndian: entry.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        let count = Int(
            UInt32(littleEndian: entry.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
        let flags = UInt32(littleEndian: entry.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
        let bodySize = Int(
            UInt32(littleEndian: entry.loadUnaligned(fromByteOffset: 60, as: UInt32.self)))
        let bodyOffset = Int(
            truncatingIfNeeded: UInt64(
                littleEndian: entry.loadUnaligned(fromByteOffset: 64, as: UInt64.self)))
        guard Self.fits(offset, count, field(.refCount)),
            Self.fits(bodyOffset, bodySize, field(.bodiesLength))
        else { return nil }
        let id = String(
            decoding: UnsafeRawBufferPointer(start: entry + 24, count: SnapshotLayout.idSize),
            as: UTF8.self)
        return ChronoEntry(
            start: start, visible: flags & SnapshotLayout.visibleFlag != 0,
            deleted: flags & SnapshotLayout.deletedFlag != 0,
            conflicted: flags & SnapshotLayout.conflictedFlag != 0,
            foldOnly: flags & SnapshotLayout.foldOnlyFlag != 0, id: id, index: index,
            firstRef: offset, refCount: count, bodyOffset: bodyOffset, bodySize: bodySize)
    }

    /// The start and visibility of entry `index` of the chronological index, without building
    /// the rest of the entry (a scan of every session's start); `nil` outside the index.
    package func start(at index: Int) -> (start: Int64, visible: Bool)? {
        guard index >= 0, index < sessionCount else { return nil }
        let entry = base + field(.chronoOffset) + index * SnapshotLayout.chronoEntrySize
        let flags = UInt32(littleEndian: entry.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
        return (Int64(littleEndian: entry.loadUnaligned(as: Int64.self)), flags & SnapshotLayout.visibleFlag != 0)
    }

    /// The chronological indexes below `end` (the visible sessions, by start) whose start is
    /// within `window` seconds of the entry before or after them, ascending.
    package func closeNeighbours(within window: Int64, below end: Int) -> [Int] {
        let end = min(max(end, 0), sessionCount)
        guard end >= 2 else { return [] }
        let chrono = base + field(.chronoOffset)
        func start(_ index: Int) -> Int64 {
            Int64(littleEndian: chrono.loadUnaligned(
                fromByteOffset: index * SnapshotLayout.chronoEntrySize, as: Int64.self))
        }
        var close: [Int] = []
        var previous = start(0)
        for index in 1..<end {
            let current = start(index)
            // A damaged index may be out of order: a negative gap is not close.
            let (gap, overflow) = current.subtractingReportingOverflow(previous)
            if !overflow, gap >= 0, gap <= window {
                if close.last != index - 1 { close.append(index - 1) }
                close.append(index)
            }
            previous = current
        }
        return close
    }

    /// The folded session of `entry`, decoded from its stored form; `nil` when it has none
    /// (not logged) or the bytes are damaged.
    package func session(of entry: ChronoEntry) -> Session? {
        guard entry.bodySize > 0 else { return nil }
        let bytes = UnsafeRawBufferPointer(
            start: base + field(.bodiesOffset) + entry.bodyOffset, count: entry.bodySize)
        return try? SessionCodec.decode(bytes, id: entry.id)
    }

    /// The stored form of the session of `entry` (empty when it has none), for a rewrite.
    package func body(of entry: ChronoEntry) -> [UInt8] {
        Array(
            UnsafeRawBufferPointer(
                start: base + field(.bodiesOffset) + entry.bodyOffset, count: entry.bodySize))
    }

    /// The chronological indexes of the sessions that had unresolved conflicts.
    package var conflictedIndexes: [Int] {
        let start = base + field(.conflictedOffset)
        return (0..<field(.conflictedCount)).map { position in
            Int(UInt32(littleEndian: start.loadUnaligned(fromByteOffset: 4 * position, as: UInt32.self)))
        }
    }

    /// Every exercise of the index with the chronological indexes (ascending) of the visible
    /// sessions that have it; `nil` when the section is damaged.
    package func exerciseIndex() -> [(exercise: String, indexes: [Int])]? {
        var result: [(exercise: String, indexes: [Int])] = []
        var reader = SectionReader(
            base: base + field(.exercisesOffset), length: field(.exercisesLength))
        while !reader.atEnd {
            guard let size = reader.u32(), let name = reader.text(size), let count = reader.u32(),
                count <= reader.remaining / 4
            else { return nil }
            var indexes: [Int] = []
            indexes.reserveCapacity(count)
            for _ in 0..<count {
                guard let index = reader.u32() else { return nil }
                indexes.append(index)
            }
            result.append((name, indexes))
        }
        return result
    }

    /// The chronological indexes (ascending) of the visible sessions with an entry of
    /// `exercise`; `nil` when the section is damaged.
    package func indexes(withExercise exercise: String) -> [Int]? {
        var reader = SectionReader(
            base: base + field(.exercisesOffset), length: field(.exercisesLength))
        let wanted = Array(exercise.utf8)
        while !reader.atEnd {
            guard let size = reader.u32(), let name = reader.bytes(size), let count = reader.u32(),
                count <= reader.remaining / 4
            else { return nil }
            guard name.elementsEqual(wanted) else {
                guard reader.skip(4 * count) else { return nil }
                continue
            }
            var indexes: [Int] = []
            indexes.reserveCapacity(count)
            for _ in 0..<count {
                guard let index = reader.u32() else { return nil }
                indexes.append(index)
            }
            return indexes
        }
        return []
    }

    /// Reads a section's little-endian values, each read checked against its length.
    private struct SectionReader {
        let base: UnsafeRawPointer
        let length: Int
        var index = 0

        var atEnd: Bool { index >= length }
        var remaining: Int { length - index }

        mutating func u32() -> Int? {
            guard remaining >= 4 else { return nil }
            defer { index += 4 }
            return Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt32.self)))
        }

        mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
            guard count <= remaining else { return nil }
            defer { index += count }
            return UnsafeRawBufferPointer(start: base + index, count: count)
        }

        mutating func text(_ count: Int) -> String? {
            bytes(count).flatMap { String(validating: $0, as: UTF8.self) }
        }

        mutating func skip(_ count: Int) -> Bool {
            guard count <= remaining else { return false }
            index += count
            return true
        }
    }

    /// Where the events of one session are stored; `nil` when a ref is damaged.
    package func refs(of entry: ChronoEntry) -> [Ref]? {
        refs(entry.firstRef, entry.refCount)
    }

    /// Where the events of the entities that are not sessions are stored.
    package var otherRefs: [Ref]? { refs(field(.otherOffset), field(.otherLength)) }

    private func refs(_ first: Int, _ count: Int) -> [Ref]? {
        var result: [Ref] = []
        result.reserveCapacity(count)
        for index in first..<(first + count) {
            let ref = base + field(.refsOffset) + index * SnapshotLayout.refSize
            let file = Int(UInt32(littleEndian: ref.loadUnaligned(as: UInt32.self)))
            let line = Int(
                UInt32(littleEndian: ref.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
            let offset = UInt64(littleEndian: ref.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            let size = Int(
                UInt32(littleEndian: ref.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
            guard file < meta.files.count, offset < UInt64(Int.max) else { return nil }
            result.append(
                Ref(file: meta.files[file], line: line, memberOffset: Int(offset), memberSize: size)
            )
        }
        return result
    }

    // MARK: - Lookups

    /// The chronological entry of the session with this id.
    package func entry(id: String) -> ChronoEntry? {
        guard let position = searchIDs(id) else { return nil }
        let entry = base + field(.idsOffset) + position * SnapshotLayout.idEntrySize
        let index = Int(
            UInt32(
                littleEndian: entry.loadUnaligned(
                    fromByteOffset: SnapshotLayout.idSize, as: UInt32.self)))
        return chrono(index)
    }

    /// The session ids that start with `prefix` (at most `limit` of them).
    package func ids(withPrefix prefix: String, limit: Int) -> [String] {
        var position = lowerBound(prefix)
        var found: [String] = []
        while position < sessionCount, found.count < limit {
            let id = idAt(position)
            guard id.hasPrefix(prefix) else { break }
            found.append(id)
            position += 1
        }
        return found
    }

    /// The ids of every event the snapshot covers, in byte order.
    package var eventIDs: [String] {
        (0..<eventCount).map { index in
            String(
                decoding: UnsafeRawBufferPointer(
                    start: base + field(.eventsOffset) + index * SnapshotLayout.idSize,
                    count: SnapshotLayout.idSize), as: UTF8.self)
        }
    }

    /// `true` if the snapshot covers the event with this id.
    package func containsEvent(_ id: String) -> Bool {
        let key = Array(id.utf8)
        guard key.count == SnapshotLayout.idSize else { return false }
        var low = 0, high = eventCount
        while low < high {
            let middle = (low + high) / 2
            let order = compare(base + field(.eventsOffset) + middle * SnapshotLayout.idSize, key)
            if order == 0 { return true }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return false
    }

    private func idAt(_ position: Int) -> String {
        String(
            decoding: UnsafeRawBufferPointer(
                start: base + field(.idsOffset) + position * SnapshotLayout.idEntrySize,
                count: SnapshotLayout.idSize), as: UTF8.self)
    }

    private func lowerBound(_ prefix: String) -> Int {
        let key = Array(prefix.utf8)
        var low = 0, high = sessionCount
        while low < high {
            let middle = (low + high) / 2
            if compare(
                base + field(.idsOffset) + middle * SnapshotLayout.idEntrySize, key) < 0
            {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    private func searchIDs(_ id: String) -> Int? {
        let position = lowerBound(id)
        guard position < sessionCount, idAt(position) == id else { return nil }
        return position
    }

    /// Compares the 36 stored bytes at `pointer` with `key` (bytewise, shorter key first).
    private func compare(_ pointer: UnsafeRawPointer, _ key: [UInt8])
        -> Int
    {
        let count = min(key.count, SnapshotLayout.idSize)
        let order = key.withUnsafeBytes { raw -> Int32 in
            guard let keyBase = raw.baseAddress else { return 0 }
            return memcmp(pointer, keyBase, count)
        }
        if order != 0 { return Int(order) }
        return SnapshotLayout.idSize - key.count  // stored is longer → greater
    }
}
