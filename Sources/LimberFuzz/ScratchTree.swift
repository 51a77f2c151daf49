import Glibc

/// Everything below a folder (paths relative to it, with each file's bytes and each link's
/// target), recorded before and after a call so that the targets can tell what the call wrote.
///
/// Links are recorded, never followed. It also holds the few file helpers the targets use to
/// lay out scratch journals (plain `open`/`write`, no limber code, so a bug there cannot hide
/// one in the code under test).
struct ScratchTree: Equatable {
    /// What is at one path.
    enum Entry: Equatable {
        case folder
        case file([UInt8])
        case link(String)
        /// A fifo, socket or device (the targets make none).
        case other
    }

    /// Relative path (`"devices/abc/0000000000000001.jsonl.gz"`) → what is there.
    let entries: [String: Entry]

    /// Records the tree at `root` (an empty tree when nothing is there).
    init(_ root: String) {
        var entries: [String: Entry] = [:]
        Self.walk(root, relative: "", into: &entries)
        self.entries = entries
    }

    /// The paths whose entry differs between `self` and `other`, or that only one holds, sorted.
    func changedPaths(since other: ScratchTree) -> [String] {
        let paths = Set(entries.keys).union(other.entries.keys)
        return paths.filter { entries[$0] != other.entries[$0] }.sorted()
    }

    private static func walk(_ path: String, relative: String, into entries: inout [String: Entry]) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            if !relative.isEmpty { entries[relative] = .folder }
            for name in ScratchFolder.names(in: path) ?? [] {
                walk(
                    path + "/" + name, relative: relative.isEmpty ? name : relative + "/" + name,
                    into: &entries)
            }
        case S_IFREG:
            entries[relative] = .file(read(path) ?? [])
        case S_IFLNK:
            var buffer = [CChar](repeating: 0, count: 4096)
            let count = readlink(path, &buffer, buffer.count - 1)
            let bytes = buffer.prefix(max(0, count)).map { UInt8(bitPattern: $0) }
            entries[relative] = .link(String(decoding: bytes, as: UTF8.self))
        default:
            entries[relative] = .other
        }
    }

    /// The bytes of the regular file at `path` (not following a link), or `nil`.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk.prefix(count)
        }
        return bytes
    }

    /// Writes `bytes` to `path`, creating the file (0600) or appending to it; `false` on failure.
    @discardableResult
    static func write(_ bytes: [UInt8], to path: String, appending: Bool = false) -> Bool {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (appending ? O_APPEND : O_TRUNC)
        let descriptor = open(path, flags, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return Glibc.write(descriptor, base + written, raw.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }

    /// Creates the folder at `path` and any missing parents (0700); `false` on failure.
    @discardableResult
    static func makeFolders(_ path: String) -> Bool {
        var current = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            current += "/" + component
            if mkdir(current, 0o700) != 0, errno != EEXIST { return false }
        }
        return true
    }
}
