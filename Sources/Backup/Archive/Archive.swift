import Crypto
import EventLog
import FoundationEssentials
import Glibc
import JournalModel

/// Backups of a journal in one file (DESIGN §9, docs/ARCHIVE.md): create, verify, list,
/// restore, and extract for `merge`.
public enum Archive {
    /// Receives (bytes done, bytes in all) while an archive is written or read.
    public typealias Progress = (Int64, Int64) -> Void

    /// The most bytes of journal files `create` holds at once (one file a core, but no more
    /// than this unless a single file is larger).
    static let memoryBudget: Int64 = 256 << 20

    /// Writes the journal at `journal` to `path` (replacing it atomically), encrypted when a
    /// passphrase is given. Takes the writer lock, so the log does not change meanwhile.
    ///
    /// - Parameter scryptN: scrypt's cost (tests lower it; it is recorded in the archive).
    public static func create(
        journal: String, to path: String, passphrase: String?, lockTimeout: Double = 10,
        scryptN: Int = 1 << 17, progress: Progress? = nil
    ) throws -> ArchiveSummary {
        let layout = JournalLayout(root: journal)
        let journalManifest: JournalManifest
        do { journalManifest = try JournalManifest.load(layout) } catch {
            throw BackupError(.noJournal(journal))
        }
        let lock = try WriterLock(path: layout.lock, timeout: lockTimeout)
        defer { lock.release() }
        // Nothing is left out silently: a link is refused, not skipped.
        if let link = LogReader.links(layout).first {
            throw JournalError(.link, path: journal + "/" + link)
        }
        // The files, checked and hashed first (MANIFEST.json comes before them), on every
        // core. Only complete members are archived: a torn tail of a device's newest segment
        // (a write in progress) is left out, so the archive always verifies; other damage is
        // refused.
        var paths: [FileToArchive] = [FileToArchive(relative: "limber.json", isSegment: false, isNewest: false)]
        for device in try FileSystem.list(layout.devices)
        where FileSystem.kind(of: layout.deviceFolder(device)) == .directory
            && ArchivePath.isDeviceID(Substring(device))
        {
            let segments = try FileSystem.list(layout.deviceFolder(device)).filter {
                SegmentName.firstSeq(fromFileName: $0) != nil
            }.sorted { SegmentName.firstSeq(fromFileName: $0)! < SegmentName.firstSeq(fromFileName: $1)! }
            for (index, name) in segments.enumerated() {
                paths.append(
                    FileToArchive(
                        relative: "devices/\(device)/\(name)", isSegment: true,
                        isNewest: index == segments.count - 1))
            }
        }
        let toArchive = paths
        var checks: [Result<CheckedFile, any Error>] = []
        let sizes = toArchive.map { FileSystem.fileSize(journal + "/" + $0.relative) ?? 0 }
        for batch in Parallel.batches(sizes, budget: memoryBudget) {
            checks += Parallel.map(batch.count) { offset in
                Result { try check(toArchive[batch.lowerBound + offset], in: journal) }
            }
        }
        var files: [ArchiveManifest.File] = []
        var total: Int64 = 0
        var leftOut: [String] = []
        for (file, result) in zip(toArchive, checks) {
            let checked = try result.get()
            if checked.size < checked.wholeSize {
                leftOut.append(
                    "\(file.relative): \(checked.wholeSize - checked.size) byte(s) of an incomplete last member")
            }
            files.append(ArchiveManifest.File(path: file.relative, size: checked.size, sha256: checked.sha256))
            total += checked.size
        }
        let now = LocalTimestamp(epochSeconds: LocalTimestamp.now().epochSeconds, utcOffsetSeconds: 0)
        let manifest = ArchiveManifest(
            format: ArchiveManifest.formatName, version: 1, journal: journalManifest.journal,
            created: now.rfc3339, files: files)
        let output = try AtomicFile(replacing: path)
        do {
            let file = AtomicFileSink(output)
            let sink: any ByteSink =
                try passphrase.map { try StreamSealer(passphrase: $0, next: file, N: scryptN) } ?? file
            var tar = TarWriter(sink: sink, mtime: now.epochSeconds)
            let manifestBytes = try manifest.encoded()
            try tar.beginFile(ArchiveManifest.path, size: Int64(manifestBytes.count))
            try manifestBytes.withUnsafeBytes { raw in try tar.write(raw) }
            try tar.endFile()
            var done: Int64 = 0
            // Read again, a core's worth of files at a time (within the memory budget), and
            // held to the hashes in the manifest: a file another device's sync changed
            // meanwhile is refused.
            let listed = files
            for indices in Parallel.batches(listed.map(\.size), budget: memoryBudget) {
                let reads = Parallel.map(indices.count) { offset in
                    Result { try reread(listed[indices.lowerBound + offset], in: journal) }
                }
                for (index, read) in zip(indices, reads) {
                    let file = listed[index]
                    if index == 1 { try tar.addDirectory("devices") }
                    if index > 0 {
                        let device = String(file.path.split(separator: "/")[1])
                        if index == 1 || listed[index - 1].path.split(separator: "/")[1] != Substring(device) {
                            try tar.addDirectory("devices/\(device)")
                        }
                    }
                    let bytes = try read.get()
                    try tar.beginFile(file.path, size: file.size)
                    try bytes.withUnsafeBytes { raw in try tar.write(raw) }
                    done += file.size
                    progress?(done, total)
                    try tar.endFile()
                }
            }
            if files.count == 1 { try tar.addDirectory("devices") }
            try tar.finish()
            try sink.finish()
        }
        try output.commit()
        var summary = ArchiveSummary(path: path, manifest: manifest, encrypted: passphrase != nil)
        summary.leftOut = leftOut
        return summary
    }

