import Glibc
import JournalModel

/// Why an archive could not be made, checked or restored. Nothing was written at the target.
public struct BackupError: UserFacingError, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        case io(String, String, Int32)
        case notAnArchive(String, String)
        case truncated(String)
        case malformed(String)
        case unsafeEntry(String, String)
        case mismatch(String)
        case wrongPassphrase
        case damagedCiphertext(chunk: Int)
        case newerFormat(Int)
        case targetNotEmpty(String)
        case noPassphrase
        case passphrasesDiffer
        case noJournal(String)
    }

    /// What went wrong.
    public var kind: Kind

    /// Creates an error.
    public init(_ kind: Kind) { self.kind = kind }

    public var description: String {
        switch kind {
        case .io(let operation, let path, let code): "\(operation) \(path): \(String(cString: strerror(code)))"
        case .notAnArchive(let path, let why): "\(path) is not a limber archive: \(why)"
        case .truncated(let what): "the archive is cut short (in \(what))"
        case .malformed(let what): "the archive is damaged: \(what)"
        case .unsafeEntry(let path, let why): "the archive holds an unsafe entry \"\(path)\": \(why)"
        case .mismatch(let what): "the archive does not match its manifest: \(what)"
        case .wrongPassphrase: "wrong passphrase"
        case .damagedCiphertext(let chunk): "the encrypted archive was changed or damaged (chunk \(chunk) fails its check)"
        case .newerFormat(let version): "the archive is of format version \(version), newer than this limber reads"
        case .targetNotEmpty(let path): "\(path) exists and is not empty"
        case .noPassphrase: "the archive is encrypted and no passphrase was given"
        case .passphrasesDiffer: "the two passphrases differ"
        case .noJournal(let path): "there is no journal at \(path)"
        }
    }

    public var hint: String? {
        switch kind {
        case .io: "check the path, the free space and the permissions"
        case .notAnArchive: "give a file made by `limber archive create`"
        case .truncated: "the copy is incomplete; use another copy of the archive"
        case .malformed, .mismatch, .damagedCiphertext:
            "this copy cannot be trusted; nothing was written; use another copy of the archive"
        case .unsafeEntry: "this archive was not made by limber; nothing was written"
        case .wrongPassphrase: "try again; a lost passphrase cannot be recovered"
        case .newerFormat: "update limber"
        case .targetNotEmpty: "restore into a new folder; nothing was written"
        case .noPassphrase: "set LIMBER_PASSPHRASE or run on a terminal to be asked"
        case .passphrasesDiffer: "type the same passphrase twice"
        case .noJournal: "give --journal, or run `limber init` first"
        }
    }

    /// 5 for a wrong or missing passphrase, 3 for a damaged archive, else 1.
    public var exitCode: Int32 {
        switch kind {
        case .wrongPassphrase, .noPassphrase, .passphrasesDiffer: 5
        case .truncated, .malformed, .mismatch, .damagedCiphertext, .unsafeEntry: 3
        default: 1
        }
    }
}

extension BackupError.Kind {
    /// The case's name (`truncated`, `wrongPassphrase`, …): names a family of errors without
    /// its text, which may quote the archive's content.
    public var label: String {
        switch self {
        case .io: "io"
        case .notAnArchive: "notAnArchive"
        case .truncated: "truncated"
        case .malformed: "malformed"
        case .unsafeEntry: "unsafeEntry"
        case .mismatch: "mismatch"
        case .wrongPassphrase: "wrongPassphrase"
        case .damagedCiphertext: "damagedCiphertext"
        case .newerFormat: "newerFormat"
        case .targetNotEmpty: "targetNotEmpty"
        case .noPassphrase: "noPassphrase"
        case .passphrasesDiffer: "passphrasesDiffer"
        case .noJournal: "noJournal"
        }
    }
}
