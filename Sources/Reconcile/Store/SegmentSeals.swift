import EventLog

/// The seals of a snapshot (see ``SnapshotLayout``): the 8 bytes before each segment's
/// watermark, the trailer (CRC-32 and size) of the last gzip member the snapshot covers.
///
/// A segment replaced by other bytes of at least the same length (a sync tool's copy of
/// another version, a restore of an older folder) breaks its seal: the snapshot's refs and
/// folded sessions would no longer be the log's, so it is rebuilt.
enum SegmentSeals {
    /// The seal of every segment read past its first 8 bytes (relative path → hex).
    static func read(_ layout: JournalLayout, _ watermark: LogReader.Watermark) -> [String: String] {
        var seals: [String: String] = [:]
        for (file, offset) in watermark where offset >= SnapshotLayout.sealSize {
            guard
                let bytes = FileSystem.readPrefix(
                    layout.root + "/" + file, count: SnapshotLayout.sealSize,
                    at: offset - SnapshotLayout.sealSize),
                bytes.count == SnapshotLayout.sealSize
            else { continue }
            seals[file] = Hex.encode(bytes)
        }
        return seals
    }

    /// `true` when every segment the watermark covers still ends its covered part with the
    /// bytes the seals recorded (a segment with no seal must not have been read past 8 bytes).
    ///
    /// The watermark comes from the cache, which is untrusted: only a path the journal lists as
    /// a segment is read (never `../` or a link), and a path it does not list fails.
    static func hold(_ layout: JournalLayout, _ watermark: LogReader.Watermark, _ seals: [String: String])
        -> Bool
    {
        guard let segments = try? Set(LogReader.segmentPaths(layout)) else { return false }
        for (file, offset) in watermark where offset >= SnapshotLayout.sealSize {
            guard segments.contains(file) else { return false }
            guard let seal = seals[file],
                let bytes = FileSystem.readPrefix(
                    layout.root + "/" + file, count: SnapshotLayout.sealSize,
                    at: offset - SnapshotLayout.sealSize),
                Hex.encode(bytes) == seal
            else { return false }
        }
        return true
    }
}
