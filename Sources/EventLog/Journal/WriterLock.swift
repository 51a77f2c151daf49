import Glibc
import SystemPackage

/// The journal's single-writer lock: `flock` on `local/lock`, held until `release()` or exit.
package final class WriterLock {
    private var descriptor: FileDescriptor?

    /// Takes the lock, waiting up to `timeout` seconds for another writer to finish.
    ///
    /// - Throws: ``JournalError`` `.locked` after the wait, `.io` on failure.
    package init(path: String, timeout: Double) throws(JournalError) {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(path), .readWrite, options: [.create, .closeOnExec, .noFollow],
                permissions: [.ownerReadWrite])
        } catch {
            throw .io("cannot open lock", path, Errno.code(of: error))
        }
        let started = HybridClock.wallClockMillis()
        while true {
            let acquired: Bool
            do { acquired = try descriptor.tryLockExclusively() } catch {
                try? descriptor.close()
                throw .io("cannot lock", path, Errno.code(of: error))
            }
            if acquired { break }
            let waited = Double(HybridClock.wallClockMillis() - started) / 1000
            if waited >= timeout {
                try? descriptor.close()
                throw JournalError(
                    .locked(waitedSeconds: waited),
                    path: FileSystem.parent(of: FileSystem.parent(of: path)))
            }
            usleep(20_000)
        }
        self.descriptor = descriptor
    }

    /// Releases the lock (closing the descriptor drops the `flock`).
    package func release() {
        try? descriptor?.close()
        descriptor = nil
    }

    deinit { try? descriptor?.close() }
}
