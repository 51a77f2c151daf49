import Foundation
import Glibc
import Testing

@Suite("the writer lock and device identity")
struct LockAndDeviceTests {
    @Test("a write waits for the lock, then fails with exit 4 and changes nothing")
    func locked() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        let lockPath = sandbox.journal + "/local/lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0, "cannot open \(lockPath): errno \(errno)")
        var held = true
        defer { if held { close(descriptor) } }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0, "cannot flock: errno \(errno)")
        let before = try FolderSnapshot(sandbox.journal)

        let started = Date()
        let result = try sandbox.limber(
            ["log", "--set", "rockback=11"], environment: ["LIMBER_LOCK_TIMEOUT": "0.5"])
        let waited = Date().timeIntervalSince(started)
        #expect(result.exitCode == 4, "\(result)")
        #expect(result.stderr.lowercased().contains("locked"), "\(result)")
        #expect(result.stderrLines.contains { $0.hasPrefix("hint:") }, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(waited >= 0.45, "gave up after \(waited) s")
        #expect(waited < 5, "waited \(waited) s for a 0.5 s timeout")
        #expect(try FolderSnapshot(sandbox.journal) == before)

        // Reads take no lock.
        let list = try sandbox.limber("list")
        #expect(list.exitCode == 0, "\(list)")

        flock(descriptor, LOCK_UN)
        close(descriptor)
        held = false
        let id = try sandbox.logSession("--set", "rockback=11")
        #expect(
            try sandbox.limber("list", "--json").decode([SessionJSON].self).map(\.id).contains(id))
    }

    /// How a journal comes to be written by another device.
    enum Move: String, CaseIterable, Sendable {
        case copiedFolder = "copied to another folder"
        case otherMachine = "opened on another machine"
    }

    /// Logs once in a journal, then moves it as `move` says and logs again there.
    private func moveAndLog(_ move: Move, _ sandbox: Sandbox) throws -> (
        journal: String, before: [String], result: CLIResult
    ) {
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        let devices = try JournalFiles.devices(sandbox.journal)
        try #require(devices.count == 1)
        switch move {
        case .copiedFolder:
            let copy = sandbox.root + "/copy"
            let cp = try sandbox.run("/bin/cp", ["-a", sandbox.journal, copy])
            try #require(cp.exitCode == 0, "\(cp)")
            let result = try sandbox.limber(["log", "--set", "rockback=11"], journal: copy)
            return (copy, devices, result)
        case .otherMachine:
            let result = try sandbox.limber(
                ["log", "--set", "rockback=11"],
                environment: ["LIMBER_MACHINE_ID": "another-machine"])
            return (sandbox.journal, devices, result)
        }
    }

    @Test(
        "a journal copied elsewhere or opened on another machine writes as a new device",
        arguments: Move.allCases)
    func newDevice(_ move: Move) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (journal, before, result) = try moveAndLog(move, sandbox)
        #expect(result.exitCode == 0, "\(result)")
        let after = try JournalFiles.devices(journal)
        #expect(after.count == 2, "\(after)")
        #expect(Set(before).isSubset(of: after))
        let original = try #require(before.first)
        // The old device's log is untouched; the new one starts at seq 1.
        let oldSegments = try FileManager.default.contentsOfDirectory(
            atPath: journal + "/devices/" + original)
        #expect(oldSegments == ["0000000000000001.jsonl.gz"])
        if let new = after.first(where: { $0 != original }) {
            let segments = try FileManager.default.contentsOfDirectory(
                atPath: journal + "/devices/" + new)
            #expect(segments == ["0000000000000001.jsonl.gz"])
        }
        #expect(
            try sandbox.limber(["list", "--json"], journal: journal).decode([SessionJSON].self)
                .count == 2)
        // And it keeps that new identity: the next write does not mint a third one.
        let extra: [String: String] =
            move == .otherMachine ? ["LIMBER_MACHINE_ID": "another-machine"] : [:]
        #expect(
            try sandbox.limber(
                ["log", "--set", "rockback=12"], journal: journal, environment: extra
            ).exitCode == 0)
        #expect(try JournalFiles.devices(journal).count == 2)
        #expect(try sandbox.limber(["verify"], journal: journal).exitCode == 0)
    }

    @Test("writing as a new device says so on stderr", arguments: Move.allCases)
    func newDeviceAnnounced(_ move: Move) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (journal, before, result) = try moveAndLog(move, sandbox)
        #expect(result.exitCode == 0, "\(result)")
        let new = try #require(try JournalFiles.devices(journal).first { !before.contains($0) })
        #expect(
            result.stderr.contains(new), "the new device \(new) is not named on stderr: \(result)")
    }

    @Test("the same machine and folder keep writing as one device")
    func sameDevice() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        // The same reps each time: no "new record" line on stderr, where a device notice would go.
        for _ in 1...3 {
            let result = try sandbox.limber("log", "--set", "rockback=10")
            #expect(result.exitCode == 0, "\(result)")
            #expect(result.stderr.isEmpty, "\(result)")
        }
        #expect(try JournalFiles.devices(sandbox.journal).count == 1)
    }
}
