import EventLog
import Reconcile

/// What a sync with a shared folder did.
public struct SyncReport: Sendable, Encodable {
    /// What came in from the folder.
    public var received: MergeReport
    /// What this journal put into the folder.
    public var sent: MergeReport
    /// `true` when the folder was made a journal by this sync.
    public var createdFolder: Bool
}

extension Journal {
    /// Starts this machine's journal at `path` as a copy of the journal in the shared `folder`
    /// (the same `limber.json`), when `path` holds none and `folder` does: `sync DIR` on a
    /// second machine. The events come with the sync that follows.
    ///
    /// - Returns: `true` when the journal was made.
    public static func startFromShared(at path: String, folder: String, options: Options) throws
        -> Bool
    {
        guard !exists(at: path), exists(at: folder) else { return false }
        return try create(at: path, options: options, copyOf: folder)
    }

    /// Two-way exchange with a shared folder (a USB stick, a mounted share): takes what the
    /// folder has that this journal lacks, then puts there what it lacks. The folder is a
    /// journal folder without `local/` data of its own; every file written into it is written
    /// under a temporary name and renamed, so an interrupted sync leaves nothing half-valid.
    ///
    /// - Parameters:
    ///   - folder: The shared folder; made a journal (of this journal's id) when empty or missing.
    ///   - dryRun: Report both directions without writing anything.
    ///   - join: Sync even when the folder holds a journal of another id, joining the two
    ///     (see ``merge(from:dryRun:passphrase:join:)``).
    public func sync(with given: String, dryRun: Bool, join: Bool = false) throws -> SyncReport {
        let folder = FileSystem.resolvingTopLink(given)
        let shared = JournalLayout(root: folder)
        var created = false
        if FileSystem.kind(of: shared.manifest) == .missing {
            guard !dryRun else {
                let outgoing = try LogMerger.plan(into: shared, from: layout, ownDevice: nil)
                return SyncReport(
                    received: MergeReport(devices: [], dryRun: true),
                    sent: MergeReport(devices: outgoing.devices.map(Self.summary), dryRun: true),
                    createdFolder: true)
            }
            if FileSystem.kind(of: folder) == .missing { try FileSystem.makeDirectories(folder) }
            // Empty, or what a first sync killed before it wrote limber.json left there.
            let started = try FileSystem.list(folder).allSatisfy { name in
                Self.transportFiles.contains(name) || name.contains(".limber-tmp-")
                    || (name == "devices" && ((try? FileSystem.list(shared.devices).isEmpty) ?? false))
            }
            guard started else { throw JournalError(.occupied, path: folder) }
            FileSystem.removeStaleTemporaries(of: folder + "/.gitignore")
            FileSystem.removeStaleTemporaries(of: folder + "/.stignore")
            FileSystem.removeStaleTemporaries(of: shared.manifest)
            let manifest = try JournalManifest.load(layout)
            try FileSystem.writeAtomically(Array("local/\n".utf8), to: folder + "/.gitignore")
            try FileSystem.writeAtomically(Array("/local\n".utf8), to: folder + "/.stignore")
            try FileSystem.makeDirectory(shared.devices)
            try FileSystem.writeAtomically(try manifest.encoded(), to: shared.manifest)
            created = true
        }
        let received = try merge(from: folder, dryRun: dryRun, join: join)
        // The folder's own writer lock keeps two machines from writing into it at once.
        try FileSystem.makeDirectory(shared.local)
        let lock = try WriterLock(path: shared.lock, timeout: options.lockTimeout)
        defer { lock.release() }
        let outgoing = try LogMerger.plan(into: shared, from: layout, ownDevice: nil)
        if !dryRun { try LogMerger.apply(outgoing, into: shared, replacingFiles: true) }
        return SyncReport(
            received: received,
            sent: MergeReport(devices: outgoing.devices.map(Self.summary), dryRun: dryRun),
            createdFolder: created)
    }

    static func summary(_ device: MergePlan.Device) -> MergeReport.Device {
        var counts = MergeReport.Device(
            device: device.device, events: device.events.count, newSessions: 0, changes: 0,
            definitions: 0, refused: device.refusal)
        for event in device.events {
            switch event.body {
            case .sessionLogged: counts.newSessions += 1
            case .sessionAmended, .sessionDeleted, .sessionRestored, .conflictResolved:
                counts.changes += 1
            case .exerciseDefined, .routineDefined, .profileSet, .deviceNamed, .journalJoined:
                counts.definitions += 1
            case .unknown: break
            }
        }
        return counts
    }
}