    /// Reads the whole archive without writing anything: every entry against the manifest,
    /// every hash, and every gzip member of every segment (inflated, CRC and size checked).
    public static func verify(_ path: String, passphrase: String?, progress: Progress? = nil) throws -> ArchiveSummary {
        let reader = ArchiveReader(path: path, passphrase: passphrase)
        // Segments are checked on other cores while the next ones are read and hashed.
        let checks = SegmentChecks()
        var segment: [UInt8] = []
        var done: Int64 = 0
        let total = FileSystem.fileSize(path) ?? 0
        let manifest: ArchiveManifest
        do {
            manifest = try reader.walk { item in
                switch item {
                case .beginFile: segment = []
                case .bytes(let chunk):
                    segment += chunk
                    done += Int64(chunk.count)
                    progress?(min(done, total), total)
                case .endFile(let file):
                    guard file.path.hasPrefix("devices/") else { return }
                    checks.submit(segment, path: file.path)
                    segment = []
                case .directory: break
                }
            }
        } catch {
            // What is wrong with an earlier file is said first, as a reading in order would.
            throw checks.finish().problem ?? error
        }
        let (problem, members) = checks.finish()
        if let problem { throw problem }
        return ArchiveSummary(path: path, manifest: manifest, encrypted: try ArchiveReader.isEncrypted(path), members: members)
    }

    /// The manifest: what the archive holds (for an encrypted archive the passphrase is needed).
    public static func list(_ path: String, passphrase: String?) throws -> ArchiveSummary {
        let manifest = try ArchiveReader(path: path, passphrase: passphrase).walk(manifestOnly: true)
        return ArchiveSummary(path: path, manifest: manifest, encrypted: try ArchiveReader.isEncrypted(path))
    }

    /// `true` when the file at `path` is an encrypted archive.
    public static func isEncrypted(_ path: String) throws -> Bool { try ArchiveReader.isEncrypted(path) }

    /// `true` when the file at `path` starts like an archive (tar with MANIFEST.json first, or
    /// an encrypted archive's header).
    public static func looksLikeArchive(_ path: String) -> Bool {
        guard let source = try? FileSource(path: path), let head = try? source.read(512) else { return false }
        return signatures.contains { head.starts(with: $0) }
    }

