import FoundationEssentials
import Glibc
import JournalModel
import SystemPackage

/// Copies the complete members another journal folder has and this one lacks (DESIGN §5).
///
/// Each device is taken on its own. Only members that continue this journal's copy of that
/// device exactly are taken: the next seq, a `prev` chain that continues the last event we
/// have, every line a valid event of that device. They are copied byte for byte into the
/// segment of the same name, so every copy of a device's folder is a prefix of the writer's,
/// and a file synchronizer never sees two versions of one file. A member still being copied
/// into the other folder (a torn tail) has simply "not arrived yet". The same seq with other
/// content there is a forked device: nothing more of it is taken, and the plan says why.
package enum LogMerger {
    /// Plans a merge of `source` into `target` without writing anything.
    ///
    /// - Parameters:
    ///   - ownDevice: This machine's device id: the other folder may hold nothing of it that we
    ///     lack (that would be another writer using our id).
    ///   - isKnown: Whether this journal already holds an event with that id. A new event of
    ///     another device with a known id is a forgery (DESIGN §4): that device is refused from
    ///     the member that holds it on.
    package static func plan(
        into target: JournalLayout, from source: JournalLayout, ownDevice: String?,
        isKnown: (String) -> Bool = { _ in false }
    ) throws(JournalError) -> MergePlan {
        _ = try JournalManifest.load(source)
        var plan = MergePlan(devices: [])
        var planned = Set<String>()
        for device in try FileSystem.list(source.devices) where DeviceIdentity.isValidID(device) {
            let theirs = source.deviceFolder(device)
            switch FileSystem.kind(of: theirs) {
            case .directory: break
            case .link:
                // Never followed; said, so the device is not left out silently.
                plan.devices.append(
                    MergePlan.Device(
                        device: device, members: [], events: [],
                        refusal: "its folder there is a symbolic link; limber never follows one"))
                continue
            default: continue
            }
            let ours = try LogWriter.lastEvent(in: target.deviceFolder(device))
            var planner = DevicePlanner(
                device: device, lastSeq: ours?.event.seq ?? 0, lastHash: ours?.hash ?? Hex.genesis,
                isOwn: device == ownDevice, ourSizes: try segmentSizes(target.deviceFolder(device)))
            planner.ourFolder = target.deviceFolder(device)
            try planner.walk(folder: theirs) { id in isKnown(id) || planned.contains(id) }
            for event in planner.result.events { planned.insert(event.id) }
            if !planner.result.members.isEmpty || planner.result.refusal != nil {
                plan.devices.append(planner.result)
            }
        }
        return plan
    }

    /// Plans keeping what sync tools' conflict copies of segments hold (Syncthing's
    /// `*.sync-conflict-*`, Dropbox's "conflicted copy"): members of a copy that continue the
    /// original segment's chain are planned into the original; nothing else is touched.
    package static func planConflictCopies(
        in layout: JournalLayout
    ) throws(JournalError) -> MergePlan {
        var plan = MergePlan(devices: [])
        for device in try FileSystem.list(layout.devices) where DeviceIdentity.isValidID(device) {
            let folder = layout.deviceFolder(device)
            let copies = try FileSystem.list(folder).compactMap { name -> (String, String)? in
                guard let original = conflictCopyOriginal(name) else { return nil }
                return (original, folder + "/" + name)
            }
            guard !copies.isEmpty else { continue }
            let ours = try LogWriter.lastEvent(in: folder)
            var planner = DevicePlanner(
                device: device, lastSeq: ours?.event.seq ?? 0, lastHash: ours?.hash ?? Hex.genesis,
                isOwn: false, ourSizes: try segmentSizes(folder))
            try planner.walk(copies.sorted { $0.0 < $1.0 })
            if !planner.result.members.isEmpty || planner.result.refusal != nil {
                plan.devices.append(planner.result)
            }
        }
        return plan
    }

    /// The segment a sync tool's conflict copy stands for, or `nil` when `name` is not one.
    package static func conflictCopyOriginal(_ name: String) -> String? {
        guard name.contains(".sync-conflict-") || name.contains("conflicted copy") else {
            return nil
        }
        let digits = name.prefix(SegmentName.digitCount)
        guard digits.count == SegmentName.digitCount, digits.allSatisfy(\.isASCII),
            digits.allSatisfy(\.isNumber)
        else { return nil }
        return String(digits) + SegmentName.suffix
    }

    /// Whether a merge into `target` was cut short (checked with one `lstat`).
    package static func isMergeWaiting(in target: JournalLayout) -> Bool {
        PendingMerge.isWaiting(in: target)
    }

    /// Finishes a merge into `target` that was cut short, taking the writer lock.
    package static func finishMerge(in target: JournalLayout, lockTimeout: Double) throws(JournalError) {
        let lock = try WriterLock(path: target.lock, timeout: lockTimeout)
        defer { lock.release() }
        try PendingMerge.finish(in: target)
    }

    /// Copies the planned members, all or nothing (``PendingMerge``). Call under the writer
    /// lock. A new segment is staged and renamed into place; an existing one gets one `write`
    /// and an `fsync`, or, with `replacingFiles` (a shared folder that other machines read
    /// while we write), is rewritten whole under a temporary name and renamed, so no reader
    /// ever sees half a member.
    package static func apply(
        _ plan: MergePlan, into target: JournalLayout, replacingFiles: Bool = false
    ) throws(JournalError) {
        // What a merge cut short left is finished first; then the whole plan is staged and
        // committed before any of it is carried out (``PendingMerge``).
        try PendingMerge.finish(in: target)
        var chunks: [(device: String, segment: String, offset: Int, bytes: [UInt8])] = []
        for device in plan.devices where !device.members.isEmpty {
            for member in device.members {
                if let last = chunks.last, last.device == device.device, last.segment == member.segment,
                    last.offset + last.bytes.count == member.offset
                {
                    chunks[chunks.count - 1].bytes.append(contentsOf: member.bytes)
                } else {
                    chunks.append((device.device, member.segment, member.offset, member.bytes))
                }
            }
        }
        guard !chunks.isEmpty else { return }
        let pending = try PendingMerge.stage(chunks, into: target, replacingFiles: replacingFiles)
        chunks = []
        try pending.carryOut(in: target)
    }

    static func append(_ bytes: [UInt8], to path: String) throws(JournalError) {
        let descriptor = Syscall.open(path, O_WRONLY | O_APPEND | O_NOFOLLOW)
        guard descriptor >= 0 else { throw .io("cannot append to", path) }
        defer { close(descriptor) }
        var size = stat()
        let before = fstat(descriptor, &size) == 0 ? Int(size.st_size) : nil
        var code = bytes.withUnsafeBytes { FileSystem.writeAll(descriptor, $0) }
        if code == 0, Syscall.fsync(descriptor) != 0 { code = errno }
        guard code == 0 else {
            // No half member stays behind (the next merge would also replace one).
            if let before { _ = Syscall.truncate(descriptor, to: before) }
            throw .io("cannot append to", path, code)
        }
    }

    /// The size of each of our segments of a device, not counting a torn tail of the newest
    /// (what a merge cut short left: the next merge replaces it).
    private static func segmentSizes(_ folder: String) throws(JournalError) -> [String: Int] {
        var sizes: [String: Int] = [:]
        var newest: (name: String, seq: UInt64)?
        for name in try FileSystem.list(folder) {
            guard let seq = SegmentName.firstSeq(fromFileName: name) else { continue }
            sizes[name] = FileSystem.fileSize(folder + "/" + name).map { Int($0) } ?? 0
            if newest.map({ seq > $0.seq }) ?? true { newest = (name, seq) }
        }
        if let newest, let torn = tornTailStart(folder + "/" + newest.name) {
            sizes[newest.name] = torn
        }
        return sizes
    }

    /// Where the torn tail of a segment starts, when it ends in one and has no other damage.
    static func tornTailStart(_ path: String) -> Int? {
        guard let bytes = try? FileSystem.readFile(path, limit: SegmentLimits.standard.maxSegmentFile),
            let scan = try? SegmentReader.scan(bytes, inflate: false),
            let torn = scan.tornTailOffset,
            !scan.corruption.contains(where: { $0.kind != .missingIndex })
        else { return nil }
        return torn
    }

    static func cut(_ path: String, to size: Int) throws(JournalError) {
        let descriptor = Syscall.open(path, O_WRONLY | O_NOFOLLOW)
        guard descriptor >= 0 else { throw .io("cannot open", path) }
        defer { close(descriptor) }
        guard Syscall.truncate(descriptor, to: size) == 0, Syscall.fsync(descriptor) == 0 else {
            throw .io("cannot cut the torn tail of", path)
        }
    }
}

