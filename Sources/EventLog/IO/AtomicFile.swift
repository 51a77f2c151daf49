import Glibc

/// A file that appears whole or not at all: the one place limber replaces a file.
///
/// Bytes go to `.NAME.limber-tmp-PID` beside the target (created exclusively, `O_NOFOLLOW`,
/// mode 0600); ``commit(durable:)`` syncs it, renames it over the target and syncs the
/// folder. Dropped uncommitted, the temporary file is removed and the target is untouched.
package final class AtomicFile {
    /// The file it replaces (or creates).
    package let path: String
    private let temporary: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    /// Bytes written so far.
    package private(set) var written: Int64 = 0

    /// Starts replacing `path`.
    ///
    /// - Throws: ``JournalError`` `.io` when the folder cannot be written.
    package init(replacing path: String) throws(JournalError) {
        self.path = path
        let folder = FileSystem.parent(of: path)
        let name = FileSystem.baseName(of: path)
        temporary = folder + "/." + name + ".limber-tmp-\(getpid())"
        // A temporary file left by a killed process (of this pid, or of one that is gone).
        unlink(temporary)
        FileSystem.removeStaleTemporaries(of: path)
        descriptor = Syscall.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .io("cannot create", temporary) }
    }

    deinit {
        if !finished {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Appends bytes (buffered: large files are written in 1 MiB pieces).
    package func write(_ bytes: UnsafeRawBufferPointer) throws(JournalError) {
        if buffer.count + bytes.count > 1 << 20 { try flush() }
        if bytes.count >= 1 << 20 {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends bytes.
    package func write(_ bytes: [UInt8]) throws(JournalError) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(JournalError) in try write(raw) }
        }
        try result.get()
    }

    /// Puts the file in place: flushes, syncs the data (when `durable`), renames it over the
    /// target and syncs the folder (when `durable`). A cache may skip the syncs: losing it
    /// costs only time.
    package func commit(durable: Bool = true) throws(JournalError) {
        try flush()
        if durable {
            guard Syscall.fsync(descriptor) == 0 else {
                let code = errno
                finished = true
                close(descriptor)
                unlink(temporary)
                throw .io("cannot sync", temporary, code)
            }
        }
        finished = true
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw .io("cannot write", temporary, code)
        }
        guard Syscall.rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .io("cannot rename into", path, code)
        }
        if durable { try FileSystem.syncDirectory(FileSystem.parent(of: path)) }
    }

    private func flush() throws(JournalError) {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        let result = pending.withUnsafeBytes { raw in
            Result { () throws(JournalError) in try writeAll(raw) }
        }
        try result.get()
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(JournalError) {
        let code = FileSystem.writeAll(descriptor, bytes)
        guard code == 0 else { throw .io("cannot write", temporary, code) }
        written += Int64(bytes.count)
    }
}
