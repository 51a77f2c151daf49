import Glibc

/// One large commit (an import) appended event by event as its source is read, durable whole
/// or not at all, in the memory of the members in flight (``LogWriter/compressingBytes``)
/// whatever its size.
///
/// Lines are cut into members of at most ``LogWriter/batchMemberBytes`` and compressed on
/// other cores while the next ones are encoded. Once a second member exists, the commit is a
/// segment of its own: its members go to a file under `local/staging/` as they are ready, and
/// ``finish()`` syncs it and links it into the device folder under its final name (DESIGN §3
/// allows any number of members per segment). A commit of one member is appended to the open
/// segment like any other. Until `finish()` returns, nothing is in the log: a batch dropped
/// or failed deletes its staging file, and a crash leaves only that file, which the next
/// writer deletes.
///
/// Not thread-safe; use it from the thread that holds the writer.
package final class BatchAppend {
    private let writer: LogWriter
    private var commit: LogWriter.EncodedCommit
    private let compressor = ParallelCompressor(
        inFlight: LogWriter.compressingBytes / LogWriter.batchMemberBytes)
    /// The first member, held until a second one shows that the commit needs a segment.
    private var held: [UInt8]?
    /// The staging file, once the commit has two members.
    private var staged: (path: String, descriptor: Int32)?
    /// The size of each member, in order.
    private var memberSizes: [Int] = []
    private var stagedBytes = 0
    private var done = false

    /// How many events were added.
    package var count: Int { commit.count }

    /// Starts a commit after the writer's chain head. The events are not kept (``add(_:)``
    /// returns each), so that the batch's memory does not grow with the commit.
    package init(writer: LogWriter) {
        self.writer = writer
        commit = writer.beginCommit(keepsEvents: false)
        commit.payload.reserveCapacity(LogWriter.batchMemberBytes + LogWriter.lineSlack)
    }

    deinit {
        // Dropped before `finish()`: nothing of it may stay.
        _ = try? compressor.finish()
        discardStaging()
    }

    /// Encodes the next event of the commit.
    ///
    /// - Returns: The event as it will be stored (id, device, seq, clock time and `prev`
    ///   assigned); it is in the log only once ``finish()`` returns.
    /// - Throws: ``JournalError`` when the event cannot be encoded or a member cannot be
    ///   written to staging; the batch is then dropped.
    @discardableResult
    package func add(_ event: NewEvent) throws(JournalError) -> Event {
        precondition(!done, "a batch takes no events after finish()")
        let stored = try writer.encodeNext(event, into: &commit, fullCheck: commit.count < LogWriter.readBackLimit)
        if let (lines, first, count) = LogWriter.takeChunk(of: &commit, beyond: LogWriter.batchMemberBytes) {
            compressor.submit(lines, firstSeq: first, count: count)
            try write(try compressor.takeReady())
        }
        return stored
    }

    /// Makes the commit durable and the writer's new chain head.
    ///
    /// - Returns: Where each event is, in the order added (for a snapshot that points at them).
    /// - Throws: ``JournalError`` when it cannot be written; nothing of it is then in the log.
    package func finish() throws(JournalError) -> [EventLocation] {
        precondition(!done, "a batch is finished once")
        done = true
        guard commit.count > 0 else { return [] }
        let firstSeq = writer.headSeq + 1
        let lines = commit.payload
        commit.payload = []
        compressor.submit(lines, firstSeq: commit.pendingFirstSeq, count: commit.pendingLines)
        commit.pendingLines = 0
        try write(try compressor.finish())
        let file: String
        var offset: Int
        if let (path, descriptor) = staged {
            staged = nil
            var code: Int32 = 0
            if Syscall.fsync(descriptor) != 0 { code = errno }
            if close(descriptor) != 0, code == 0 { code = errno }
            guard code == 0 else {
                unlink(path)
                throw .io("cannot write", path, code)
            }
            file = try writer.publishSegment(staged: path, size: stagedBytes, firstSeq: firstSeq)
            offset = 0
        } else if let member = held {
            try writer.appendMember(member, firstSeq: firstSeq)
            // The member ends the open segment.
            file = writer.openSegmentState?.relativePath ?? ""
            offset = (writer.openSegmentState?.size ?? 0) - member.count
        } else {
            return []
        }
        // The commit is in the log: from here on nothing may fail.
        writer.adopt(commit)
        var locations: [EventLocation] = []
        locations.reserveCapacity(commit.count)
        for (size, lines) in zip(memberSizes, compressor.lineCounts) {
            for line in 0..<lines {
                locations.append(EventLocation(file: file, memberOffset: offset, memberSize: size, line: line))
            }
            offset += size
        }
        return locations
    }

    /// Writes members that are ready, in order: the first is held, and the second opens the
    /// staging file.
    private func write(_ members: [[UInt8]]) throws(JournalError) {
        for member in members {
            memberSizes.append(member.count)
            if staged == nil {
                guard let first = held else {
                    held = member
                    continue
                }
                held = nil
                try openStaging()
                try writeStaged(first)
            }
            try writeStaged(member)
        }
    }

    private func openStaging() throws(JournalError) {
        try FileSystem.makeDirectory(writer.stagingFolder)
        let path = writer.stagingFolder + "/batch-" + String(writer.headSeq + 1) + ".gz"
        unlink(path)
        let descriptor = Syscall.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .io("cannot create", path) }
        staged = (path, descriptor)
    }

    private func writeStaged(_ member: [UInt8]) throws(JournalError) {
        guard let (path, descriptor) = staged else { return }
        stagedBytes += member.count
        guard stagedBytes <= SegmentLimits.standard.maxSegmentFile else {
            discardStaging()
            throw JournalError(
                .badMetadata(
                    "the import would make a segment of more than the \(SegmentLimits.standard.maxSegmentFile >> 20) MiB a reader takes; import the file in parts"
                ), path: writer.layout.root)
        }
        let code = member.withUnsafeBytes { FileSystem.writeAll(descriptor, $0) }
        guard code == 0 else {
            discardStaging()
            throw .io("cannot write", path, code)
        }
    }

    private func discardStaging() {
        guard let (path, descriptor) = staged else { return }
        staged = nil
        close(descriptor)
        unlink(path)
    }
}
