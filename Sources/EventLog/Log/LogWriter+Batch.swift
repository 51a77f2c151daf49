import Dispatch
import Glibc
import Synchronization
import SystemPackage

extension LogWriter {
    /// The most payload one member of a batch segment holds (well under the 64 MiB limit, and
    /// small enough to compress members on every core).
    package static let batchMemberBytes = 4 << 20

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
    /// - Parameter events: The events of the commit, in order.
    /// - Returns: The stored events.
    /// - Complexity: O(*n*) in the encoded size; members are compressed in parallel.
    package func appendBatch(_ events: [NewEvent]) throws(JournalError) -> [Event] {
        guard !events.isEmpty else { return [] }
        let encoded = try encode(events)
        let firstSeq = lastSeq + 1
        let chunks = Self.chunks(of: encoded, limit: Self.batchMemberBytes)
        let members = try Self.compress(encoded.payload, chunks: chunks, firstSeq: firstSeq)
        if members.count == 1, let member = members.first {
            try appendMember(member, firstSeq: firstSeq)
        } else {
            try publishSegment(members, firstSeq: firstSeq)
        }
        adopt(encoded)
        return encoded.stored
    }

    /// Deletes what an interrupted batch left in `local/staging/`. Call under the lock.
    func clearStaging() {
        guard let names = try? FileSystem.list(stagingFolder) else { return }
        for name in names { unlink(stagingFolder + "/" + name) }
    }

    /// Splits the payload at line ends into ranges of at most `limit` bytes (a single longer
    /// line, impossible under the 1 MiB line limit, would get a range of its own).
    static func chunks(of commit: EncodedCommit, limit: Int) -> [(range: Range<Int>, count: Int)] {
        var chunks: [(range: Range<Int>, count: Int)] = []
        var start = 0
        var count = 0
        var previousEnd = 0
        for end in commit.lineEnds {
            if end - start > limit, count > 0 {
                chunks.append((start..<previousEnd, count))
                start = previousEnd
                count = 0
            }
            count += 1
            previousEnd = end
        }
        if count > 0 { chunks.append((start..<previousEnd, count)) }
        return chunks
    }

    /// Compresses each chunk into a member, on every core.
    static func compress(
        _ payload: [UInt8], chunks: [(range: Range<Int>, count: Int)], firstSeq: UInt64
    ) throws(JournalError) -> [[UInt8]] {
        var firstSeqs: [UInt64] = []
        var next = firstSeq
        for chunk in chunks {
            firstSeqs.append(next)
            next += UInt64(chunk.count)
        }
        let seqs = firstSeqs
        let results = Mutex<[Int: Result<[UInt8], SegmentError>]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let chunk = chunks[index]
            let result = Result { () throws(SegmentError) -> [UInt8] in
                try GzipMember.encode(
                    payload: Array(payload[chunk.range]), firstSeq: seqs[index],
                    count: UInt32(chunk.count))
            }
            results.withLock { $0[index] = result }
        }
        let collected = results.withLock { $0 }
        var members: [[UInt8]] = []
        for index in chunks.indices {
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

    /// Writes the members as a new segment in staging, then links it into the device folder.
    private func publishSegment(_ members: [[UInt8]], firstSeq: UInt64) throws(JournalError) {
        try prepareDeviceFolder()
        try FileSystem.makeDirectory(stagingFolder)
        let final = layout.segment(device: identity.device, firstSeq: firstSeq)
        let staged = stagingFolder + "/" + FileSystem.baseName(of: final)
        unlink(staged)
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(staged), .writeOnly,
                options: [.create, .exclusiveCreate, .closeOnExec, .noFollow],
                permissions: [.ownerReadWrite])
        } catch {
            throw .io("cannot create", staged, Errno.code(of: error))
        }
        var size = 0
        do {
            for member in members {
                _ = try descriptor.writeAll(member)
                size += member.count
            }
            try descriptor.sync()
            try descriptor.close()
        } catch {
            try? descriptor.close()
            unlink(staged)
            throw .io("cannot write", staged, Errno.code(of: error))
        }
        // link(2) refuses an existing name: a segment is never replaced.
        guard link(staged, final) == 0 else {
            let code = errno
            unlink(staged)
            throw .io("cannot publish the import segment as", final, code)
        }
        unlink(staged)
        try FileSystem.syncDirectory(layout.deviceFolder(identity.device))
        openSegment = (final, size)
    }
}
