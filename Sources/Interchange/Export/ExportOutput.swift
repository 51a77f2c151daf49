import EventLog
import Glibc
import JournalModel

/// Where an export goes: standard output, or a file that appears only when complete (an
/// ``AtomicFile``: written beside it, synced, renamed into place, folder synced; mode 0600).
public final class ExportOutput {
    /// The destination path; `nil` for standard output.
    public let path: String?
    private let file: AtomicFile?
    private var buffer: [UInt8] = []
    /// Bytes written so far.
    public private(set) var written: Int64 = 0

    /// Standard output.
    public init() {
        path = nil
        file = nil
    }

    /// A file at `path`, replaced atomically on ``commit()``.
    ///
    /// - Throws: ``ExportError`` when the folder cannot be written.
    public init(path: String) throws(ExportError) {
        self.path = path
        guard !path.hasSuffix("/"), FileSystem.kind(of: path) != .directory else {
            throw ExportError(.notAFile(path))
        }
        do { file = try AtomicFile(replacing: path) } catch {
            throw ExportError(.cannotWrite(path, Self.reason(error)))
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
        defer {
            written += Int64(buffer.count)
            buffer.removeAll(keepingCapacity: true)
        }
        if let file {
            do { try file.write(buffer) } catch {
                throw ExportError(.cannotWrite(path ?? "", Self.reason(error)))
            }
            return
        }
        var offset = 0
        while offset < buffer.count {
            let result = buffer.withUnsafeBytes { raw in
                Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ExportError(.cannotWrite("standard output", String(cString: strerror(errno))))
            }
            offset += result
        }
    }

    /// Finishes the export: flushes, and for a file syncs it and renames it into place.
    public func commit() throws(ExportError) {
        try flush()
        guard let file else { return }
        do { try file.commit() } catch {
            throw ExportError(.cannotWrite(path ?? "", Self.reason(error)))
        }
    }

    private static func reason(_ error: JournalError) -> String {
        if case .io(_, let code) = error.kind { return String(cString: strerror(code)) }
        return error.description
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
