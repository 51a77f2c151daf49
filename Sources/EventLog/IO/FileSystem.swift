import Glibc
import SystemPackage

/// Path-level file operations with limber's durability rules: folders 0700, files 0600,
/// replacements by write-temp + fsync + rename + fsync(folder).
package enum FileSystem {
    /// What is at a path.
    package enum Kind: Sendable, Equatable { case missing, file, directory, other }

    /// The kind of the object at `path` (links are not followed).
    package static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The size of the regular file at `path`, or `nil`.
    package static func fileSize(_ path: String) -> Int64? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    /// Creates the folder (mode 0700) if it is missing and makes its entry durable.
    package static func makeDirectory(_ path: String) throws(JournalError) {
        if mkdir(path, 0o700) == 0 {
            try syncDirectory(parent(of: path))
            return
        }
        let code = errno
        if code == EEXIST, kind(of: path) == .directory { return }
        throw .io("cannot create folder", path, code)
    }

    /// Creates the folder and any missing parents (each 0700).
    package static func makeDirectories(_ path: String) throws(JournalError) {
        if kind(of: path) == .directory { return }
        let up = parent(of: path)
        if up != path, kind(of: up) == .missing { try makeDirectories(up) }
        try makeDirectory(path)
    }

    /// Flushes a folder's entries (new or renamed files) to stable storage.
    package static func syncDirectory(_ path: String) throws(JournalError) {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(path), .readOnly, options: [.directory, .closeOnExec])
        } catch {
            throw .io("cannot open folder", path, Errno.code(of: error))
        }
        defer { try? descriptor.close() }
        do { try descriptor.sync() } catch {
            throw .io("cannot sync folder", path, Errno.code(of: error))
        }
    }

    /// Replaces (or creates) the file at `path` with `bytes`, atomically and durably (0600).
    package static func writeAtomically(_ bytes: [UInt8], to path: String) throws(JournalError) {
        let file = try AtomicFile(replacing: path)
        try file.write(bytes)
        try file.commit()
    }

    /// Writes all of `bytes` to an open descriptor (retrying short writes and `EINTR`).
    ///
    /// - Returns: 0, or the `errno` of the failed `write(2)`.
    package static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let result = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += result
        }
        return 0
    }

    /// The file from byte `offset` to its end (empty when it is shorter), or `nil` when it
    /// does not exist.
    package static func readFile(_ path: String, from offset: Int) throws(JournalError) -> [UInt8]?
    {
        guard offset > 0 else { return try readFile(path) }
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        } catch {
            if Errno.code(of: error) == ENOENT { return nil }
            throw .io("cannot open", path, Errno.code(of: error))
        }
        defer { try? descriptor.close() }
        do { return try descriptor.readAllBytes(from: offset) } catch {
            throw .io("cannot read", path, error.rawValue)
        }
    }

    /// The whole file, or `nil` when it does not exist.
    package static func readFile(_ path: String) throws(JournalError) -> [UInt8]? {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(
                FilePath(path), .readOnly, options: [.closeOnExec])
        } catch {
            if Errno.code(of: error) == ENOENT { return nil }
            throw .io("cannot open", path, Errno.code(of: error))
        }
        defer { try? descriptor.close() }
        do { return try descriptor.readAllBytes() } catch {
            throw .io("cannot read", path, Errno.code(of: error))
        }
    }

    /// Up to `count` bytes from the start of the file (not following a link), or `nil` when
    /// it cannot be read.
    package static func readPrefix(_ path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { raw in
                Glibc.read(descriptor, raw.baseAddress! + filled, count - filled)
            }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        return Array(buffer.prefix(filled))
    }

    /// The names in a folder (without `.` and `..`), sorted; empty when it does not exist.
    package static func list(_ path: String) throws(JournalError) -> [String] {
        guard let directory = opendir(path) else {
            let code = errno
            if code == ENOENT { return [] }
            throw .io("cannot list", path, code)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Renames within one file system and syncs the folder of the destination.
    package static func move(_ source: String, to destination: String) throws(JournalError) {
        guard rename(source, destination) == 0 else { throw .io("cannot rename", source) }
        try syncDirectory(parent(of: destination))
    }

    /// The folder part of a path (`"."` for a bare name).
    package static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component of a path.
    package static func baseName(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// An absolute, normalized form of `path` (resolving links when it exists).
    package static func absolute(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(
            decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return cwd + "/" + path
    }
}
