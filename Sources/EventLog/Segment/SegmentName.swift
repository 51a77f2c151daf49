/// The naming rule for segment files (DESIGN §2, §3).
///
/// A segment is named by the `seq` of its first event, zero-padded to 16 decimal digits:
/// `0000000000000001.jsonl.gz`. Only a name that is exactly 16 ASCII digits followed by
/// `.jsonl.gz` is a segment; everything else under `devices/` (Syncthing's
/// `*.sync-conflict-*` and `.syncthing.*.tmp`, Dropbox's conflicted copies, editor backups,
/// `*.corrupt` files set aside by `repair`) is never read as one.
package enum SegmentName {
    /// The suffix every segment file name ends with.
    package static let suffix = ".jsonl.gz"

    /// The number of digits in a segment file name.
    package static let digitCount = 16

    /// The largest `seq` that fits a segment file name (16 decimal digits).
    package static let maxFirstSeq: UInt64 = 9_999_999_999_999_999

    /// Returns the file name of the segment whose first event has sequence number `firstSeq`.
    ///
    /// A value above ``maxFirstSeq`` gets all its digits, so the name is longer than a
    /// segment name and ``firstSeq(fromFileName:)`` rejects it; callers that take `firstSeq`
    /// from a file should check it against ``maxFirstSeq`` first.
    ///
    /// - Parameter firstSeq: The `seq` of the first event in the segment.
    /// - Returns: A name such as `0000000000000042.jsonl.gz`.
    package static func fileName(firstSeq: UInt64) -> String {
        let digits = String(firstSeq)
        let padding = String(repeating: "0", count: max(0, digitCount - digits.count))
        return padding + digits + suffix
    }

    /// Returns the first `seq` encoded in a segment file name, or `nil` if the name is not
    /// a segment's.
    ///
    /// The name must be a bare file name (no folder), exactly 16 ASCII digits followed by
    /// `.jsonl.gz`, with nothing before or after. Whether the number is a plausible `seq`
    /// (for example not 0) is the caller's concern.
    ///
    /// - Parameter fileName: A file name as listed in a device folder.
    /// - Returns: The number the name encodes, or `nil` for anything else.
    package static func firstSeq(fromFileName fileName: String) -> UInt64? {
        let utf8 = fileName.utf8
        guard utf8.count == digitCount + suffix.utf8.count,
            utf8.dropFirst(digitCount).elementsEqual(suffix.utf8)
        else { return nil }
        var value: UInt64 = 0
        for byte in utf8.prefix(digitCount) {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            // 16 digits never overflow a UInt64 (max 9_999_999_999_999_999 < 2^64).
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
