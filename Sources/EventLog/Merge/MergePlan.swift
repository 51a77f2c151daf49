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
        /// The events (lines) it holds.
        package var count: Int
    }

    /// Every device of the other journal that has something new or a problem.
    package var devices: [Device]

    /// All new events.
    package var events: [Event] { devices.flatMap(\.events) }

    /// Where each of ``events`` is once the plan is carried out, in the same order (paths
    /// relative to the journal folder): a store can take the events from the plan that
    /// verified them instead of reading the copied members again.
    package var locations: [EventLocation] {
        var locations: [EventLocation] = []
        for device in devices {
            for member in device.members {
                let file = "devices/\(device.device)/\(member.segment)"
                for line in 0..<member.count {
                    locations.append(
                        EventLocation(file: file, memberOffset: member.offset, memberSize: member.bytes.count, line: line))
                }
            }
        }
        return locations
    }

    /// The bytes each segment the plan writes to gets, once carried out: from where the first
    /// planned member starts to where the last ends (relative paths).
    package var spans: [String: Range<Int>] {
        var spans: [String: Range<Int>] = [:]
        for device in devices {
            for member in device.members {
                let file = "devices/\(device.device)/\(member.segment)"
                let end = member.offset + member.bytes.count
                spans[file] = (spans[file]?.lowerBound ?? member.offset)..<end
            }
        }
        return spans
    }
}
