import EventLog
import Glibc

/// Where archive bytes go: a file, or an encrypting layer in front of one.
protocol ByteSink: AnyObject {
    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(BackupError)
    /// Writes what is buffered and ends the stream (the encrypting layer seals its last chunk).
    func finish() throws(BackupError)
}

extension ByteSink {
    func write(_ bytes: [UInt8]) throws(BackupError) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(BackupError) in try write(raw) }
        }
        try result.get()
    }
}

/// Where archive bytes come from: a file, or a decrypting layer over one.
protocol ByteSource: AnyObject {
    /// Up to `count` next bytes; fewer only at the end, empty at the end.
    func read(_ count: Int) throws(BackupError) -> [UInt8]
    /// Bytes handed out so far (of the plaintext, for a decrypting layer).
    var offset: Int64 { get }
}

extension ByteSource {
    /// Exactly `count` bytes, or a truncation error naming `what`.
    func readExactly(_ count: Int, _ what: String) throws(BackupError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            let chunk = try read(count - bytes.count)
            guard !chunk.isEmpty else { throw BackupError(.truncated(what)) }
            bytes += chunk
        }
        return bytes
    }
}

/// A file written through a 1 MiB buffer; `finish` syncs it.
/// Writes into an ``AtomicFile`` (a new archive), which its owner commits.
final class AtomicFileSink: ByteSink {
    private let file: AtomicFile

    init(_ file: AtomicFile) { self.file = file }

    func write(_ bytes: UnsafeRawBufferPointer) throws(BackupError) {
        do { try file.write(bytes) } catch { throw BackupError(.io("cannot write", file.path, Self.code(error))) }
    }

    func finish() throws(BackupError) {}

    private static func code(_ error: JournalError) -> Int32 {
        if case .io(_, let code) = error.kind { return code }
        return EIO
    }
}

/// Writes a new file that must not exist yet (a restored segment), synced on `finish`.
final class FileSink: ByteSink {
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private(set) var written: Int64 = 0

    /// Creates `path` (it must not exist), mode 0600.
    init(creating path: String) throws(BackupError) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw BackupError(.io("cannot create", path, errno)) }
        self.path = path
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close(descriptor) }

    func write(_ bytes: UnsafeRawBufferPointer) throws(BackupError) {
        if buffer.count + bytes.count > 1 << 20 { try flush() }
        if bytes.count >= 1 << 20 {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func finish() throws(BackupError) {
        try flush()
        guard fsync(descriptor) == 0 else { throw BackupError(.io("cannot sync", path, errno)) }
    }

    private func flush() throws(BackupError) {
        guard !buffer.isEmpty else { return }
        let pending = buffer
        buffer.removeAll(keepingCapacity: true)
        let result = pending.withUnsafeBytes { raw in
            Result { () throws(BackupError) in try writeAll(raw) }
        }
        try result.get()
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(BackupError) {
        let code = FileSystem.writeAll(descriptor, bytes)
        guard code == 0 else { throw BackupError(.io("cannot write", path, code)) }
        written += Int64(bytes.count)
    }
}

/// A file read in 1 MiB chunks.
final class FileSource: ByteSource {
    private let descriptor: Int32
    let path: String
    /// The file's size when opened.
    let size: Int64
    private var buffer: [UInt8] = []
    private var position = 0
    private(set) var offset: Int64 = 0

    init(path: String) throws(BackupError) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BackupError(.io("cannot open", path, errno)) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw BackupError(.notAnArchive(path, "it is not a regular file"))
        }
        self.path = path
        size = Int64(info.st_size)
    }

    deinit { close(descriptor) }

    func read(_ count: Int) throws(BackupError) -> [UInt8] {
        if position >= buffer.count {
            buffer = [UInt8](repeating: 0, count: 1 << 20)
            let got = buffer.withUnsafeMutableBytes { raw -> Int in
                while true {
                    let result = Glibc.read(descriptor, raw.baseAddress!, raw.count)
                    if result < 0, errno == EINTR { continue }
                    return result
                }
            }
            guard got >= 0 else { throw BackupError(.io("cannot read", path, errno)) }
            buffer.removeSubrange(got...)
            position = 0
            if got == 0 { return [] }
        }
        let end = min(buffer.count, position + count)
        let slice = Array(buffer[position..<end])
        position = end
        offset += Int64(slice.count)
        return slice
    }
}
