import Glibc
import EventLog
import Reconcile

/// What a merge brought in (or would bring in, with `dryRun`), device by device.
public struct MergeReport: Sendable, Encodable {
    /// One device of the other journal.
    public struct Device: Sendable, Encodable {
        /// The device id.
        public var device: String
        /// Events copied (or that would be).
        public var events: Int
        /// Sessions this journal did not have.
        public var newSessions: Int
        /// Amendments, deletions and restorations of sessions.
        public var changes: Int
        /// Custom exercises, routines and profile changes.
        public var definitions: Int
        /// Why the rest of the device was not taken (a forked device, damage, a gap).
        public var refused: String?
    }

    /// The devices with something new or a refusal.
    public var devices: [Device]
    /// `true` when nothing was written (`--dry-run`).
    public var dryRun: Bool
    /// Conflicts the merge creates (or would create) in the sessions it touches.
    public var newConflicts: Int = 0

    /// Events in all devices.
    public var events: Int { devices.reduce(0) { $0 + $1.events } }
}

extension Journal {
    /// Merges another journal folder into this one: copies, device by device, the complete
    /// verified members this journal lacks, then folds them. Never rewrites existing bytes.
    ///
    /// - Parameters:
    ///   - path: The other journal folder.
    ///   - dryRun: Report what would come in without writing anything.
    /// - Returns: What came in, and every device that was refused and why.
    public func merge(from path: String, dryRun: Bool, passphrase: String? = nil) throws -> MergeReport {
        guard FileSystem.kind(of: path) == .file else { return try mergeFolder(path, dryRun: dryRun) }
        guard Archive.looksLikeArchive(path) else {
            throw LimberError(
                .invalid(
                    "\(path) is neither a journal folder nor a limber archive",
                    hint: "give a journal folder or a file made by `limber archive create`"))
        }
        // The archive is checked whole, then unpacked inside this journal's local/ (never synced)
        // and merged like a folder.
        let folder = layout.local + "/archive-\(getpid())"
        Archive.removeTree(folder)
        defer { Archive.removeTree(folder) }
        _ = try Archive.unpack(path, into: folder, passphrase: passphrase)
        return try mergeFolder(folder, dryRun: dryRun)
    }

    private func mergeFolder(_ path: String, dryRun: Bool) throws -> MergeReport {
        try write { writer in
            let plan = try LogMerger.plan(
                into: layout, from: JournalLayout(root: path), ownDevice: writer.device)
            let devices = try plan.devices.map { device in
                var counts = MergeReport.Device(
                    device: device.device, events: device.events.count, newSessions: 0, changes: 0,
                    definitions: 0, refused: device.refusal)
                for event in device.events {
                    switch event.body {
                    case .sessionLogged:
                        try loadFromSnapshot(event.entity)
                        if state.session(id: event.entity) == nil { counts.newSessions += 1 }
                    case .sessionAmended, .sessionDeleted, .sessionRestored, .conflictResolved:
                        counts.changes += 1
                    case .exerciseDefined, .routineDefined, .profileSet, .deviceNamed: counts.definitions += 1
                    case .unknown: break
                    }
                }
                return counts
            }
            let touched = Set(plan.events.map(\.entity))
            for entity in touched { try loadFromSnapshot(entity) }
            let before = touched.reduce(0) { $0 + (state.records[$1]?.conflicts.count ?? 0) }
            var after = 0
            if dryRun {
                var preview = state
                for event in plan.events { preview.apply(event) }
                after = touched.reduce(0) { $0 + (preview.records[$1]?.conflicts.count ?? 0) }
            } else {
                try LogMerger.apply(plan, into: layout)
                let contents = try LogReader.read(layout, since: watermark)
                if contents.continuous { try apply(contents) } else { try reopenCold() }
                after = touched.reduce(0) { $0 + (state.records[$1]?.conflicts.count ?? 0) }
            }
            var report = MergeReport(devices: devices, dryRun: dryRun)
            report.newConflicts = max(0, after - before)
            return report
        }
    }
}
