import Glibc
import JournalModel

/// Where an export goes: standard output, or a file that appears only when complete (written
/// to a temporary file beside it, synced, renamed into place, folder synced; mode 0600).
public final class ExportOutput {
    /// The destination path; `nil` for standard output.
    public let path: String?
    private let descriptor: Int32
    private let temporary: String?
    private var buffer: [UInt8] = []
    private var committed = false
    /// Bytes written so far.
    public private(set) var written: Int64 = 0

    /// Standard output.
    public init() {
        path = nil
        descriptor = 1
        temporary = nil
    }

    /// A file at `path`, replaced atomically on ``commit()``.
    ///
    /// - Throws: ``ExportError`` when the folder cannot be written.
    public init(path: String) throws(ExportError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw ExportError(.notAFile(path)) }
        let temporary = (folder.isEmpty ? "/" : folder) + "/." + name + ".limber-tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw ExportError(.cannotWrite(path, String(cString: strerror(errno))))
        }
        self.descriptor = descriptor
        self.temporary = temporary
    }

    deinit {
        if let temporary, !committed {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Appends text.
    public func write(_ text: String) throws(ExportError) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends bytes.
    public func write(bytes: some Collection<UInt8>) throws(ExportError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(ExportError) {
        var offset = 0
        while offset < buffer.count {
            let result = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ExportError(.cannotWrite(path ?? "standard output", String(cString: strerror(errno))))
            }
            offset += result
        }
        written += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes the export: flushes, and for a file syncs it and renames it into place.
    public func commit() throws(ExportError) {
        try flush()
        guard let temporary, let path else { return }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            throw ExportError(.cannotWrite(path, String(cString: strerror(errno))))
        }
        committed = true
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ExportError(.cannotWrite(path, reason))
        }
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let folderDescriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}

/// Why an export could not be written; a file being written is removed.
public struct ExportError: UserFacingError, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        case cannotWrite(String, String)
        case notAFile(String)
    }

    /// What went wrong.
    public var kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    public var description: String {
        switch kind {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .notAFile(let path): "\(path) names a folder, not a file"
        }
    }

    public var hint: String? { "check that the folder exists and that you may write there" }

    public var exitCode: Int32 { 1 }
}
