import FoundationEssentials
import Glibc
import JournalModel
import SystemPackage

/// Appends this device's events to its open segment, durably, under the writer lock.
///
/// Opening takes `local/lock`, establishes the device identity, cuts a torn last member of this
/// device's open segment away (DESIGN §3), and reads the chain head (last seq, last line hash)
/// and the newest hybrid-clock time of every device.
package final class LogWriter {
    /// A segment rotates once it passes this size.
    package static let rotationBytes = 4 << 20

    /// The journal folder this writer appends to.
    package let layout: JournalLayout
    /// This machine's device identity for the journal; its device id names the folder written to.
    package let identity: DeviceIdentity
    /// Set when opening made a new device identity.
    package let identityChange: DeviceIdentity.Change?
    /// Bytes cut from a torn tail of this device's open segment on open (0 when none).
    package private(set) var recoveredBytes = 0

    private let lock: WriterLock
    private(set) var clock: HybridClock
    private(set) var lastSeq: UInt64 = 0
    private(set) var lastHash = Hex.genesis
    var openSegment: (path: String, size: Int)?
    private let encoder = JSONCoding.encoder()
    /// The identity and the device folder still have to be written (first append).
    var needsSetup: Bool

    /// The device id this writer appends as.
    package var device: String { identity.device }
    /// The seq of this device's last event (0 when it has none).
    package var headSeq: UInt64 { lastSeq }
    /// The open segment (relative to the journal folder) and its size after the last append.
    package var openSegmentState: (relativePath: String, size: Int)? {
        openSegment.map { (String($0.path.dropFirst(layout.root.count + 1)), $0.size) }
    }
    /// The largest hybrid-clock time seen.
    package var lastHLC: HLC { clock.last }

    /// Opens the journal for writing.
    ///
    /// - Parameters:
    ///   - lockTimeout: Seconds to wait for another writer.
    ///   - environment: Read for `LIMBER_MACHINE_ID` (device fingerprint).
    ///   - observed: The newest hybrid-clock time the caller has read from this journal; when
    ///     `nil`, the newest event of every other device is read instead.
    package init(
        layout: JournalLayout, lockTimeout: Double, environment: [String: String],
        observed: HLC? = nil
    ) throws(JournalError) {
        self.layout = layout
        _ = try JournalManifest.load(layout)
        try FileSystem.makeDirectory(layout.local)
        lock = try WriterLock(path: layout.lock, timeout: lockTimeout)
        // Nothing is created until the first append: a refused write leaves no trace.
        (identity, identityChange) = try DeviceIdentity.resolve(
            for: layout, environment: environment)
        needsSetup = identityChange != nil
        clock = HybridClock()
        // Nothing the writer touches may be a link (docs/RELIABILITY.md, "Links").
        try FileSystem.requireDirectory(layout.devices)
        try FileSystem.requireDirectory(layout.deviceFolder(identity.device))
        try FileSystem.requireDirectory(layout.cache)
        try clearStaging()
        // A merge cut short is finished before anything else is written.
        try PendingMerge.finish(in: layout)
        if identityChange == nil { try recoverOwnLog() }
        if let observed {
            clock.observe(observed)
        } else {
            for device in try FileSystem.list(layout.devices)
            where device != identity.device && DeviceIdentity.isValidID(device) {
                if let head = try? Self.lastEvent(in: layout.deviceFolder(device)) {
                    clock.observe(head.event.hlc)
                }
            }
        }
    }

    deinit { lock.release() }

    /// Appends one commit (one gzip member) and makes it durable before returning.
    ///
    /// - Parameter events: The events of the commit, in order.
    /// - Returns: The stored events, with id, device, seq, hlc and prev assigned.
    /// - Throws: ``JournalError`` on I/O failure; nothing is acknowledged then, and a partly
    ///   written member is cut away.
    /// - Complexity: O(*n*) in the encoded size of `events`.
    package func append(_ events: [NewEvent]) throws(JournalError) -> [Event] {
        guard !events.isEmpty else { return [] }
        let encoded = try encode(events)
        let member: [UInt8]
        do {
            member = try GzipMember.encode(
                payload: encoded.payload, firstSeq: lastSeq + 1, count: UInt32(events.count))
        } catch {
            throw JournalError(.badMetadata("cannot compress: \(error)"), path: layout.root)
        }
        try appendMember(member, firstSeq: lastSeq + 1)
        adopt(encoded)
        return encoded.stored
    }

    /// The events of one commit as stored: envelopes assigned, lines encoded and chained.
    struct EncodedCommit {
        /// The events encoded so far, when the commit keeps them (a streamed one does not).
        var stored: [Event] = []
        /// Whether `stored` is kept.
        var keepsEvents = true
        /// Events encoded so far.
        var count = 0
        /// The lines not yet handed out as a chunk, each ending in `\n`.
        var payload: [UInt8] = []
        /// Lines in `payload`.
        var pendingLines = 0
        /// Where the last line in `payload` starts.
        var lastLineStart = 0
        /// The seq of the last event encoded.
        var lastSeq: UInt64
        var lastHash: String
        /// The clock time of the last event encoded.
        var lastHLC: HLC?
        var clock: HybridClock

        /// The seq of the first line in `payload`.
        var pendingFirstSeq: UInt64 { lastSeq - UInt64(pendingLines) + 1 }
    }

    /// A commit to encode after this writer's chain head.
    func beginCommit(keepsEvents: Bool = true) -> EncodedCommit {
        EncodedCommit(keepsEvents: keepsEvents, lastSeq: lastSeq, lastHash: lastHash, clock: clock)
    }

    /// Assigns ids, seqs, clock times and the `prev` chain, and encodes the lines of a commit
    /// of one member (a larger one is a ``BatchAppend``).
    func encode(_ events: [NewEvent]) throws(JournalError) -> EncodedCommit {
        var commit = beginCommit()
        commit.stored.reserveCapacity(events.count)
        for new in events {
            try encodeNext(new, into: &commit, fullCheck: events.count <= Self.readBackLimit)
        }
        return commit
    }

    /// Encodes one more event of `commit` as its next line.
    ///
    /// - Parameter fullCheck: Decode the line again and compare it with the event (small
    ///   commits); otherwise only the bounds a reader checks are checked.
    /// - Returns: The event as stored.
    @discardableResult
    func encodeNext(_ new: NewEvent, into commit: inout EncodedCommit, fullCheck: Bool) throws(JournalError)
        -> Event
    {
        let event = Event(
            id: new.id ?? EventID.makeV7(), device: identity.device, seq: commit.lastSeq + 1,
            hlc: commit.clock.tick(), prev: commit.lastHash, entity: new.entity,
            parents: new.parents, body: new.body)
        let start = commit.payload.count
        if !EventLineEncoder.encode(event, into: &commit.payload) {
            do { commit.payload.append(contentsOf: try encoder.encode(event)) } catch {
                commit.payload.removeSubrange(start...)
                throw JournalError(.badMetadata("cannot encode event: \(error)"), path: layout.root)
            }
        }
        let length = commit.payload.count - start
        // Never acknowledge what this version's own reader would refuse.
        do throws(JournalError) {
            guard length <= SegmentLimits.standard.maxLine else {
                throw JournalError(
                    .badMetadata("an event of \(length) bytes is over the 1 MiB line limit"),
                    path: layout.root)
            }
            if fullCheck {
                try Self.checkReadBack(event, line: commit.payload[start...], layout: layout)
            } else if event.hlc > HLC.latestAccepted || event.seq > Event.maxSeq {
                throw JournalError(
                    .badMetadata("the clock or the seq is past what a reader accepts"),
                    path: layout.root)
            }
        } catch {
            commit.payload.removeSubrange(start...)
            throw error
        }
        commit.lastHash = commit.payload.withUnsafeBytes {
            Hex.chainHash(UnsafeRawBufferPointer(rebasing: $0[start...]))
        }
        commit.payload.append(0x0A)
        commit.pendingLines += 1
        commit.lastLineStart = start
        commit.count += 1
        commit.lastSeq = event.seq
        commit.lastHLC = event.hlc
        if commit.keepsEvents { commit.stored.append(event) }
        return event
    }

    /// The pending lines but the last, once the last took them past `chunk` bytes: a member of
    /// at most `chunk` bytes (a line longer than `chunk` is a member of its own); the last line
    /// starts the next chunk.
    static func takeChunk(of commit: inout EncodedCommit, beyond chunk: Int) -> (
        lines: [UInt8], firstSeq: UInt64, count: Int
    )? {
        guard commit.payload.count > chunk, commit.pendingLines > 1 else { return nil }
        let start = commit.lastLineStart
        let first = commit.pendingFirstSeq
        var next: [UInt8] = []
        next.reserveCapacity(chunk + Self.lineSlack)
        next.append(contentsOf: commit.payload[start...])
        commit.payload.removeSubrange(start...)
        swap(&next, &commit.payload)
        let count = commit.pendingLines - 1
        commit.pendingLines = 1
        commit.lastLineStart = 0
        return (next, first, count)
    }

    /// Room beyond a chunk for the line that overflows it, before it moves to the next chunk.
    static let lineSlack = 4 << 10

    /// Commits up to this many events are decoded again before they are written.
    static let readBackLimit = 64

    /// Decodes an encoded line and checks that it is the event it was made from.
    private static func checkReadBack(
        _ event: Event, line: ArraySlice<UInt8>, layout: JournalLayout
    ) throws(JournalError) {
        let back = try? EventDecoding.decode(line)
        guard let back, back.id == event.id, back.device == event.device, back.seq == event.seq,
            back.hlc == event.hlc, back.prev == event.prev, back.entity == event.entity,
            back.type == event.type, back.parents == event.parents
        else {
            throw JournalError(
                .badMetadata(
                    "an event about to be written (seq \(event.seq), hlc \(event.hlc)) would not read back; nothing was written"
                ), path: layout.root)
        }
    }

    /// Makes an appended commit the new chain head.
    func adopt(_ commit: EncodedCommit) {
        lastSeq = commit.lastSeq
        lastHash = commit.lastHash
        clock = commit.clock
        saveHead(seq: lastSeq, hash: lastHash, hlc: commit.lastHLC ?? clock.last)
    }

    /// Writes the device identity and creates the device folder before the first append.
    func prepareDeviceFolder() throws(JournalError) {
        if needsSetup {
            if identityChange != nil { try identity.persist(in: layout) }
            needsSetup = false
        }
        if openSegment == nil {
            try FileSystem.makeDirectory(layout.devices)
            try FileSystem.makeDirectory(layout.deviceFolder(identity.device))
        }
    }

    /// Appends one member to the open segment (rotating first when it is full), durably.
    func appendMember(_ member: [UInt8], firstSeq: UInt64) throws(JournalError) {
        try prepareDeviceFolder()
        if openSegment == nil || openSegment.map({ $0.size >= Self.rotationBytes }) == true {
            let path = layout.segment(device: identity.device, firstSeq: firstSeq)
            let created = Syscall.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
            guard created >= 0 else { throw .io("cannot create segment", path) }
            let synced = Syscall.fsync(created) == 0
            let code = errno
            close(created)
            guard synced else {
                unlink(path)
                throw .io("cannot create segment", path, code)
            }
            try FileSystem.syncDirectory(layout.deviceFolder(identity.device))
            openSegment = (path, 0)
        }
        guard let segment = openSegment else { return }
        let descriptor = Syscall.open(segment.path, O_WRONLY | O_APPEND | O_NOFOLLOW)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw JournalError(.link, path: segment.path) }
            throw .io("cannot open segment", segment.path)
        }
        defer { close(descriptor) }
        var code = member.withUnsafeBytes { FileSystem.writeAll(descriptor, $0) }
        if code == 0, Syscall.fsync(descriptor) != 0 { code = errno }
        guard code == 0 else {
            // Never leave a partial member that a later append would bury.
            _ = Syscall.truncate(descriptor, to: segment.size)
            _ = Syscall.fsync(descriptor)
            throw .io("cannot append to", segment.path, code)
        }
        openSegment = (segment.path, segment.size + member.count)
    }

    /// Remembers the chain head for the next writer (a cache: checked against the file).
    func saveHead(seq: UInt64, hash: String, hlc: HLC) {
        guard let segment = openSegment else { return }
        WriterHead(
            segment: FileSystem.baseName(of: segment.path), size: segment.size, seq: seq,
            hash: hash,
            hlc: hlc, tail: WriterHead.tail(of: segment.path, size: segment.size) ?? ""
        ).save(layout: layout, device: identity.device)
    }

    /// Cuts a torn tail of this device's newest segment and reads the chain head.
    ///
    /// When `local/cache/head-<device>.json` still describes the newest segment exactly (its
    /// size and last bytes), the head is taken from it and nothing is scanned. Otherwise (first
    /// write after a crash, a repair, or a lost cache) the whole segment is inflated and checked:
    /// damage before the tail refuses the write, a torn tail is cut.
    private func recoverOwnLog() throws(JournalError) {
        let folder = layout.deviceFolder(identity.device)
        let segments = try FileSystem.list(folder).compactMap { name in
            SegmentName.firstSeq(fromFileName: name).map { (name, $0) }
        }.sorted { $0.1 < $1.1 }
        guard let newest = segments.last else { return }
        let path = folder + "/" + newest.0
        if let head = WriterHead.load(layout: layout, device: identity.device),
            head.matches(segmentPath: path, name: newest.0)
        {
            lastSeq = head.seq
            lastHash = head.hash
            clock.observe(head.hlc)
            openSegment = (path, head.size)
            return
        }
        let bytes = try FileSystem.readFile(path) ?? []
        let scan: SegmentScan
        do { scan = try SegmentReader.scan(bytes, inflate: true) } catch {
            throw JournalError(
                .corruptSegment(offset: error.offset ?? 0, detail: error.message), path: path)
        }
        if let corruption = scan.corruption.first(where: { $0.kind != .missingIndex }) {
            throw JournalError(
                .corruptSegment(offset: corruption.offset, detail: corruption.detail), path: path)
        }
        var size = bytes.count
        if let torn = scan.tornTailOffset {
            try Self.truncate(path, to: torn)
            recoveredBytes = size - torn
            size = torn
        }
        openSegment = (path, size)
        if let head = try Self.lastEvent(in: folder) {
            lastSeq = head.event.seq
            lastHash = head.hash
            clock.observe(head.event.hlc)
            if size == 0, newest.1 != lastSeq + 1 {
                // An empty segment left by a crash before its first member: its name is stale.
                unlink(path)
                openSegment = nil
            }
        } else if size == 0, newest.1 != 1 {
            unlink(path)
            openSegment = nil
        }
    }

    private static func truncate(_ path: String, to size: Int) throws(JournalError) {
        let descriptor = Syscall.open(path, O_WRONLY | O_NOFOLLOW)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw JournalError(.link, path: path) }
            throw .io("cannot cut the torn tail of", path)
        }
        defer { close(descriptor) }
        guard Syscall.truncate(descriptor, to: size) == 0, Syscall.fsync(descriptor) == 0 else {
            throw .io("cannot cut the torn tail of", path)
        }
    }

    /// The last complete event of a device folder and the hash of its line, reading only the
    /// newest segment that has a member (members are walked by their headers).
    package static func lastEvent(in folder: String) throws(JournalError) -> (
        event: Event, hash: String
    )? {
        guard try FileSystem.requireDirectory(folder) else { return nil }
        let segments = try FileSystem.list(folder).filter {
            SegmentName.firstSeq(fromFileName: $0) != nil
        }
        for name in segments.reversed() {
            let path = folder + "/" + name
            guard let bytes = try FileSystem.readFile(path) else { continue }
            do {
                let walk = try SegmentReader.scan(bytes, inflate: false)
                guard let last = walk.members.last else { continue }
                let member = try SegmentReader.scan(
                    Array(bytes[last.offset..<last.end]), inflate: true)
                guard let payload = member.members.first?.payload,
                    let line = JSONLines.split(payload).last
                else {
                    throw JournalError(
                        .corruptSegment(
                            offset: last.offset, detail: "the last member cannot be read"),
                        path: path)
                }
                let event = try EventDecoding.decode(line)
                return (event, line.withUnsafeBytes { Hex.chainHash($0) })
            } catch let error as JournalError {
                throw error
            } catch let error as SegmentError {
                throw JournalError(
                    .corruptSegment(offset: error.offset ?? 0, detail: error.message), path: path)
            } catch {
                throw JournalError(
                    .corruptSegment(
                        offset: 0,
                        detail: "the last event is not valid (\(DecodingErrorText.describe(error)))"
                    ), path: path)
            }
        }
        return nil
    }
}
