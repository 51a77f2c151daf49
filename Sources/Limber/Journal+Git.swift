import EventLog
import Glibc

/// git as a transport (DESIGN §2): segments get limber's merge driver, so two versions of a
/// segment, one a byte prefix of the other (a device's log that grew on one side, or arrived
/// by a USB stick on the other), merge to the longer instead of a conflict.
extension Journal {
    /// The `.gitattributes` line `init` writes: segments are binary and use driver `limber`.
    static let gitAttributesLine = "devices/*/*.jsonl.gz -text -diff merge=limber"

    /// The git merge driver (`limber git-merge %O %A %B %P`): leaves in `current` the longer
    /// of `current` and `other` when one is a byte prefix of the other.
    ///
    /// - Parameters:
    ///   - current: git's file of our version (%A); the result is written there.
    ///   - other: git's file of their version (%B).
    ///   - path: The segment's path in the work tree (%P), for the message.
    /// - Throws: ``LimberError`` naming the forked device when neither is a prefix of the
    ///   other (git then reports a conflict and leaves both versions).
    public static func gitMerge(current: String, other: String, path: String) throws {
        let ours = try FileSystem.readFile(current, followingLinks: true) ?? []
        let theirs = try FileSystem.readFile(other, followingLinks: true) ?? []
        if theirs.count > ours.count, theirs.starts(with: ours) {
            try FileSystem.writeAtomically(theirs, to: current)
            return
        }
        if ours.starts(with: theirs) { return }
        let parts = path.split(separator: "/")
        let device = parts.count >= 2 ? String(parts[parts.count - 2]) : path
        throw LimberError(
            .invalid(
                "\(path): the two versions differ inside (neither is the start of the other): device \(device) is forked",
                hint:
                    "keep one version (git checkout --ours or --theirs \(path)), then run `limber verify`; the device wrote two histories"
            ))
    }

    /// Makes the git work tree that holds the journal use limber's merge driver for segments:
    /// writes the `.gitattributes` line and registers the driver (`git config merge.limber.*`)
    /// in that clone, running `executable` (this limber's absolute path).
    ///
    /// - Returns: `false` when the journal is not in a git work tree (or git is missing).
    @discardableResult
    public static func setUpGit(at path: String, executable: String? = nil) throws -> Bool {
        guard let executable = executable ?? GitCommand.currentExecutable(),
            let top = GitCommand.run(["-C", path, "rev-parse", "--show-toplevel"], output: true)
        else { return false }
        try ensureLine(gitAttributesLine, in: path + "/.gitattributes")
        let driver = "'" + executable.replacingQuote + "' git-merge %O %A %B %P"
        for (key, value) in [
            ("merge.limber.name", "limber segments: the longer of two versions that one is the start of"),
            ("merge.limber.driver", driver),
        ] {
            guard GitCommand.run(["-C", top, "config", key, value], output: false) != nil else {
                throw LimberError(
                    .invalid(
                        "git config \(key) failed in \(top)",
                        hint: "check that the clone's .git/config is writable"))
            }
        }
        return true
    }

    /// Registers the driver in the journal's clone when the journal folder is the root of a
    /// git work tree whose config lacks it (a fresh `git clone` of a journal), or names a
    /// limber that is no longer there (moved, upgraded), so a pull never stops at a segment.
    /// Cheap when nothing is needed: one bounded read of `.git/config`, links not followed.
    func ensureGitDriver() -> Notice? {
        guard FileSystem.kind(of: path + "/.git") == .directory,
            let bytes = FileSystem.readPrefix(path + "/.git/config", count: 1 << 20),
            let executable = GitCommand.currentExecutable()
        else { return nil }
        let config = String(decoding: bytes, as: UTF8.self)
        if config.contains("[merge \"limber\"]") {
            // `driver = '/path/to/limber' git-merge %O %A %B %P`: still there?
            let registered = config.split(separator: "\n").first { $0.contains("git-merge %O") }
                .flatMap { line in line.split(separator: "'").dropFirst().first.map(String.init) }
            if let registered, access(registered, X_OK) == 0 { return nil }
        }
        guard (try? Self.setUpGit(at: path, executable: executable)) == true else { return nil }
        return Notice(.info, "registered limber's merge driver for segments in this git clone")
    }
}

extension String {
    fileprivate var replacingQuote: String {
        split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
    }
}

/// Runs `git`, found on `PATH`.
enum GitCommand {
    /// Runs `git ARGUMENTS`; its first line of output (when `output`), or "" — `nil` when git
    /// is missing or fails.
    static func run(_ arguments: [String], output: Bool) -> String? {
        var pipe: [Int32] = [-1, -1]
        // Close-on-exec, so that nothing git starts keeps our end of the pipe open.
        guard Glibc.pipe(&pipe) == 0 else { return nil }
        for end in pipe { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let argv = (["git"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, environ)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { return nil }
        var text: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(pipe[0], $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            if text.count < 1 << 16 { text.append(contentsOf: buffer[..<count]) }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else { return nil }
        guard output else { return "" }
        return String(decoding: text.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    }

    /// This process's executable, absolute (`/proc/self/exe`).
    static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
