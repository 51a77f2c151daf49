import FoundationEssentials
import Glibc
import JournalModel

/// A merge written down whole before any of it is carried out, so that a merge or sync killed
/// half way is finished by the next command instead of leaving part of a device in.
///
/// Every write of a plan goes to `local/merge/` first: a new segment as the file itself, bytes
/// to append to one of our segments as a chunk file; all synced. Then `plan.json` is written
/// atomically: that is the commit point. Carrying it out renames the new segments into place
/// and appends the chunks, each step idempotent, and removes the plan last. A plan found
/// later (the merging process died) is carried out again under the lock; staged files without
/// a plan are removed.
struct PendingMerge: Codable, Sendable {
    /// One write of the plan.
    struct Write: Codable, Sendable {
        /// The device folder.
        var device: String
        /// The segment file name.
        var segment: String
        /// Where the bytes go in the segment (0 for a new segment).
        var offset: Int
        /// How many bytes.
        var length: Int
        /// The staged file, in `local/merge/`.
        var staged: String
    }

    var writes: [Write]
    /// Rewrite an existing segment whole under a temporary name (a shared folder that other
    /// machines read while it is written) rather than appending to it.
    var replacingFiles: Bool

    static func folder(_ target: JournalLayout) -> String { target.local + "/merge" }
    static func planPath(_ target: JournalLayout) -> String { folder(target) + "/plan.json" }

    /// Whether a merge into `target` was cut short and waits to be finished.
    static func isWaiting(in target: JournalLayout) -> Bool {
        FileSystem.kind(of: planPath(target)) == .file
    }

    /// Stages every write and commits the plan. Call under the target's writer lock.
    static func stage(
        _ chunks: [(device: String, segment: String, offset: Int, bytes: [UInt8])],
        into target: JournalLayout, replacingFiles: Bool
    ) throws(JournalError) -> PendingMerge {
        try FileSystem.makeDirectory(target.local)
        try FileSystem.makeDirectory(folder(target))
        try clear(target)
        var writes: [Write] = []
        for (index, chunk) in chunks.enumerated() {
            let name = String(index)
            let path = folder(target) + "/" + name
            let descriptor = Syscall.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
            guard descriptor >= 0 else { throw .io("cannot stage", path) }
            var code = chunk.bytes.withUnsafeBytes { FileSystem.writeAll(descriptor, $0) }
            if code == 0, Syscall.fsync(descriptor) != 0 { code = errno }
            close(descriptor)
            guard code == 0 else { throw .io("cannot stage", path, code) }
            writes.append(
                Write(
                    device: chunk.device, segment: chunk.segment, offset: chunk.offset,
                    length: chunk.bytes.count, staged: name))
        }
        try FileSystem.syncDirectory(folder(target))
        let plan = PendingMerge(writes: writes, replacingFiles: replacingFiles)
        let encoded: Data
        do { encoded = try JSONEncoder().encode(plan) } catch {
            throw JournalError(.badMetadata("cannot encode the merge plan"), path: planPath(target))
        }
        try FileSystem.writeAtomically(Array(encoded), to: planPath(target))
        return plan
    }

    /// Finishes a merge that was cut short, or removes what one staged without committing.
    /// Call under the target's writer lock.
    static func finish(in target: JournalLayout) throws(JournalError) {
        guard try FileSystem.requireDirectory(folder(target)) else { return }
        guard let bytes = try FileSystem.readFile(planPath(target), limit: 16 << 20) else {
            try clear(target)
            return
        }
        guard let plan = try? JSONDecoder().decode(PendingMerge.self, from: Data(bytes)),
            plan.writes.allSatisfy({
                DeviceIdentity.isValidID($0.device) && SegmentName.firstSeq(fromFileName: $0.segment) != nil
                    && Int($0.staged) != nil
                    && (0...SegmentLimits.standard.maxSegmentFile).contains($0.offset)
                    && (0...SegmentLimits.standard.maxSegmentFile).contains($0.length)
            })
        else {
            // Not one limber wrote: nothing of it is carried out.
            unlink(planPath(target))
            try clear(target)
            return
        }
        do {
            try plan.carryOut(in: target)
        } catch let error where error.kind.isMismatch {
            // The journal no longer matches the plan (a staged part gone, a segment changed
            // under it by a sync tool): it cannot be carried out, and keeping it would stop
            // every write. What was applied is whole members; a new merge brings the rest.
            unlink(planPath(target))
            try clear(target)
        }
    }