/// Walks one device of the other journal, collecting what continues our copy of it.
private struct DevicePlanner {
    var result: MergePlan.Device
    var lastSeq: UInt64
    var lastHash: String
    let isOwn: Bool
    let ourSizes: [String: Int]
    /// Bytes each segment of ours will have after the members planned so far.
    var plannedSizes: [String: Int]
    /// Our copy of the device's folder, to skip their segments we already hold whole.
    var ourFolder: String?
    /// The ids of the events planned so far.
    var plannedIDs: Set<String> = []

    init(device: String, lastSeq: UInt64, lastHash: String, isOwn: Bool, ourSizes: [String: Int]) {
        result = MergePlan.Device(device: device, members: [], events: [], refusal: nil)
        self.lastSeq = lastSeq
        self.lastHash = lastHash
        self.isOwn = isOwn
        self.ourSizes = ourSizes
        plannedSizes = ourSizes
    }

    mutating func walk(folder: String, isKnown: (String) -> Bool) throws(JournalError) {
        let segments = try FileSystem.list(folder).compactMap { name in
            SegmentName.firstSeq(fromFileName: name).map { (name, $0) }
        }.sorted { $0.1 < $1.1 }
        try walk(segments.map { ($0.0, folder + "/" + $0.0) }, isKnown: isKnown)
    }

