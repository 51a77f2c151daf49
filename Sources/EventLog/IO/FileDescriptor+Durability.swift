import Glibc
import SystemPackage

extension FileDescriptor {
    /// Flushes data and metadata to stable storage. The corresponding C function is `fsync`.
    package func sync() throws(Errno) {
        while fsync(rawValue) != 0 {
            let error = Errno(rawValue: errno)
            if error != .interrupted { throw error }
        }
    }

    /// Takes an exclusive advisory lock without blocking. The C function is `flock`.
    ///
    /// - Returns: `false` when another process holds the lock.
    package func tryLockExclusively() throws(Errno) -> Bool {
        while flock(rawValue, LOCK_EX | LOCK_NB) != 0 {
            let error = Errno(rawValue: errno)
            if error == .wouldBlock { return false }
            if error != .interrupted { throw error }
        }
        return true
    }

    /// Reads the whole file from offset 0 (for segments and small metadata files).
    package func readAllBytes(from offset: Int = 0) throws(Errno) -> [UInt8] {
        let size = max(0, Int(try stat().size) - offset)
        var buffer = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                let slice = UnsafeMutableRawBufferPointer(rebasing: raw[filled...])
                while true {
                    let result = Glibc.pread(
                        rawValue, slice.baseAddress, slice.count, off_t(offset + filled))
                    if result >= 0 || errno != EINTR { return result }
                }
            }
            if count < 0 { throw Errno(rawValue: errno) }
            if count == 0 { break }  // the file shrank while we read it
            filled += count
        }
        if filled < size { buffer.removeLast(size - filled) }
        return buffer
    }
}

extension Errno {
    /// The `errno` value of an error thrown by swift-system (`EIO` for anything else).
    package static func code(of error: any Error) -> Int32 {
        (error as? Errno).map { $0.rawValue } ?? Glibc.EIO
    }
}
