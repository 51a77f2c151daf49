import Backup
import EventLog

extension Journal {
    /// Writes the journal at `path` to one archive file (DESIGN §9), encrypted when a
    /// passphrase is given. An existing `file` is replaced only when it is a limber archive
    /// (or `force`): a typo must not overwrite another file.
    ///
    /// - Throws: ``LimberError`` `.invalid` for an existing file that is no archive;
    ///   ``BackupError`` and ``JournalError`` as the archive is written.
    public static func createArchive(
        of path: String, to file: String, passphrase: String?, force: Bool = false,
        options: Options = Options(), scryptN: Int = 1 << 17, progress: Archive.Progress? = nil
    ) throws -> ArchiveSummary {
        try checkArchiveTarget(file, journal: path, force: force)
        return try Archive.create(
            journal: path, to: file, passphrase: passphrase, lockTimeout: options.lockTimeout,
            scryptN: scryptN, progress: progress)
    }

    /// Refuses an archive path that is a folder, lies inside the journal folder (it would
    /// sync to every machine and be lost with the folder it backs up), or holds something
    /// other than a limber archive, unless `force` (checked before a passphrase is asked for).
    public static func checkArchiveTarget(_ file: String, journal: String, force: Bool) throws {
        let kind = FileSystem.kind(of: file)
        if kind == .directory || file.hasSuffix("/") {
            throw LimberError(
                .invalid(
                    "\(file) is a folder", hint: "give a file name, such as \(file)/limber-backup.tar"))
        }
        let root = FileSystem.absolute(journal)
        let target = FileSystem.absolute(FileSystem.parent(of: file)) + "/"
        if target.hasPrefix(root + "/") {
            throw LimberError(
                .invalid(
                    "\(file) is inside the journal folder it backs up",
                    hint: "write the archive outside it (another disk is best), such as ~/limber-backup.tar"))
        }
        guard !force, kind != .missing, !Archive.looksLikeArchive(file) else { return }
        throw LimberError(
            .invalid(
                "\(file) exists and is not a limber archive; it was left as it is",
                hint: "choose another file name, or add --force to replace it"))
    }

    /// Refuses a file that does not start like a limber archive, before reading it as one.
    static func requireArchive(_ file: String) throws {
        // A file cut short inside its first bytes is a truncated archive (exit 3), not another
        // file: only a start that is neither signature, nor the beginning of one, is refused.
        guard FileSystem.kind(of: file) == .file, let head = FileSystem.readPrefix(file, count: 64)
        else { return }
        guard !Archive.mayBeArchive(head: head) else { return }
        throw LimberError(
            .invalid(
                "\(file) is not a limber archive: it starts neither with MANIFEST.json nor with limber's encryption header",
                hint: "give a file made by `limber archive create`"))
    }

    /// Checks every hash and every segment of an archive, writing nothing.
    public static func verifyArchive(
        _ file: String, passphrase: String?, progress: Archive.Progress? = nil
    ) throws -> ArchiveSummary {
        try requireArchive(file)
        return try Archive.verify(file, passphrase: passphrase, progress: progress)
    }

    /// What an archive holds (its manifest).
    public static func listArchive(_ file: String, passphrase: String?) throws -> ArchiveSummary {
        try requireArchive(file)
        return try Archive.list(file, passphrase: passphrase)
    }

    /// Makes a new journal at `target` from an archive (see `Archive.restore`).
    public static func restoreArchive(
        _ file: String, to target: String, passphrase: String?,
        progress: Archive.Progress? = nil
    ) throws -> ArchiveSummary {
        try requireArchive(file)
        return try Archive.restore(file, to: target, passphrase: passphrase, progress: progress)
    }

    /// `true` when `file` is an encrypted limber archive (its passphrase is needed to read it).
    public static func isEncryptedArchive(_ file: String) throws -> Bool {
        try requireArchive(file)
        return try Archive.isEncrypted(file)
    }
}
