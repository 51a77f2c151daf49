import Foundation
import Testing

/// The N-th system call of one kind fails (`LIMBER_FAULT`, debug builds: see
/// Sources/EventLog/IO/FaultPlan.swift), for every N a command makes: it says so in one line
/// with a hint, the journal still opens, nothing acknowledged is lost, and the next write
/// leaves `verify` clean (docs/RELIABILITY.md, "Faults").
@Suite("injected faults")
struct FaultInjectionTests {
    static let hevy: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Fixtures/imports/hevy/sample_hevy.csv"
    }()

    /// The faults tried at every call: an error of each kind, and a short write that fills
    /// the disk.
    static let faults: [(String, String)] = [
        ("write", "ENOSPC"), ("write", "short"), ("write", "EIO"), ("fsync", "EIO"),
        ("open", "EACCES"), ("rename", "EIO"), ("link", "ENOSPC"), ("mkdir", "ENOSPC"),
        ("truncate", "EIO"),
    ]

    /// A command and how many sessions it adds when it succeeds.
    struct Command: Sendable, CustomStringConvertible {
        var name: String
        var arguments: @Sendable (Sandbox) -> [String]
        var adds: Int
        var description: String { name }
    }

    static let commands: [Command] = [
        Command(name: "log", arguments: { _ in ["log", "--set", "rockback=10"] }, adds: 1),
        Command(name: "import", arguments: { _ in ["import", FaultInjectionTests.hevy] }, adds: -1),
        Command(name: "merge", arguments: { sandbox in ["merge", sandbox.root + "/other"] }, adds: -1),
    ]

    private func sessions(_ sandbox: Sandbox) throws -> Int {
        let listed = try sandbox.limber("list", "--json")
        try #require(listed.exitCode == 0, "the journal does not open: \(listed)")
        return try listed.jsonArray().count
    }

    /// A journal with one session, and another journal (`other`) with sessions of two more
    /// devices to merge.
    private func prepare(_ sandbox: Sandbox) throws {
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10", "--at", "2026-11-20 07:30")
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: sandbox.root + "/other")
        // Two devices, so a merge cut between them would show.
        for (minute, machine) in zip(0..<4, ["other-machine", "other-machine", "third-machine", "third-machine"]) {
            let logged = try sandbox.run(
                LimberBinary.path,
                ["log", "--set", "rockback=11", "--at", "2026-11-21 07:3\(minute)", "--journal", sandbox.root + "/other"],
                environment: ["LIMBER_MACHINE_ID": machine])
            try #require(logged.exitCode == 0, "\(logged)")
        }
    }

    /// How many sessions the command adds to a copy of the journal, run without a fault.
    private func adds(_ command: Command, in sandbox: Sandbox) throws -> Int {
        let copy = sandbox.root + "/copy"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let count = { () throws -> Int in
            try sandbox.limber(["list", "--json"], journal: copy).jsonArray().count
        }
        let before = try count()
        let result = try sandbox.limber(command.arguments(sandbox), journal: copy)
        try #require(result.exitCode == 0, "\(command) fails without a fault: \(result)")
        return try count() - before
    }

    @Test("every call of every kind fails in turn; the journal stays whole", arguments: commands)
    func everyCall(_ command: Command) throws {
        var failed: Set<String> = []
        for (operation, error) in Self.faults {
            let sandbox = try Sandbox()
            defer { sandbox.remove() }
            try prepare(sandbox)
            let whole = try adds(command, in: sandbox)
            var successes = 0
            var call = 1
            // Once three calls in a row are beyond what the command makes, the rest are too.
            while successes < 3, call <= 60 {
                let fault = "\(operation):\(call):\(error)"
                let before = try sessions(sandbox)
                let result = try sandbox.limber(
                    command.arguments(sandbox), environment: ["LIMBER_FAULT": fault])
                let after = try sessions(sandbox)
                if result.exitCode == 0 {
                    successes += 1
                    if command.adds > 0 { #expect(after == before + command.adds, "\(fault): \(result)") }
                } else {
                    successes = 0
                    failed.insert(operation)
                    #expect(result.exitCode < 64, "\(command) \(fault) died: \(result)")
                    let lines = result.stderr.split(separator: "\n")
                    #expect(lines.first?.hasPrefix("limber: error: ") == true, "\(command) \(fault): \(result)")
                    #expect(lines.contains { $0.hasPrefix("hint: ") }, "\(command) \(fault): \(result)")
                    // All or nothing: a failed command added nothing, or (when only the sync of
                    // the folder after the commit failed) everything.
                    #expect(
                        after == before || after == before + whole,
                        "\(command) \(fault) failed after adding \(after - before) of \(whole) sessions: \(result)")
                }
                // The next write goes through, and leaves the journal clean.
                let next = try sandbox.limber("log", "--set", "rockback=12")
                #expect(next.exitCode == 0, "after \(command) \(fault): \(next)")
                let verify = try sandbox.limber("verify")
                #expect(verify.exitCode == 0, "after \(command) \(fault): \(verify)")
                call += 1
            }
        }
        // The faults reached the command: it writes, syncs and opens files.
        #expect(failed.isSuperset(of: ["write", "fsync", "open"]), "\(command) failed only at \(failed)")
    }

    @Test("archive create: a failed call leaves no archive and no temporary file")
    func archive() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try prepare(sandbox)
        let target = sandbox.root + "/backups/b.tar"
        try FileManager.default.createDirectory(
            atPath: sandbox.root + "/backups", withIntermediateDirectories: true)
        for (operation, error) in Self.faults {
            var successes = 0
            var call = 1
            while successes < 3, call <= 40 {
                try? FileManager.default.removeItem(atPath: target)
                let fault = "\(operation):\(call):\(error)"
                let result = try sandbox.limber(
                    ["archive", "create", target],
                    environment: ["LIMBER_FAULT": fault, "LIMBER_SCRYPT_N": "1024"])
                let left = try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/backups")
                if result.exitCode == 0 {
                    successes += 1
                    let verify = try sandbox.limber(["archive", "verify", target])
                    #expect(verify.exitCode == 0, "\(fault): \(verify)")
                    #expect(left == ["b.tar"], "\(fault): \(left)")
                } else {
                    successes = 0
                    #expect(result.exitCode < 64, "\(fault) died: \(result)")
                    // No archive, or (when only the sync of the folder after the rename failed)
                    // a whole one.
                    if !left.isEmpty {
                        #expect(left == ["b.tar"], "\(fault) left \(left): \(result)")
                        let verify = try sandbox.limber(["archive", "verify", target])
                        #expect(verify.exitCode == 0, "\(fault) left a bad archive: \(verify)")
                    }
                    #expect(result.stderr.hasPrefix("limber: error: "), "\(fault): \(result)")
                }
                call += 1
            }
        }
        #expect(try sandbox.limber("verify").exitCode == 0)
    }

    @Test(
        "a real full disk: log refuses, nothing is lost, and after space is freed the journal is whole",
        .enabled(if: TinyDisk.canMount, "mounting a tmpfs is refused here (needs root and mount rights)"))
    func fullDisk() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let disk = try TinyDisk(at: sandbox.root + "/disk", kib: 160)
        defer { disk.unmount() }
        let journal = disk.path + "/j"
        try sandbox.limber(["init"], journal: journal)
        var acknowledged = 0
        var refused = 0
        // Notes that do not compress fill the disk a few KiB at a time.
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let note = (0..<60).map { _ in String(random.next() as UInt64, radix: 36) }.joined(separator: " ")
            let result = try sandbox.limber(["log", "--set", "rockback=10", "--note", note], journal: journal)
            if result.exitCode == 0 { acknowledged += 1 } else {
                refused += 1
                #expect(result.stderr.hasPrefix("limber: error: "), "\(result)")
                #expect(result.exitCode < 64, "\(result)")
                if refused >= 3 { break }
            }
        }
        #expect(refused > 0, "the disk never filled")
        // Space comes back: every acknowledged session is there and the log is clean.
        try disk.grow(kib: 4096)
        let listed = try sandbox.limber(["list", "--json"], journal: journal)
        #expect(try listed.jsonArray().count == acknowledged, "\(listed)")
        #expect(try sandbox.limber(["log", "--set", "rockback=10"], journal: journal).exitCode == 0)
        #expect(try sandbox.limber(["verify"], journal: journal).exitCode == 0)
    }
}

/// A small tmpfs, to fill up for real.
struct TinyDisk {
    let path: String

    /// Whether this process may mount a tmpfs (tried once, on a scratch folder).
    static let canMount: Bool = {
        guard getuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("limber-mount-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]) == 0 else { return false }
        _ = run("/bin/umount", [probe])
        return true
    }()

    init(at path: String, kib: Int) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try #require(Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kib)k", "tmpfs", path]) == 0)
    }

    /// Gives the disk more room (`mount -o remount,size=…`).
    func grow(kib: Int) throws {
        try #require(Self.run("/bin/mount", ["-o", "remount,size=\(kib)k", path]) == 0)
    }

    func unmount() { _ = Self.run("/bin/umount", [path]) }

    private static func run(_ program: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
