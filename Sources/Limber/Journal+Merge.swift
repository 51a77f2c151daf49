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
    /// Possible duplicates (the same exercises within 90 minutes on two devices) that appeared;
    /// `nil` when the merge brought more sessions than are worth reading them all for
    /// (``Journal/duplicateCountLimit``): `limber conflicts` lists them.
    public var newDuplicates: Int? = 0
    /// `true` when the other journal had another id and the two were joined (`--join`).
    public var joined = false

    /// Events in all devices.
    public var events: Int { devices.reduce(0) { $0 + $1.events } }
}

extension Journal {
    /// Above this many new sessions a merge does not count the possible duplicates it brings.
    public static let duplicateCountLimit = 2000

    /// Merges another journal folder into this one: copies, device by device, the complete
    /// verified members this journal lacks, then folds them. Never rewrites existing bytes.
    ///
    /// - Parameters:
    ///   - path: The other journal folder.
    ///   - dryRun: Report what would come in without writing anything.
    ///   - join: Merge even when the other journal has another `journal` id, and record that
    ///     the two are one from now on (a `journal.joined` event that syncs).
    /// - Returns: What came in, and every device that was refused and why.
    /// - Throws: ``LimberError`` `.differentJournals` for another journal without `join`.
    public func merge(
        from path: String, dryRun: Bool, passphrase: String? = nil, join: Bool = false
    ) throws -> MergeReport {
        guard FileSystem.kind(of: path) == .file else {
            return try mergeFolder(path, shownAs: path, dryRun: dryRun, join: join)
        }
        guard Archive.looksLikeArchive(path) else {
            throw LimberError(
                .invalid(
                    "\(path) is neither a journal folder nor a limber archive",
                    hint: "give a journal folder or a file made by `limber archive create`"))
        }
        // The archive is checked whole, then unpacked inside this journal's local/ (never synced)
        // and merged like a folder.
        // Named like every temporary of limber's, so a killed merge's is removed by the next.
        try FileSystem.requireDirectory(layout.local)
        let folder = layout.local + "/.archive.limber-merge-\(getpid())"
        FileSystem.removeStaleTemporaries(of: layout.local + "/archive")
        FileSystem.removeTree(folder)
        defer { FileSystem.removeTree(folder) }
        _ = try Archive.unpack(path, into: folder, passphrase: passphrase)
        return try mergeFolder(folder, shownAs: path, dryRun: dryRun, join: join)
    }

    private func mergeFolder(_ path: String, shownAs name: String, dryRun: Bool, join: Bool)
        throws -> MergeReport
    {
        let other = try JournalManifest.load(JournalLayout(root: path))
        let joining = !state.isSameJournal(journalID, other.journal)
        if joining, !join {
            let mine = try JournalSummary(layout)
            throw LimberError(
                .differentJournals(
                    ours: mine.description, theirs: try JournalSummary(JournalLayout(root: path)).description,
                    path: name, here: self.path, empty: mine.sessions == 0,
                    archive: FileSystem.kind(of: name) == .file))
        }
        return try write { writer in
            let plan = try LogMerger.plan(
                into: layout, from: JournalLayout(root: path), ownDevice: writer.device,
                isKnown: hasEvent)
            // Gathered from every device once (each `plan.events` copies them all).
            let events = plan.events
            // Possible duplicates are counted around the sessions the merge brings.
            let arrived = Set(
                events.compactMap { event -> String? in
                    if case .sessionLogged = event.body { return event.entity }
                    return nil
                })
            // Counting means reading every session near the new ones: worth it for what a sync
            // brings, not for the first merge of two long histories.
            let countDuplicates = !arrived.isEmpty && arrived.count <= Self.duplicateCountLimit
            let duplicatesBefore = countDuplicates ? try duplicates(around: arrived).count : 0
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
                    case .exerciseDefined, .routineDefined, .profileSet, .deviceNamed, .journalJoined:
                counts.definitions += 1
                    case .unknown: break
                    }
                }
                return counts
            }
            let touched = Set(events.map(\.entity))
            for entity in touched { try loadFromSnapshot(entity) }
            let before = touched.reduce(0) { $0 + (state.records[$1]?.conflicts.count ?? 0) }
            var after = 0
            var duplicatesAfter = duplicatesBefore
            if dryRun {
                var preview = state
                for event in events { preview.apply(event) }
                after = touched.reduce(0) { $0 + (preview.records[$1]?.conflicts.count ?? 0) }
                // The duplicates of the previewed state; the real state is put back after.
                duplicatesAfter = try store.withState(preview) {
                    countDuplicates ? try duplicates(around: arrived).count : 0
                }
            } else {
                try LogMerger.apply(plan, into: layout)
                // The plan decoded and verified every event it copied: they are applied from
                // it, and only what else arrived is read.
                _ = try store.applyCopied(events, at: plan.locations, spans: plan.spans)
                try store.catchUp()
                // The store is left current: the next command opens warm instead of reading
                // what the merge brought again.
                refreshSnapshot()
                // Joined only once the other journal's events are here.
                if joining {
                    try commitChange(
                        of: "journal",
                        body: .journalJoined(JournalJoin(journals: [journalID, other.journal])),
                        with: writer)
                }
                after = touched.reduce(0) { $0 + (state.records[$1]?.conflicts.count ?? 0) }
                duplicatesAfter = countDuplicates ? try duplicates(around: arrived).count : 0
            }
            var report = MergeReport(devices: devices, dryRun: dryRun)
            report.newConflicts = max(0, after - before)
            report.newDuplicates =
                arrived.count > Self.duplicateCountLimit ? nil : max(0, duplicatesAfter - duplicatesBefore)
            report.joined = joining
            return report
        }
    }
}