    /// How an archive starts: a plain one with its first tar entry's name, an encrypted one
    /// with its header line.
    static let signatures = [
        Array("MANIFEST.json".utf8), Array(#"{"format":"limber.archive.encrypted""#.utf8),
    ]

    /// `false` when `head`, the first bytes of a file, can be no archive: it neither starts
    /// with a signature nor is the start of one (a file cut short there is a truncated archive).
    public static func mayBeArchive(head: [UInt8]) -> Bool {
        signatures.contains { head.starts(with: $0) || $0.starts(with: head) }
    }

    /// Makes a journal at `target` (which must not exist or be an empty folder) from the
    /// archive. The archive is read and checked whole first; then it is read again into a
    /// temporary folder beside `target`, every file and folder synced, and renamed into place.
    public static func restore(_ path: String, to target: String, passphrase: String?, progress: Progress? = nil) throws -> ArchiveSummary {
        let trimmed = target.count > 1 && target.hasSuffix("/") ? String(target.dropLast()) : target
        switch FileSystem.kind(of: trimmed) {
        case .missing: break
        case .directory:
            guard try FileSystem.list(trimmed).isEmpty else { throw BackupError(.targetNotEmpty(trimmed)) }
        default: throw BackupError(.targetNotEmpty(trimmed))
        }
        let reader = ArchiveReader(path: path, passphrase: passphrase)
        let checked = try reader.walk()
        let temporary = temporaryPath(beside: trimmed, kind: "restore")
        FileSystem.removeStaleTemporaries(of: trimmed)
        do {
            let total = checked.files.reduce(0) { $0 + $1.size }
            let manifest = try extract(reader, into: temporary, total: total, progress: progress)
            // An empty target folder is replaced whole: rename(2) takes an empty directory.
            guard rename(temporary, trimmed) == 0 else { throw BackupError(.io("cannot rename into", trimmed, errno)) }
            try? FileSystem.syncDirectory(FileSystem.parent(of: trimmed))
            return ArchiveSummary(path: path, manifest: manifest, encrypted: try ArchiveReader.isEncrypted(path))
        } catch {
            FileSystem.removeTree(temporary)
            throw error
        }
    }

    /// Unpacks a checked archive into `folder` (created, 0700) for `merge F`; the caller removes
    /// it. The archive is checked whole before anything is written.
    public static func unpack(_ path: String, into folder: String, passphrase: String?) throws -> ArchiveSummary {
        let reader = ArchiveReader(path: path, passphrase: passphrase)
        _ = try reader.walk()
        let manifest = try extract(reader, into: folder, total: 0, progress: nil)
        return ArchiveSummary(path: path, manifest: manifest, encrypted: try ArchiveReader.isEncrypted(path))
    }

    // MARK: - Helpers

    private static func extract(
        _ reader: ArchiveReader, into folder: String, total: Int64, progress: Progress?
    ) throws -> ArchiveManifest {
        try FileSystem.makeDirectory(folder)
        var sink: FileSink?
        var done: Int64 = 0
        let manifest = try reader.walk { item in
            switch item {
            case .directory(let name): try FileSystem.makeDirectory(folder + "/" + name)
            case .beginFile(let file):
                sink = try FileSink(creating: folder + "/" + file.path)
            case .bytes(let chunk):
                try sink?.write(chunk)
                done += Int64(chunk.count)
                progress?(done, max(done, total))
            case .endFile(let file):
                try sink?.finish()
                sink = nil
                guard file.path.contains("/") else { return }
                try FileSystem.syncDirectory(FileSystem.parent(of: folder + "/" + file.path))
            }
        }
        try FileSystem.makeDirectory(folder + "/devices")
        // As `init` writes them: keep local/ out of git and Syncthing.
        for (name, line) in [(".gitignore", "local/"), (".stignore", "/local")] {
            try FileSystem.writeAtomically(Array((line + "\n").utf8), to: folder + "/" + name)
        }
        try FileSystem.syncDirectory(folder)
        return manifest
    }

    /// A file of the journal to archive, by its path inside the journal folder.
    private struct FileToArchive: Sendable {
        var relative: String
        var isSegment: Bool
        /// The newest segment of its device: the only one that may end in a torn member.
        var isNewest: Bool
    }

    /// What is archived of a file: its first `size` bytes (all of them but a torn tail).
    private struct CheckedFile: Sendable {
        var size: Int64
        var wholeSize: Int64
        var sha256: String
    }

    /// Reads a file of the journal (never through a link), checks a segment inflated whole
    /// (as `archive verify` will: an archive it wrote verifies), and hashes what is archived.
    ///
    /// - Throws: ``JournalError`` `.corruptSegment` for damage that is not a torn tail of the
    ///   newest segment.
    private static func check(_ file: FileToArchive, in journal: String) throws -> CheckedFile {
        let path = journal + "/" + file.relative
        guard let bytes = try FileSystem.readFile(path, limit: SegmentLimits.standard.maxSegmentFile) else {
            throw BackupError(.mismatch("\(file.relative) disappeared while it was archived"))
        }
        var size = bytes.count
        if file.isSegment {
            let scan = try SegmentReader.scan(bytes, inflate: true) { _ in }
            if let damage = scan.corruption.first(where: { $0.kind != .missingIndex }) {
                throw JournalError(.corruptSegment(offset: damage.offset, detail: damage.detail), path: path)
            }
            if let torn = scan.tornTailOffset {
                guard file.isNewest else {
                    throw JournalError(
                        .corruptSegment(offset: torn, detail: "an incomplete member before a later segment"),
                        path: path)
                }
                size = torn
            }
        }
        let digest = bytes.withUnsafeBytes { raw in SHA256.hash(data: UnsafeRawBufferPointer(rebasing: raw[..<size])) }
        return CheckedFile(size: Int64(size), wholeSize: Int64(bytes.count), sha256: Hex.encode(digest))
    }

    /// The first `file.size` bytes of a file the manifest lists, read again (never through a
    /// link) and held to its hash.
    private static func reread(_ file: ArchiveManifest.File, in journal: String) throws -> ArraySlice<UInt8> {
        let bytes = try FileSystem.readFile(journal + "/" + file.path, limit: SegmentLimits.standard.maxSegmentFile)
        guard let bytes, Int64(bytes.count) >= file.size else {
            throw BackupError(.mismatch("\(file.path) shrank while it was archived"))
        }
        let archived = bytes[..<Int(file.size)]
        let digest = archived.withUnsafeBytes { raw in Hex.encode(SHA256.hash(data: raw)) }
        guard digest == file.sha256 else {
            throw BackupError(.mismatch("\(file.path) changed while it was archived"))
        }
        return archived
    }

    static func temporaryPath(beside path: String, kind: String = "tmp") -> String {
        let folder = FileSystem.parent(of: path)
        return folder + "/." + FileSystem.baseName(of: path) + ".limber-\(kind)-\(getpid())"
    }

}