    /// Walks files as the segments they stand for: `(segment name, path of the bytes)`.
    mutating func walk(
        _ files: [(String, String)], isKnown: (String) -> Bool = { _ in false }
    ) throws(JournalError) {
        for (name, path) in files {
            guard result.refusal == nil else { return }
            if FileSystem.kind(of: path) == .link {
                refuse("segment \(name) is a symbolic link; limber never follows one")
                return
            }
            if let size = FileSystem.fileSize(path), size > SegmentLimits.standard.maxSegmentFile {
                refuse("segment \(name) has \(size) bytes, more than a segment may have")
                return
            }
            if let ourFolder, let size = ourSizes[name], FileSystem.fileSize(path) == Int64(size),
                let ours = WriterHead.tail(of: ourFolder + "/" + name, size: size),
                ours == WriterHead.tail(of: path, size: size)
            {
                // Copies are byte-for-byte prefixes of the writer's file: the same size and the
                // same last member trailer is the same file. Nothing to read (merging a journal
                // with nothing new costs about as much as listing its files).
                continue
            }
            guard let bytes = try FileSystem.readFile(path) else { continue }
            let scan: SegmentScan
            do { scan = try SegmentReader.scan(bytes, inflate: false) } catch {
                refuse("segment \(name) cannot be read (\(error.message))")
                return
            }
            if let damage = scan.corruption.first(where: { $0.kind != .missingIndex }) {
                // Take what comes before the damage; what follows waits for a clean copy.
                try take(
                    scan.members.filter { $0.end <= damage.offset }, of: bytes, segment: name,
                    isKnown: isKnown)
                refuse("segment \(name) is damaged at byte \(damage.offset): \(damage.detail)")
                return
            }
            try take(scan.members, of: bytes, segment: name, isKnown: isKnown)
        }
    }

    private mutating func take(
        _ members: [ScannedMember], of bytes: [UInt8], segment: String,
        isKnown: (String) -> Bool
    ) throws(JournalError) {
        // Every member past our copy is inflated, parsed and hashed on every core first; the
        // chain is then checked in order, from one member to the next.
        let decoded = Self.decode(members.filter { $0.firstSeq > lastSeq }, of: bytes, device: result.device)
        for member in members {
            guard result.refusal == nil else { return }
            guard member.isIndexed else {
                refuse(
                    "segment \(segment) has a member without limber's index at byte \(member.offset)"
                )
                return
            }
            let last = member.firstSeq + UInt64(member.count) - 1
            if member.firstSeq <= lastSeq, last > lastSeq {
                refuse(
                    "segment \(segment): members there are grouped differently from ours (seq \(member.firstSeq)…\(last) against our \(lastSeq))"
                )
                return
            }
            if last <= lastSeq {
                if last == lastSeq, !confirmSame(member, of: bytes) {
                    refuse(
                        "forked device: its event \(lastSeq) differs from ours (another machine wrote with the same device id)"
                    )
                }
                continue
            }
            guard member.firstSeq == lastSeq + 1 else {
                refuse(
                    "events \(lastSeq + 1)…\(member.firstSeq - 1) are missing there; took everything before them"
                )
                return
            }
            if isOwn {
                refuse(
                    "forked device: the other journal has events of this machine's device that this journal never wrote"
                )
                return
            }
            let memberBytes = Array(bytes[member.offset..<member.end])
            let (seq, hash) = (lastSeq, lastHash)
            guard let events = verified(decoded[member.offset] ?? nil) else {
                refuse(
                    "segment \(segment): the member at byte \(member.offset) does not continue this device's chain"
                )
                return
            }
            // An id this journal has, or one this device already used (in this member or an
            // earlier one): our writers never write an id twice, so it is a forgery.
            var seen: Set<String> = []
            if let forged = events.first(where: {
                isKnown($0.id) || plannedIDs.contains($0.id) || !seen.insert($0.id).inserted
            }) {
                (lastSeq, lastHash) = (seq, hash)
                refuse(
                    "forged event: its event \(forged.seq) (segment \(segment), byte \(member.offset)) reuses the id \(forged.id) of an earlier event"
                )
                return
            }
            plannedIDs.formUnion(seen)
            guard (plannedSizes[segment] ?? 0) == member.offset else {
                refuse(
                    "segment \(segment): our copy is \(plannedSizes[segment] ?? 0) bytes, theirs continues at byte \(member.offset)"
                )
                return
            }
            plannedSizes[segment] = member.end
            result.members.append(
                MergePlan.Member(segment: segment, offset: member.offset, bytes: memberBytes, count: events.count))
            result.events.append(contentsOf: events)
        }
    }

