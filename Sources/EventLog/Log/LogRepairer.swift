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

    /// Deals with every error `verify` reports (except a gap, which only another copy can
    /// fill): removes links, and rewrites each segment that has damage, a torn tail or members
    /// whose events do not belong (a broken chain, a forged id, a fork) with only its good
    /// members, after keeping the original as `<name>.corrupt` (or `.corrupt-N`). A segment
    /// that cannot be read at all is moved aside whole. Takes the writer lock.
    ///
    /// The original bytes are never without a name: the original is hard-linked to its
    /// `.corrupt` name first, then the clean copy is written to a temporary file and renamed
    /// over the original, so a crash at any point loses nothing.
    ///
    /// - Parameter ownDevice: This machine's device (kept when another device forged its ids).
    package static func repair(
        _ layout: JournalLayout, lockTimeout: Double, ownDevice: String? = nil
    ) throws(JournalError) -> [Action] {
        _ = try JournalManifest.load(layout)
        var actions: [Action] = []
        // A link is removed before anything else is opened through the folder it sits in.
        for link in LogReader.links(layout) {
            guard unlink(layout.root + "/" + link) == 0 else { throw .io("cannot remove the link", link) }
            actions.append(Action(file: link, movedTo: "", keptMembers: 0, droppedBytes: 0))
        }
        try FileSystem.makeDirectory(layout.local)
        let lock = try WriterLock(path: layout.lock, timeout: lockTimeout)
        defer { lock.release() }
        let report = try LogVerifier.verify(layout, ownDevice: ownDevice)
        var fixes: [String: [LogProblem.Fix]] = [:]
        for problem in report.problems {
            if let fix = problem.fix, fix != .removeLink { fixes[problem.file, default: []].append(fix) }
        }
        for (relative, found) in fixes.sorted(by: { $0.key < $1.key }) {
            let path = layout.root + "/" + relative
            guard FileSystem.kind(of: path) == .file else { continue }
            let aside = try keepAside(path)
            if found.contains(.setFileAside) {
                guard Syscall.rename(path, aside) == 0 else { throw .io("cannot move aside", path) }
                try FileSystem.syncDirectory(FileSystem.parent(of: path))
                actions.append(
                    Action(
                        file: relative, movedTo: String(aside.dropFirst(layout.root.count + 1)),
                        keptMembers: 0, droppedBytes: Int(FileSystem.fileSize(aside) ?? 0)))
                continue
            }
            let dropped = Set(found.compactMap { fix -> Int? in
                if case .dropMember(let offset) = fix { return offset }
                return nil
            })
            guard let bytes = try FileSystem.readFile(path, limit: SegmentLimits.standard.maxSegmentFile)
            else { continue }
            let scan: SegmentScan
            do { scan = try SegmentReader.scan(bytes, inflate: true) { _ in } } catch {
                throw JournalError(
                    .corruptSegment(offset: error.offset ?? 0, detail: error.message), path: path)
            }
            var clean: [UInt8] = []
            var kept = 0
            for member in scan.members where !dropped.contains(member.offset) {
                clean.append(contentsOf: bytes[member.offset..<member.end])
                kept += 1
            }
            guard Syscall.link(path, aside) == 0 else { throw .io("cannot keep a copy as", aside) }
            try FileSystem.writeAtomically(clean, to: path)
            actions.append(
                Action(
                    file: relative, movedTo: String(aside.dropFirst(layout.root.count + 1)),
                    keptMembers: kept, droppedBytes: bytes.count - clean.count))
        }
        return actions
    }

    /// The first free `<path>.corrupt` / `.corrupt-N` name.
    private static func keepAside(_ path: String) throws(JournalError) -> String {
        var aside = path + ".corrupt"
        var counter = 1
        while FileSystem.kind(of: aside) != .missing {
            counter += 1
            aside = path + ".corrupt-\(counter)"
        }
        return aside
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
