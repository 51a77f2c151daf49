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
    /// The first 8 bytes of every snapshot; the trailing digits name the layout version, so a
    /// snapshot of another layout is rejected on open and rebuilt.
    package static let magic: [UInt8] = Array("LBSNAP02".utf8)
    /// Bytes in the header: the magic, then one u64 per ``Field`` (8 + 11 × 8).
    package static let headerSize = 96
    /// Bytes in one entry of the refs section.
    package static let refSize = 24
    /// Bytes in one entry of the chronological index.
    package static let chronoEntrySize = 64
    /// Bytes in one entry of the id index: the id, then a u32 index into the chronological index.
    package static let idEntrySize = 40
    /// Bytes in a stored id: a UUID in canonical 8-4-4-4-12 text form.
    package static let idSize = 36

    /// Header fields, each a little-endian u64 at `8 * rawValue + 8`.
    package enum Field: Int, CaseIterable {
        case metaOffset, metaLength, refsOffset, refCount, otherOffset, otherLength
        case chronoOffset, sessionCount, idsOffset, eventsOffset, eventCount
    }

    /// Chrono flags.
    package static let visibleFlag: UInt32 = 1
}
