import Glibc
import JournalModel

/// A problem with the journal folder or its files, naming the path (and byte offset).
public struct JournalError: UserFacingError, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// No `limber.json` at the path.
        case notAJournal
        /// `limber.json` names a format newer than this version reads.
        case newerFormat(found: Int, supported: Int)
        /// `limber.json` or `local/device.json` cannot be read.
        case badMetadata(String)
        /// Another writer held the lock for the whole wait.
        case locked(waitedSeconds: Double)
        /// A system call failed.
        case io(operation: String, errno: Int32)
        /// A segment holds invalid bytes before valid ones (or cannot be read at all).
        case corruptSegment(offset: Int, detail: String)
        /// The path exists and is not a journal, so `init` will not take it over.
        case occupied
        /// A symbolic link inside the journal folder: never followed, read or written through.
        case link
    }

    /// What went wrong; decides the message, the hint and the exit code.
    public var kind: Kind
    /// The file or folder concerned.
    public var path: String

    /// Creates an error about one file or folder.
    ///
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - path: The file or folder concerned.
    public init(_ kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    /// What went wrong without the path (for a report that names the file itself).
    package var summary: String {
        switch kind {
        case .io(let operation, let code): "\(operation): \(String(cString: strerror(code)))"
        case .badMetadata(let detail): detail
        case .link: "a symbolic link"
        default: description
        }
    }

    public var description: String {
        switch kind {
        case .notAJournal:
            return "no journal at \(path)"
        case .newerFormat(let found, let supported):
            return
                "\(path) is a journal of format \(found); this limber reads format \(supported) and older"
        case .badMetadata(let detail):
            return "\(path): \(detail)"
        case .locked(let waited):
            let seconds = (waited * 10).rounded() / 10
            return
                "the journal at \(path) is locked by another limber process (waited \(seconds) s)"
        case .io(let operation, let code):
            return "\(operation) \(path): \(String(cString: strerror(code)))"
        case .corruptSegment(let offset, let detail):
            return "\(path): corrupt at byte \(offset): \(detail)"
        case .occupied:
            return "\(path) exists and is not an empty folder or a limber journal"
        case .link:
            return "\(path) is a symbolic link; limber never follows a link inside a journal"
        }
    }

    /// How to fix the problem, in one line, for each ``Kind``.
    public var hint: String? {
        switch kind {
        case .notAJournal:
            "on your first machine `limber init` creates one; on a second machine start from the shared copy with `limber sync DIR` (or copy the journal folder), not `init`, which starts a separate journal; or point --journal / LIMBER_JOURNAL at an existing one"
        case .newerFormat:
            "upgrade limber on this machine; the journal was not changed"
        case .badMetadata:
            "restore the file from a backup or another device; `limber verify` shows what else is damaged"
        case .locked:
            "wait for the other command to finish, or set LIMBER_LOCK_TIMEOUT (seconds) to wait longer"
        case .io:
            "check that the folder exists, is yours (permissions 0700) and the disk is not full"
        case .corruptSegment:
            "run `limber verify` for every problem, then `limber repair` to move damaged data aside"
        case .occupied:
            "choose an empty or new folder"
        case .link:
            "`limber repair` removes links from the journal folder (what they point at is left alone); `limber verify` lists them"
        }
    }

    /// The process exit code: 4 when locked, 3 for a corrupt segment, 1 otherwise.
    public var exitCode: Int32 {
        switch kind {
        case .locked: 4
        case .corruptSegment, .link: 3
        default: 1
        }
    }

    /// An `io` error from `errno`.
    package static func io(_ operation: String, _ path: String, _ code: Int32 = errno)
        -> JournalError
    {
        JournalError(.io(operation: operation, errno: code), path: path)
    }
}
