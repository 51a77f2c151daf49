/// The binary layout of `local/cache/snapshot` (derived data: deleting it only costs time).
///
/// The snapshot is an index into the log, not a copy of it: for every event it covers it
/// records where the event is stored (segment, member offset and size, line in the member),
/// grouped by entity. A warm open reads only what a command needs: a chronological index for
/// `list`, an id index for prefix lookups, the sorted ids of every event it covers
/// (deduplication), and the locations of the other entities' events (catalog, profile), which
/// are always folded. A session is folded from its own stored lines, so the snapshot can never
/// disagree with the log about what a session is.
///
/// ```
/// header   96 bytes  magic "LBSNAP02", then little-endian u64 fields (see `Field`)
/// meta     JSON      {"journal", "watermark": {path: bytes}, "latest", "files": [path]}
/// refs     24 × r    u32 file index, u32 line, u64 member offset, u32 member size, u32 0
/// chrono   64 × n    i64 start, u64 first ref, u32 ref count, u32 flags, 36-byte id, 4 × 0
/// ids      40 × n    36-byte id, u32 index into chrono; sorted by id
/// events   36 × m    event ids, sorted
/// ```
/// Visible sessions come first in `chrono`, by start then id; the refs of the other entities
/// are the range `otherOffset ..< otherOffset + otherLength` of `refs` (in refs, not bytes).
package enum SnapshotLayout {
    package static let magic: [UInt8] = Array("LBSNAP02".utf8)
    package static let headerSize = 96
    package static let refSize = 24
    package static let chronoEntrySize = 64
    package static let idEntrySize = 40
    package static let idSize = 36

    /// Header fields, each a little-endian u64 at `8 * rawValue + 8`.
    package enum Field: Int, CaseIterable {
        case metaOffset, metaLength, refsOffset, refCount, otherOffset, otherLength
        case chronoOffset, sessionCount, idsOffset, eventsOffset, eventCount
    }

    /// Chrono flags.
    package static let visibleFlag: UInt32 = 1
}
