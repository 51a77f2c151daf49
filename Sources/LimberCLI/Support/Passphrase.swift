import Glibc
import Limber

/// The archive passphrase: `LIMBER_PASSPHRASE`, else asked on the terminal without echo
/// (twice when a new archive is encrypted).
enum Passphrase {
    static let warning =
        "limber: a lost passphrase cannot be recovered: nobody, limber included, can open the archive without it"

    /// For a new encrypted archive.
    static func forNewArchive() throws -> String {
        if let given = JournalOptions.environment["LIMBER_PASSPHRASE"], !given.isEmpty { return given }
        guard isatty(0) == 1, isatty(2) == 1 else { throw BackupError(.noPassphrase) }
        Terminal.writeError(warning)
        let first = try ask("passphrase: ")
        let second = try ask("again: ")
        guard first == second else { throw BackupError(.passphrasesDiffer) }
        guard !first.isEmpty else { throw BackupError(.noPassphrase) }
        return first
    }

    /// For reading `path`: `nil` when it is not encrypted.
    static func forReading(_ path: String) throws -> String? {
        guard try Journal.isEncryptedArchive(path) else { return nil }
        if let given = JournalOptions.environment["LIMBER_PASSPHRASE"], !given.isEmpty { return given }
        guard isatty(0) == 1, isatty(2) == 1 else { throw BackupError(.noPassphrase) }
        return try ask("passphrase for \(path): ")
    }

    /// One line from the terminal with echo off.
    private static func ask(_ prompt: String) throws -> String {
        Terminal.put(prompt, to: 2)
        var saved = termios()
        let canHide = tcgetattr(0, &saved) == 0
        if canHide {
            var hidden = saved
            hidden.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &hidden)
        }
        defer {
            if canHide { tcsetattr(0, TCSAFLUSH, &saved) }
            Terminal.put("\n", to: 2)
        }
        guard let line = TerminalInput.standard.line() else { throw BackupError(.noPassphrase) }
        return line
    }
}

/// What is at a path, for choosing between a folder and an archive.
enum FileSystemProbe {
    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
