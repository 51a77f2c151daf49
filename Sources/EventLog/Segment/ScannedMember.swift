/// One valid gzip member found by ``SegmentReader/scan(_:inflate:limits:)``.
package struct ScannedMember: Sendable, Hashable {
    /// The member's first byte, from the start of the file.
    package var offset: Int

    /// The member's size in bytes, header to trailer.
    package var size: Int

    /// The `seq` of the member's first event, from its `LB` subfield; 0 (never a valid
    /// `seq`) when ``isIndexed`` is `false`.
    package var firstSeq: UInt64

    /// The number of events (lines) in the member: the `LB` subfield's `count`, or the
    /// counted lines of a member without one.
    package var count: UInt32

    /// Whether the member carries limber's `LB` subfield. A member without it (a plain
    /// gzip member) is still read; the scan also reports it as a
    /// ``SegmentProblem/Kind/missingIndex`` problem.
    package var isIndexed: Bool

    /// The inflated content, JSON Lines each ending in `\n`; `nil` when the scan did not
    /// inflate.
    package var payload: [UInt8]?

    /// Creates a member description.
    ///
    /// - Parameters:
    ///   - offset: The member's first byte in the file.
    ///   - size: The member's size in bytes.
    ///   - firstSeq: The `seq` of its first event (0 when not indexed).
    ///   - count: The number of events in it.
    ///   - isIndexed: Whether it has the `LB` subfield.
    ///   - payload: The inflated content, if inflated.
    package init(
        offset: Int, size: Int, firstSeq: UInt64, count: UInt32, isIndexed: Bool = true,
        payload: [UInt8]?
    ) {
        self.offset = offset
        self.size = size
        self.firstSeq = firstSeq
        self.count = count
        self.isIndexed = isIndexed
        self.payload = payload
    }

    /// The offset just past the member's trailer.
    package var end: Int { offset + size }

    /// The lines of ``payload`` without their `\n`, in order; empty when not inflated.
    ///
    /// - Complexity: O(*n*) in the payload size (one `memchr` per line).
    package var lines: [ArraySlice<UInt8>] {
        guard let payload else { return [] }
        return JSONLines.split(payload)
    }
}
