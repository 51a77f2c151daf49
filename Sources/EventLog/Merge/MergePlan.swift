/// What merging another journal folder would do, device by device (`merge --dry-run` shows it;
/// ``LogMerger/apply(_:into:)`` carries it out).
package struct MergePlan: Sendable {
    /// One device of the other journal.
    package struct Device: Sendable {
        /// The device id (its folder name).
        package var device: String
        /// Complete members this journal lacks, in seq order, with the segment each goes in.
        package var members: [Member]
        /// The events in those members.
        package var events: [Event]
        /// Why the rest of this device was not taken (a fork, damage, a gap); `nil` when all of
        /// it was.
        package var refusal: String?
    }

    /// One complete, verified member to copy.
    package struct Member: Sendable {
        /// The segment file name (as in the other journal, so both copies stay identical).
        package var segment: String
        /// Where it starts in that segment (our copy must have exactly this many bytes).
        package var offset: Int
        /// The member's bytes, exactly as stored.
        package var bytes: [UInt8]
    }

    /// Every device of the other journal that has something new or a problem.
    package var devices: [Device]

    /// All new events.
    package var events: [Event] { devices.flatMap(\.events) }
}
