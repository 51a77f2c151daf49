import Glibc

/// An empty temporary folder for one input, for code that writes a tree of files (`restore`),
/// on `/dev/shm` when there is one, as ``ScratchFile``.
///
/// ``remove()`` deletes it with everything in it. A folder cannot be unlinked while in use as
/// a file can, so a run that is killed (a crash the fuzzer reports) leaves its folder behind:
/// the first folder a process makes removes those of processes that no longer run (the name
/// carries the process id).
struct ScratchFolder {
    /// Why the folder could not be made.
    struct Failure: Error, CustomStringConvertible {
        /// The call that failed and its `errno`.
        var description: String
    }

    /// The folder's path (absolute).
    let path: String

    /// The folder the scratch folders go in.
    private static let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    /// The start of every scratch folder's name, followed by `PID-` and mkdtemp's letters.
    private static let prefix = "limber-fuzz-folder-"
    /// Removes the folders that killed runs left, once per process.
    private static let sweep: Void = removeAbandoned()

    /// Creates an empty folder (mode 0700).
    ///
    /// - Throws: ``Failure`` when it cannot be created.
    init() throws(Failure) {
        _ = Self.sweep
        var template = Array("\(Self.base)/\(Self.prefix)\(getpid())-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { name in
            name.baseAddress.map { mkdtemp($0) != nil } ?? false
        }
        guard made else { throw Failure(description: "mkdtemp: errno \(errno)") }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The names in the folder (without `.` and `..`), sorted.
    func names() -> [String] { Self.names(in: path) ?? [] }

    /// Writes `contents` to a new file `name` in the folder (0600).
    ///
    /// - Returns: The file's path, or `nil` when it cannot be written.
    func write(_ contents: UnsafeRawBufferPointer, as name: String) -> String? {
        let file = path + "/" + name
        return ScratchTree.write([UInt8](contents), to: file) ? file : nil
    }

    /// Deletes the folder and everything below it (links are removed, never followed).
    func remove() { Self.removeTree(path) }

    /// The names in the folder at `path`, sorted; `nil` when it cannot be listed.
    static func names(in path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Removes what is at `path`: a folder with its contents, anything else by `unlink`.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            // A folder restore made read-only would refuse its entries' removal.
            _ = chmod(path, 0o700)
            for name in names(in: path) ?? [] { removeTree(path + "/" + name) }
            _ = rmdir(path)
        } else {
            _ = unlink(path)
        }
    }

    /// Removes the scratch folders whose process no longer runs.
    private static func removeAbandoned() {
        for name in names(in: base) ?? [] where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).prefix { $0 != "-" }
            guard let pid = Int32(pid), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { removeTree(base + "/" + name) }
        }
    }
}

extension FuzzTarget {
    /// Makes a scratch folder, runs `body` in it and removes it; a failure to make the folder
    /// is this target's failure.
    func withScratchFolder(_ body: (ScratchFolder) -> FuzzFailure?) -> FuzzFailure? {
        let folder: ScratchFolder
        do {
            folder = try ScratchFolder()
        } catch {
            return failure("could not make a scratch folder: \(error)")
        }
        defer { folder.remove() }
        return body(folder)
    }
}
