/// The binary layout of `local/cache/snapshot` (derived data: deleting it only costs time).
///
/// The snapshot regroups the log by entity so that a warm open reads only what a command
/// needs: each session's stored event lines (folded on demand, exactly as from the log), a
/// chronological index for `list`, an id index for prefix lookups, the sorted ids of every
/// event it covers (deduplication), and the lines of the other entities (catalog, profile),
/// which are always folded. A watermark says how far into each segment it has read.
///
/// ```
/// header   64 bytes  magic "LBSNAP01", then little-endian u64 fields (see `Field`)
/// meta     JSON      {"journal": id, "watermark": {path: bytes}}
/// blobs    bytes     event lines, "\n"-terminated, grouped by entity
/// chrono   64 × n    i64 start, u64 blob offset, u32 blob length, u32 flags, 36-byte id
/// ids      40 × n    36-byte id, u32 index into chrono; sorted by id
/// events   36 × m    event ids, sorted
/// ```
package enum SnapshotLayout {
    package static let magic: [UInt8] = Array("LBSNAP01".utf8)
    package static let headerSize = 96
    package static let chronoEntrySize = 64
    package static let idEntrySize = 40
    package static let idSize = 36

    /// Header fields, each a little-endian u64 at `8 * rawValue + 8`.
    package enum Field: Int, CaseIterable {
        case metaOffset, metaLength, blobsOffset, blobsLength, otherOffset, otherLength
        case chronoOffset, sessionCount, idsOffset, eventsOffset, eventCount
    }

    /// Chrono flags.
    package static let visibleFlag: UInt32 = 1
}
