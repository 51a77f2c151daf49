/// Bounds that protect readers from hostile or damaged segments (DESIGN §3, "Limits").
///
/// Input beyond a limit is rejected before memory is spent on it: a member whose declared
/// size (ISIZE) exceeds ``maxMemberInflated`` is never allocated, and inflation stops as soon
/// as the output passes the limit, whatever the trailer claims.
package struct SegmentLimits: Sendable, Hashable {
    /// The most bytes one member may inflate to. Values above 4 GiB − 2 act as 4 GiB − 2,
    /// since the gzip trailer records the size modulo 2³².
    package var maxMemberInflated: Int

    /// The most bytes one line may hold, not counting its `\n`.
    package var maxLine: Int

    /// The largest segment file read (its bytes are held while its members are inflated one
    /// at a time). limber's writer rotates at 4 MiB and refuses a larger import segment.
    package var maxSegmentFile: Int = 128 << 20

    /// Creates limits; negative values act as 0.
    ///
    /// - Parameters:
    ///   - maxMemberInflated: The most bytes one member may inflate to.
    ///   - maxLine: The most bytes one line may hold, without its `\n`.
    package init(maxMemberInflated: Int = 64 << 20, maxLine: Int = 1 << 20) {
        self.maxMemberInflated = maxMemberInflated
        self.maxLine = maxLine
    }

    /// The limits of DESIGN §3: a member inflates to at most 64 MiB, a line to 1 MiB.
    package static let standard = SegmentLimits()

    /// ``maxMemberInflated`` clamped to what the codec can honour.
    var memberLimit: Int { min(max(0, maxMemberInflated), Int(UInt32.max) - 1) }

    /// ``maxLine`` clamped to be non-negative.
    var lineLimit: Int { max(0, maxLine) }
}
