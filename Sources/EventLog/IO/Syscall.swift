import Glibc

/// The system calls that change files, in one place: `open`, `write`, `fsync`, `rename`,
/// `link`, `mkdir`, `ftruncate`.
///
/// Every write limber makes goes through here, so a test can make the N-th call of one kind
/// fail (see ``FaultPlan``, debug builds only) and check that each command still leaves the
/// journal whole. In a release build each function is the bare system call. Each returns what
/// the system call returns and leaves `errno` set on failure.
package enum Syscall {
    /// `open(2)`; always adds `O_CLOEXEC`.
    package static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        if let code = FaultPlan.failure(of: .open) {
            errno = code
            return -1
        }
        return Glibc.open(path, flags | O_CLOEXEC, mode)
    }

    /// `write(2)`: may write fewer bytes than asked (callers loop).
    package static func write(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
        switch FaultPlan.writeFault() {
        case .none:
            return Glibc.write(descriptor, base, count)
        case .fail(let code):
            errno = code
            return -1
        case .short:
            // Half of the bytes reach the file, as when the disk fills up mid-write.
            return Glibc.write(descriptor, base, max(1, count / 2))
        }
    }

    /// `fsync(2)`, retried on `EINTR`.
    package static func fsync(_ descriptor: Int32) -> Int32 {
        if let code = FaultPlan.failure(of: .fsync) {
            errno = code
            return -1
        }
        while Glibc.fsync(descriptor) != 0 {
            if errno != EINTR { return -1 }
        }
        return 0
    }

    /// `rename(2)`.
    package static func rename(_ source: String, _ destination: String) -> Int32 {
        if let code = FaultPlan.failure(of: .rename) {
            errno = code
            return -1
        }
        return Glibc.rename(source, destination)
    }

    /// `link(2)`: never replaces an existing name.
    package static func link(_ source: String, _ destination: String) -> Int32 {
        if let code = FaultPlan.failure(of: .link) {
            errno = code
            return -1
        }
        return Glibc.link(source, destination)
    }

    /// `mkdir(2)`.
    package static func mkdir(_ path: String, _ mode: mode_t) -> Int32 {
        if let code = FaultPlan.failure(of: .mkdir) {
            errno = code
            return -1
        }
        return Glibc.mkdir(path, mode)
    }

    /// `ftruncate(2)`.
    package static func truncate(_ descriptor: Int32, to size: Int) -> Int32 {
        if let code = FaultPlan.failure(of: .truncate) {
            errno = code
            return -1
        }
        return Glibc.ftruncate(descriptor, off_t(size))
    }
}