    /// A member's events, decoded and chained within the member, with the `prev` of its first
    /// event and the hash of its last line: whether it continues our chain is checked after.
    struct DecodedMember: Sendable {
        var events: [Event]
        var firstPrev: String
        var lastHash: String
    }

    /// Decodes `members` of a segment's `bytes` on every core, by member offset: `nil` for a
    /// member that is damaged, holds a line that is not an event of `device`, or whose seqs or
    /// `prev` chain break inside it.
    static func decode(_ members: [ScannedMember], of bytes: [UInt8], device: String) -> [Int: DecodedMember?] {
        // The bytes are only read.
        let slots = Parallel.map(members.count) { index in
            decode(Array(bytes[members[index].offset..<members[index].end]), device: device)
        }
        var byOffset: [Int: DecodedMember?] = [:]
        byOffset.reserveCapacity(members.count)
        for (member, decoded) in zip(members, slots) { byOffset[member.offset] = decoded }
        return byOffset
    }

    private static func decode(_ bytes: [UInt8], device: String) -> DecodedMember? {
        guard let scan = try? SegmentReader.scan(bytes, inflate: true), scan.problems.isEmpty,
            scan.members.count == 1, let payload = scan.members[0].payload
        else { return nil }
        var events: [Event] = []
        var hash: String?
        for line in JSONLines.split(payload) {
            guard let event = try? EventDecoding.decode(line), event.device == device,
                events.last.map({ event.seq == $0.seq + 1 }) ?? true,
                hash.map({ event.prev == $0 }) ?? true
            else { return nil }
            hash = line.withUnsafeBytes { Hex.chainHash($0) }
            events.append(event)
        }
        guard let first = events.first, let hash else {
            return DecodedMember(events: [], firstPrev: "", lastHash: "")
        }
        return DecodedMember(events: events, firstPrev: first.prev, lastHash: hash)
    }

    /// The events of a decoded member that continues our chain exactly, or `nil` (a member
    /// without lines continues it with nothing).
    private mutating func verified(_ decoded: DecodedMember?) -> [Event]? {
        guard let decoded else { return nil }
        guard let first = decoded.events.first, let last = decoded.events.last else { return [] }
        guard first.seq == lastSeq + 1, decoded.firstPrev == lastHash else { return nil }
        lastSeq = last.seq
        lastHash = decoded.lastHash
        return decoded.events
    }

    /// `true` when their event at our last seq is byte for byte the one we have.
    private func confirmSame(_ member: ScannedMember, of bytes: [UInt8]) -> Bool {
        guard lastSeq >= member.firstSeq,
            let scan = try? SegmentReader.scan(
                Array(bytes[member.offset..<member.end]), inflate: true),
            let payload = scan.members.first?.payload
        else { return false }
        let lines = JSONLines.split(payload)
        let index = Int(lastSeq - member.firstSeq)
        guard index < lines.count else { return false }
        return lines[index].withUnsafeBytes { Hex.chainHash($0) } == lastHash
    }

    private mutating func refuse(_ reason: String) {
        if result.refusal == nil { result.refusal = reason }
    }
}
