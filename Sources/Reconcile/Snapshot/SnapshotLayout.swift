/// The binary layout of `local/cache/snapshot`, the session store's file (derived data:
/// deleting it only costs time).
///
/// For every event it covers, the snapshot records where the event is stored (segment, member
/// offset and size, line in the member), grouped by entity; and for every session, its folded
/// form (``SessionCodec``), so that reading sessions needs neither an inflate nor a fold. A
/// warm open reads only what a command needs: a chronological index for `list`, an id index
/// for prefix lookups, an index by exercise, the sessions with unresolved conflicts, the
/// sorted ids of every event it covers (deduplication), and the locations of the other
/// entities' events (catalog, profile), which are always folded. A session to be changed is
/// folded from its own stored lines, never from its stored copy.
///
/// ```
/// header     144 bytes  magic "LBSNAP04", then little-endian u64 fields (see `Field`)
/// meta       JSON       {"journal", "watermark": {path: bytes}, "seals": {path: hex},
///                        "latest", "files": [path]}
/// refs       24 × r     u32 file index, u32 line, u64 member offset, u32 member size, u32 0
/// chrono     72 × n     i64 start, u64 first ref, u32 ref count, u32 flags, 36-byte id,
///                       u32 body size, u64 body offset (in `bodies`)
/// ids        40 × n     36-byte id, u32 index into chrono; sorted by id
/// events     36 × m     event ids, sorted
/// bodies     bytes      each logged session's folded form, in chrono order
/// exercises  bytes      per exercise id, sorted: u32 id size, id, u32 count, u32 × count
///                       chrono indexes (ascending) of the visible sessions with it
/// conflicted 4 × c      u32 chrono indexes of the sessions with unresolved conflicts
/// ```
/// Visible sessions come first in `chrono`, by start then id; the refs of the other entities
/// are the range `otherOffset ..< otherOffset + otherLength` of `refs` (in refs, not bytes).
/// A seal is the 8 bytes before a segment's watermark (the trailer of the last member the
/// snapshot covers): a segment replaced by other bytes of at least the same length breaks it,
/// and the snapshot is rebuilt.
package enum SnapshotLayout {
    /// The first 8 bytes of every snapshot; the trailing digits name the layout version, so a
    /// snapshot of another layout is rejected on open and rebuilt.
    package static let magic: [UInt8] = Array("LBSNAP04".utf8)
    /// Bytes in the header: the magic, then one u64 per ``Field`` (8 + 17 × 8).
    package static let headerSize = 144
    /// Bytes in one entry of the refs section.
    package static let refSize = 24
    /// Bytes in one entry of the chronological index.
    package static let chronoEntrySize = 72
    /// Bytes in one entry of the id index: the id, then a u32 index into the chronological index.
    package static let idEntrySize = 40
    /// Bytes in a stored id: a UUID in canonical 8-4-4-4-12 text form.
    package static let idSize = 36

    /// Header fields, each a little-endian u64 at `8 * rawValue + 8`.
    package enum Field: Int, CaseIterable {
        case metaOffset, metaLength, refsOffset, refCount, otherOffset, otherLength
        case chronoOffset, sessionCount, idsOffset, eventsOffset, eventCount
        case bodiesOffset, bodiesLength, exercisesOffset, exercisesLength
        case conflictedOffset, conflictedCount
    }

    /// Chrono flag: the session is logged and not deleted.
    package static let visibleFlag: UInt32 = 1
    /// Chrono flag: the session has unresolved concurrent edits.
    package static let conflictedFlag: UInt32 = 2
    /// Chrono flag: the session is logged and deleted.
    package static let deletedFlag: UInt32 = 4
    /// Chrono flag: the session is logged but its folded form is not stored (a value from
    /// another device that ``SessionCodec`` does not keep): it is read from its events.
    package static let foldOnlyFlag: UInt32 = 8
    /// Bytes of a seal: a gzip member's trailer (CRC-32 and size).
    package static let sealSize = 8
}