    /// Carries out every write (each one skipped when already done), then drops the plan.
    func carryOut(in target: JournalLayout) throws(JournalError) {
        try FileSystem.makeDirectory(target.devices)
        var folders: Set<String> = []
        for write in writes {
            let deviceFolder = target.deviceFolder(write.device)
            try FileSystem.makeDirectory(deviceFolder)
            let path = deviceFolder + "/" + write.segment
            let staged = Self.folder(target) + "/" + write.staged
            let size = FileSystem.fileSize(path).map { Int($0) }
            let stagedSize = FileSystem.fileSize(staged).map { Int($0) }
            // Done before the cut: a new segment renamed into place (its staged file is gone),
            // or the very bytes appended. A torn member of the same length is not done.
            if size == write.offset + write.length {
                if stagedSize == nil { continue }
                if try Self.holds(path, staged, at: write.offset) { continue }
            }
            guard stagedSize == write.length else {
                throw JournalError(.badMetadata("a staged part of the merge is missing"), path: staged)
            }
            if write.offset == 0, size == nil {
                guard Syscall.rename(staged, path) == 0 else { throw .io("cannot rename into", path) }
                folders.insert(deviceFolder)
                continue
            }
            let limit = SegmentLimits.standard.maxSegmentFile
            guard let chunk = try FileSystem.readFile(staged, limit: limit), chunk.count == write.length else {
                throw JournalError(.badMetadata("a staged part of the merge is missing"), path: staged)
            }
            if size == write.offset, replacingFiles {
                let existing = try FileSystem.readFile(path, limit: limit) ?? []
                guard existing.count == write.offset else {
                    throw JournalError(.badMetadata("changed while syncing"), path: path)
                }
                try FileSystem.writeAtomically(existing + chunk, to: path)
            } else if size == write.offset {
                try LogMerger.append(chunk, to: path)
            } else if let size, size > write.offset, LogMerger.tornTailStart(path) == write.offset {
                // Our copy ends in a torn member (a merge cut short before this plan existed).
                try LogMerger.cut(path, to: write.offset)
                try LogMerger.append(chunk, to: path)
            } else {
                throw JournalError(
                    .badMetadata(
                        "our copy has \(size ?? 0) bytes, the member to add starts at \(write.offset)"),
                    path: path)
            }
        }
        for folder in folders { try FileSystem.syncDirectory(folder) }
        guard unlink(Self.planPath(target)) == 0 || errno == ENOENT else {
            throw .io("cannot remove", Self.planPath(target))
        }
        try FileSystem.syncDirectory(Self.folder(target))
        try Self.clear(target)
    }

    /// Whether the file at `path` ends, from `offset`, in exactly the bytes of `staged`.
    private static func holds(_ path: String, _ staged: String, at offset: Int) throws(JournalError) -> Bool {
        let limit = SegmentLimits.standard.maxSegmentFile
        guard let existing = try FileSystem.readFile(path, limit: limit),
            let chunk = try FileSystem.readFile(staged, limit: limit),
            existing.count == offset + chunk.count
        else { return false }
        return existing[offset...].elementsEqual(chunk)
    }

    /// Removes every staged file (never the plan: call only when there is none, or it is done).
    private static func clear(_ target: JournalLayout) throws(JournalError) {
        for name in try FileSystem.list(folder(target)) where name != "plan.json" {
            unlink(folder(target) + "/" + name)
        }
    }
}

extension JournalError.Kind {
    /// A plan that does not fit the files any more (as opposed to a failed system call, which
    /// the next command retries).
    fileprivate var isMismatch: Bool {
        if case .badMetadata = self { return true }
        return false
    }
}
