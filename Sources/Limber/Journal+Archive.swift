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
        try checkArchiveTarget(file, force: force)
        return try Archive.create(
            journal: path, to: file, passphrase: passphrase, lockTimeout: options.lockTimeout,
            scryptN: scryptN, progress: progress)
    }

    /// Refuses an archive path that holds something other than a limber archive, unless
    /// `force` (checked before a passphrase is asked for).
    public static func checkArchiveTarget(_ file: String, force: Bool) throws {
        guard !force, FileSystem.kind(of: file) != .missing, !Archive.looksLikeArchive(file) else {
            return
        }
        throw LimberError(
            .invalid(
                "\(file) exists and is not a limber archive; it was left as it is",
                hint: "choose another file name, or add --force to replace it"))
    }

    /// Checks every hash and every segment of an archive, writing nothing.
    public static func verifyArchive(
        _ file: String, passphrase: String?, progress: Archive.Progress? = nil
    ) throws -> ArchiveSummary {
        try Archive.verify(file, passphrase: passphrase, progress: progress)
    }

    /// What an archive holds (its manifest).
    public static func listArchive(_ file: String, passphrase: String?) throws -> ArchiveSummary {
        try Archive.list(file, passphrase: passphrase)
    }

    /// Makes a new journal at `target` from an archive (see `Archive.restore`).
    public static func restoreArchive(
        _ file: String, to target: String, passphrase: String?,
        progress: Archive.Progress? = nil
    ) throws -> ArchiveSummary {
        try Archive.restore(file, to: target, passphrase: passphrase, progress: progress)
    }

    /// `true` when `file` is an encrypted limber archive (its passphrase is needed to read it).
    public static func isEncryptedArchive(_ file: String) throws -> Bool {
        try Archive.isEncrypted(file)
    }
}
