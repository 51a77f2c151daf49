import Glibc

/// Moves damaged segment data aside and keeps every valid member (`limber repair`).
package enum LogRepairer {
    /// What a repair did to one segment.
    package struct Action: Sendable, Hashable {
        /// The segment, relative to the journal folder.
        package var file: String
        /// Where the original bytes were kept (relative).
        package var movedTo: String
        /// Valid members kept in the segment.
        package var keptMembers: Int
        /// Bytes that were not part of a valid member.
        package var droppedBytes: Int
    }

    /// Rewrites every segment that has damage or a torn tail with only its valid members, after
    /// keeping the original as `<name>.corrupt` (or `.corrupt-N`). Takes the writer lock.
    ///
    /// The original bytes are never without a name: the original is hard-linked to its
    /// `.corrupt` name first, then the clean copy is written to a temporary file and renamed
    /// over the original, so a crash at any point loses nothing.
    package static func repair(_ layout: JournalLayout, lockTimeout: Double) throws(JournalError)
        -> [Action]
    {
        _ = try JournalManifest.load(layout)
        try FileSystem.makeDirectory(layout.local)
        let lock = try WriterLock(path: layout.lock, timeout: lockTimeout)
        defer { lock.release() }
        var actions: [Action] = []
        for relative in try LogReader.segmentPaths(layout) {
            let path = layout.root + "/" + relative
            guard let bytes = try FileSystem.readFile(path) else { continue }
            let scan: SegmentScan
            do { scan = try SegmentReader.scan(bytes, inflate: true) } catch {
                throw JournalError(
                    .corruptSegment(offset: error.offset ?? 0, detail: error.message), path: path)
            }
            let damaged = scan.problems.contains { $0.kind != .missingIndex }
            guard damaged else { continue }
            var clean: [UInt8] = []
            for member in scan.members {
                clean.append(contentsOf: bytes[member.offset..<member.end])
            }
            var aside = path + ".corrupt"
            var counter = 1
            while FileSystem.kind(of: aside) != .missing {
                counter += 1
                aside = path + ".corrupt-\(counter)"
            }
            guard link(path, aside) == 0 else { throw .io("cannot keep a copy as", aside) }
            try FileSystem.writeAtomically(clean, to: path)
            actions.append(
                Action(
                    file: relative, movedTo: String(aside.dropFirst(layout.root.count + 1)),
                    keptMembers: scan.members.count, droppedBytes: bytes.count - clean.count))
        }
        return actions
    }

    /// Keeps the events that sync tools' conflict copies of segments hold and the originals
    /// lack, by appending them to the originals (DESIGN §2). Takes the writer lock.
    ///
    /// - Returns: Per device, how many events were recovered (and why the rest was not).
    package static func recoverConflictCopies(
        _ layout: JournalLayout, lockTimeout: Double
    ) throws(JournalError) -> [(device: String, events: Int, refusal: String?)] {
        _ = try JournalManifest.load(layout)
        try FileSystem.makeDirectory(layout.local)
        let lock = try WriterLock(path: layout.lock, timeout: lockTimeout)
        defer { lock.release() }
        let plan = try LogMerger.planConflictCopies(in: layout)
        try LogMerger.apply(plan, into: layout)
        return plan.devices.map { ($0.device, $0.events.count, $0.refusal) }
    }
}
