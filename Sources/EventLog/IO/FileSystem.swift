import Glibc
import SystemPackage

/// Path-level file operations with limber's durability rules: folders 0700, files 0600,
/// replacements by write-temp + fsync + rename + fsync(folder).
package enum FileSystem {
    /// What is at a path.
    package enum Kind: Sendable, Equatable { case missing, file, directory, link, other }

    /// The kind of the object at `path` (links are not followed).
    package static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// Throws when `path` is a symbolic link (or anything but a folder where one is expected):
    /// nothing inside a journal is followed (docs/RELIABILITY.md).
    ///
    /// - Returns: `false` when nothing is at `path`.
    @discardableResult
    package static func requireDirectory(_ path: String) throws(JournalError) -> Bool {
        switch kind(of: path) {
        case .missing: return false
        case .directory: return true
        case .link: throw JournalError(.link, path: path)
        case .file, .other:
            throw JournalError(.badMetadata("a file where a folder belongs"), path: path)
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
        if Syscall.mkdir(path, 0o700) == 0 {
            try syncDirectory(parent(of: path))
            return
        }
        let code = errno
        if code == EEXIST, try requireDirectory(path) { return }
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
        let descriptor = Syscall.open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { throw .io("cannot open folder", path) }
        defer { close(descriptor) }
        guard Syscall.fsync(descriptor) == 0 else { throw .io("cannot sync folder", path) }
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
            let result = Syscall.write(descriptor, base + offset, bytes.count - offset)
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
    /// The file from byte `offset` to its end (empty when it is shorter), or `nil` when it
    /// does not exist. A link at `path` is refused (``JournalError/Kind/link``), never followed.
    ///
    /// - Parameter limit: The most bytes to read; a larger file is refused before anything is
    ///   allocated.
    ///   - followingLinks: Read through a link (only for files outside a journal, such as
    ///     `/etc/machine-id` or git's temporary files).
    package static func readFile(
        _ path: String, from offset: Int = 0, limit: Int = Int.max, followingLinks: Bool = false
    ) throws(JournalError) -> [UInt8]? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            if code == ELOOP { throw JournalError(.link, path: path) }
            throw .io("cannot open", path, code)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io("cannot read", path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw JournalError(.badMetadata("not a regular file"), path: path)
        }
        let size = max(0, Int(info.st_size) - max(0, offset))
        guard size <= limit else {
            throw JournalError(
                .badMetadata("\(size) bytes, more than the \(limit) this file may have"), path: path)
        }
        do { return try FileDescriptor(rawValue: descriptor).readAllBytes(from: max(0, offset)) }
        catch { throw .io("cannot read", path, error.rawValue) }
    }

    /// Up to `count` bytes from `offset` in the file (not following a link), or `nil` when
    /// it cannot be read.
    package static func readPrefix(_ path: String, count: Int, at offset: Int = 0) -> [UInt8]? {
        guard count >= 0, offset >= 0 else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { raw in
                Glibc.pread(descriptor, raw.baseAddress! + filled, count - filled, off_t(offset + filled))
            }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { break }
            filled += got
        }
        return Array(buffer.prefix(filled))
    }

    /// The names in a folder (without `.` and `..`), sorted; empty when it does not exist.
    /// A link at `path` is refused (``JournalError/Kind/link``), never listed through.
    package static func list(_ path: String) throws(JournalError) -> [String] {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return [] }
            if code == ELOOP { throw JournalError(.link, path: path) }
            throw .io("cannot list", path, code)
        }
        guard let directory = fdopendir(descriptor) else {
            let code = errno
            close(descriptor)
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
        guard Syscall.rename(source, destination) == 0 else { throw .io("cannot rename", source) }
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

    /// Removes what killed limber processes left beside `path`: `.NAME.limber-KIND-PID` files
    /// and folders whose process is gone (a live one's are left alone).
    package static func removeStaleTemporaries(of path: String) {
        let prefix = "." + baseName(of: path) + ".limber-"
        let folder = parent(of: path)
        for name in (try? list(folder)) ?? [] where name.hasPrefix(prefix) {
            guard let dash = name.lastIndex(of: "-"), let pid = Int32(name[name.index(after: dash)...]),
                pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            removeTree(folder + "/" + name)
        }
    }

    /// Removes a file, or a folder and everything in it; links are removed, never followed.
    package static func removeTree(_ path: String) {
        if kind(of: path) == .directory {
            for name in (try? list(path)) ?? [] { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// `path`, or what it points at when `path` itself is a link: for a folder the person
    /// names (a sync folder on a mounted stick), never for anything inside a journal.
    package static func resolvingTopLink(_ path: String) -> String {
        kind(of: path) == .link ? absolute(path) : path
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
