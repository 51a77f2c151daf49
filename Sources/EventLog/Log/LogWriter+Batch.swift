import Dispatch
import Glibc
import Synchronization
import SystemPackage

extension LogWriter {
    /// The most lines one member of a batch segment holds, in bytes (a longer line is a member
    /// of its own): as BGZF does, so that reading one imported session inflates at most this
    /// much. Measured on 100k sessions (143 MB of lines) at deflate level 6: 15.41 MB of
    /// segments against 13.98 MB with 4 MiB members (+10 %), the same CPU to compress
    /// (docs/PERFORMANCE.md).
    package static let batchMemberBytes = 64 << 10

    /// How many bytes of lines may wait for compression at once: enough that the members still
    /// compressing when the last line is encoded keep the other cores busy while the caller
    /// folds the commit.
    static let compressingBytes = 12 << 20

    /// Where a batch segment is built before it is linked into the device folder: inside
    /// `local/`, so file sync tools never see it half-written.
    var stagingFolder: String { layout.local + "/staging" }

    /// Appends one large commit (an import) so that it is durable whole or not at all.
    ///
    /// A commit that fits one member is appended like any other: a torn member is cut on the
    /// next open. A larger one becomes a new segment of several members (DESIGN §3 allows any
    /// number per segment), written and synced under `local/staging/`, then linked into the
    /// device folder under its final name and the folder synced. A crash before the link leaves
    /// only a staging file, which the next writer deletes; after it, the whole commit is there.
    ///
    /// - Parameters:
    ///   - events: The events of the commit, in order.
    ///   - whileCompressing: Called with the stored events as soon as they are encoded, while
    ///     the last members are still being compressed (a caller folds them meanwhile; if the
    ///     append then fails, what it did with them must be undone).
    /// - Returns: The stored events, and where each one is (for a snapshot that points at them).
    /// - Complexity: O(*n*) in the encoded size; members are compressed in parallel.
    package func appendBatch(
        _ events: [NewEvent], whileCompressing: ([Event]) -> Void = { _ in }
    ) throws(JournalError) -> (events: [Event], locations: [EventLocation]) {
        guard !events.isEmpty else { return ([], []) }
        let firstSeq = lastSeq + 1
        // Full chunks are compressed on other cores while the rest is encoded.
        let compressor = ParallelCompressor(inFlight: Self.compressingBytes / Self.batchMemberBytes)
        var encoded = try encode(events, chunk: Self.batchMemberBytes) { lines, first, count in
            compressor.submit(lines, firstSeq: first, count: count)
        }
        let lastLines = encoded.payload
        encoded.payload = []
        compressor.submit(lastLines, firstSeq: lastSeq + UInt64(events.count) - UInt64(encoded.pendingLines) + 1, count: encoded.pendingLines)
        whileCompressing(encoded.stored)
        let members = try compressor.finish()
        if members.count == 1, let member = members.first {
            try appendMember(member, firstSeq: firstSeq)
        } else {
            let size = members.reduce(0) { $0 + $1.count }
            guard size <= SegmentLimits.standard.maxSegmentFile else {
                throw JournalError(
                    .badMetadata(
                        "the import would make a segment of \(size >> 20) MiB, more than the \(SegmentLimits.standard.maxSegmentFile >> 20) MiB a reader takes; import the file in parts"
                    ), path: layout.root)
            }
            try publishSegment(members, firstSeq: firstSeq)
        }
        adopt(encoded)
        return (encoded.stored, locations(of: members, lines: compressor.lineCounts))
    }

    /// Where the lines of `members`, just appended and ending the open segment, are.
    private func locations(of members: [[UInt8]], lines: [Int]) -> [EventLocation] {
        guard let (file, size) = openSegmentState else { return [] }
        var offset = size - members.reduce(0) { $0 + $1.count }
        var locations: [EventLocation] = []
        locations.reserveCapacity(lines.reduce(0, +))
        for (member, count) in zip(members, lines) {
            for line in 0..<count {
                locations.append(EventLocation(file: file, memberOffset: offset, memberSize: member.count, line: line))
            }
            offset += member.count
        }
        return locations
    }

    /// Deletes what an interrupted batch left in `local/staging/`. Call under the lock.
    func clearStaging() throws(JournalError) {
        // A link is never listed through: `unlink` of its target's files would delete
        // whatever it points at.
        guard try FileSystem.requireDirectory(stagingFolder) else { return }
        for name in try FileSystem.list(stagingFolder) { unlink(stagingFolder + "/" + name) }
    }

    /// Writes the members as a new segment in staging, then links it into the device folder.
    private func publishSegment(_ members: [[UInt8]], firstSeq: UInt64) throws(JournalError) {
        try prepareDeviceFolder()
        try FileSystem.makeDirectory(stagingFolder)
        let final = layout.segment(device: identity.device, firstSeq: firstSeq)
        let staged = stagingFolder + "/" + FileSystem.baseName(of: final)
        unlink(staged)
        let descriptor = Syscall.open(staged, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .io("cannot create", staged) }
        var size = 0
        var code: Int32 = 0
        for member in members where code == 0 {
            code = member.withUnsafeBytes { FileSystem.writeAll(descriptor, $0) }
            size += member.count
        }
        if code == 0, Syscall.fsync(descriptor) != 0 { code = errno }
        if close(descriptor) != 0, code == 0 { code = errno }
        guard code == 0 else {
            unlink(staged)
            throw .io("cannot write", staged, code)
        }
        // link(2) refuses an existing name: a segment is never replaced.
        guard Syscall.link(staged, final) == 0 else {
            let code = errno
            unlink(staged)
            throw .io("cannot publish the import segment as", final, code)
        }
        unlink(staged)
        try FileSystem.syncDirectory(layout.deviceFolder(identity.device))
        openSegment = (final, size)
    }
}

/// Compresses chunks of a commit into gzip members on background threads, a bounded number at
/// a time (so memory stays bounded), and hands them back in order.
final class ParallelCompressor: @unchecked Sendable {
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let results = Mutex<[Int: Result<[UInt8], SegmentError>]>([:])
    private var submitted = 0
    /// The lines of each chunk submitted, in order.
    private(set) var lineCounts: [Int] = []

    /// - Parameter inFlight: How many chunks may wait or compress at once (at least 3).
    init(inFlight: Int) {
        slots = DispatchSemaphore(value: max(3, inFlight))
    }

    /// Starts compressing one chunk (waits while `inFlight` are).
    func submit(_ lines: [UInt8], firstSeq: UInt64, count: Int) {
        guard count > 0 else { return }
        let index = submitted
        submitted += 1
        lineCounts.append(count)
        slots.wait()
        DispatchQueue.global().async(group: group) { [self] in
            let result = Result { () throws(SegmentError) -> [UInt8] in
                try GzipMember.encode(payload: lines, firstSeq: firstSeq, count: UInt32(count))
            }
            results.withLock { $0[index] = result }
            slots.signal()
        }
    }

    /// The members, in the order submitted.
    func finish() throws(JournalError) -> [[UInt8]] {
        group.wait()
        let collected = results.withLock { $0 }
        var members: [[UInt8]] = []
        for index in 0..<submitted {
            switch collected[index] {
            case .success(let member)?: members.append(member)
            case .failure(let error)?:
                throw JournalError(.badMetadata("cannot compress: \(error)"), path: "")
            case nil:
                throw JournalError(.badMetadata("cannot compress: a member is missing"), path: "")
            }
        }
        return members
    }
}
