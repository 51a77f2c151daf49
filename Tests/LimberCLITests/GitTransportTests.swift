import Foundation
import Testing

/// The journal folder as a git repository pushed and pulled from two clones: every device
/// writes only its own folder, so git never sees a merge conflict, and both clones converge.
@Suite("git as a transport")
struct GitTransportTests {
    private func git(_ sandbox: Sandbox, _ arguments: [String], in folder: String) throws -> CLIResult {
        let result = try sandbox.run(
            "/usr/bin/git",
            ["-C", folder, "-c", "user.name=limber-test", "-c", "user.email=test@example.invalid",
             "-c", "init.defaultBranch=main", "-c", "pull.rebase=false"] + arguments)
        return result
    }

    @Test("two clones log, amend, commit, pull and push: no git conflict, same journal")
    func twoClones() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed")
        let remote = sandbox.root + "/remote.git"
        let a = sandbox.root + "/a", b = sandbox.root + "/b"
        #expect(try git(sandbox, ["init", "--bare", "-q", remote], in: sandbox.root).exitCode == 0)
        #expect(try git(sandbox, ["clone", "-q", remote, a], in: sandbox.root).exitCode == 0)
        #expect(try sandbox.limber(["init"], journal: a).exitCode == 0)
        let first = try sandbox.limber(["log", "--set", "rockback=10"], journal: a).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        func commitAndPush(_ folder: String, _ message: String, environment: [String: String] = [:]) throws {
            #expect(try git(sandbox, ["add", "-A"], in: folder).exitCode == 0)
            #expect(try git(sandbox, ["commit", "-q", "-m", message], in: folder).exitCode == 0)
            let pull = try git(sandbox, ["pull", "-q", "--no-edit", "origin", "main"], in: folder)
            #expect(pull.exitCode == 0, "git pull: \(pull)")
            #expect(!pull.stdout.contains("CONFLICT") && !pull.stderr.contains("CONFLICT"), "\(pull)")
            #expect(try git(sandbox, ["push", "-q", "origin", "HEAD:main"], in: folder).exitCode == 0)
        }
        #expect(try git(sandbox, ["add", "-A"], in: a).exitCode == 0)
        #expect(try git(sandbox, ["commit", "-q", "-m", "journal"], in: a).exitCode == 0)
        #expect(try git(sandbox, ["push", "-q", "origin", "HEAD:main"], in: a).exitCode == 0)
        let tracked = try git(sandbox, ["ls-files"], in: a).stdout
        #expect(!tracked.contains("local/"), "local/ stays out of git: \(tracked)")

        #expect(try git(sandbox, ["clone", "-q", "-b", "main", remote, b], in: sandbox.root).exitCode == 0)
        let onB = ["LIMBER_MACHINE_ID": "b"]
        for round in 0..<3 {
            #expect(try sandbox.limber(["log", "--set", "rockback=\(round + 1)"], journal: a).exitCode == 0)
            #expect(try sandbox.limber(["log", "--set", "bird-dog:left=\(round + 1)"], journal: b, environment: onB).exitCode == 0)
            #expect(try sandbox.limber(["amend", first, "--pain-after", "\(round)"], journal: a).exitCode == 0)
            #expect(try sandbox.limber(["amend", first, "--pain-after", "\(round + 5)"], journal: b, environment: onB).exitCode == 0)
            try commitAndPush(a, "a \(round)")
            try commitAndPush(b, "b \(round)")
        }
        #expect(try git(sandbox, ["pull", "-q", "--no-edit", "origin", "main"], in: a).exitCode == 0)
        let listA = try sandbox.limber(["list", "--json"], journal: a).stdout
        let listB = try sandbox.limber(["list", "--json"], journal: b, environment: onB).stdout
        #expect(listA == listB)
        #expect(try sandbox.limber(["list", "--json"], journal: a).jsonArray().count == 7)
        let conflictsA = try sandbox.limber(["conflicts", "--json"], journal: a).jsonArray().compactMap { $0["id"] as? String }
        let conflictsB = try sandbox.limber(["conflicts", "--json"], journal: b, environment: onB).jsonArray().compactMap { $0["id"] as? String }
        #expect(!conflictsA.isEmpty, "the concurrent amendments show as conflicts")
        #expect(conflictsA == conflictsB)
        #expect(try sandbox.limber(["verify"], journal: a).exitCode == 0)
    }

    @Test("two clones and a USB stick with a third device: mixed pulls and syncs, never a git conflict")
    func gitAndUSB() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is needed")
        let remote = sandbox.root + "/remote.git"
        let a = sandbox.root + "/a", b = sandbox.root + "/b", c = sandbox.root + "/c"
        let usb = sandbox.root + "/usb"
        let onA = ["LIMBER_MACHINE_ID": "a"], onB = ["LIMBER_MACHINE_ID": "b"]
        let onC = ["LIMBER_MACHINE_ID": "c"]
        #expect(try git(sandbox, ["init", "--bare", "-q", remote], in: sandbox.root).exitCode == 0)
        #expect(try git(sandbox, ["clone", "-q", remote, a], in: sandbox.root).exitCode == 0)
        let created = try sandbox.limber(["init"], journal: a, environment: onA)
        #expect(created.stdout.contains("segments merge with `limber git-merge`"), "\(created)")
        let attributes = try String(contentsOfFile: a + "/.gitattributes", encoding: .utf8)
        #expect(attributes.contains("merge=limber"))
        #expect(try sandbox.limber(["log", "--set", "rockback=1"], journal: a, environment: onA).exitCode == 0)
        func commit(_ folder: String, _ message: String) throws {
            #expect(try git(sandbox, ["add", "-A"], in: folder).exitCode == 0)
            _ = try git(sandbox, ["commit", "-q", "-m", message], in: folder)
        }
        func pull(_ folder: String) throws {
            let pulled = try git(sandbox, ["pull", "-q", "--no-edit", "origin", "main"], in: folder)
            #expect(pulled.exitCode == 0, "git pull: \(pulled)")
            #expect(!(pulled.stdout + pulled.stderr).contains("CONFLICT"), "\(pulled)")
        }
        func push(_ folder: String) throws {
            #expect(try git(sandbox, ["push", "-q", "origin", "HEAD:main"], in: folder).exitCode == 0)
        }
        try commit(a, "a")
        try push(a)
        // b is a fresh clone: its first write registers the driver in that clone (a dry run
        // writes nothing, not even that).
        #expect(try git(sandbox, ["clone", "-q", "-b", "main", remote, b], in: sandbox.root).exitCode == 0)
        #expect(try sandbox.limber(["merge", a, "--dry-run"], journal: b, environment: onB).exitCode == 0)
        let untouched = try String(contentsOfFile: b + "/.git/config", encoding: .utf8)
        #expect(!untouched.contains("[merge \"limber\"]"), "a dry run registered the driver")
        let first = try sandbox.limber(["log", "--set", "rockback=2"], journal: b, environment: onB)
        #expect(first.stderr.contains("registered limber's merge driver"), "\(first)")
        // c never sees git: it lives on the USB stick's side.
        #expect(try sandbox.limber(["sync", usb], journal: a, environment: onA).exitCode == 0)
        #expect(try sandbox.limber(["sync", usb], journal: c, environment: onC).exitCode == 0)
        for round in 0..<3 {
            #expect(try sandbox.limber(["log", "--set", "bird-dog:left=\(round + 1)"], journal: c, environment: onC).exitCode == 0)
            #expect(try sandbox.limber(["sync", usb], journal: c, environment: onC).exitCode == 0)
            // a takes c's grown segment from the stick and pushes it.
            #expect(try sandbox.limber(["sync", usb], journal: a, environment: onA).exitCode == 0)
            try commit(a, "a \(round)")
            try pull(a)
            try push(a)
            // c writes more; b takes the longer segment from the stick, then pulls a's shorter one.
            #expect(try sandbox.limber(["log", "--set", "rockback=\(round + 10)"], journal: c, environment: onC).exitCode == 0)
            #expect(try sandbox.limber(["sync", usb], journal: c, environment: onC).exitCode == 0)
            #expect(try sandbox.limber(["sync", usb], journal: b, environment: onB).exitCode == 0)
            #expect(try sandbox.limber(["log", "--set", "rockback=\(round + 20)"], journal: b, environment: onB).exitCode == 0)
            try commit(b, "b \(round)")
            try pull(b)
            try push(b)
        }
        try pull(a)
        #expect(try sandbox.limber(["sync", usb], journal: c, environment: onC).exitCode == 0)
        #expect(try sandbox.limber(["sync", usb], journal: a, environment: onA).exitCode == 0)
        #expect(try sandbox.limber(["sync", usb], journal: b, environment: onB).exitCode == 0)
        #expect(try sandbox.limber(["sync", usb], journal: c, environment: onC).exitCode == 0)
        let lists = try [(a, onA), (b, onB), (c, onC)].map { folder, environment in
            try sandbox.limber(["list", "--json"], journal: folder, environment: environment).stdout
        }
        #expect(lists[0] == lists[1] && lists[1] == lists[2], "the same journal everywhere")
        #expect(try sandbox.limber(["list", "--json"], journal: a, environment: onA).jsonArray().count == 2 + 6 + 3)
        for (folder, environment) in [(a, onA), (b, onB)] {
            #expect(try sandbox.limber(["verify"], journal: folder, environment: environment).exitCode == 0)
        }
    }

    @Test("git-merge takes the longer of two versions when one starts the other, and refuses a fork")
    func mergeDriver() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (base, ours, theirs) = (sandbox.root + "/o", sandbox.root + "/a", sandbox.root + "/b")
        let path = "devices/0123456789abcdef/0000000000000001.jsonl.gz"
        try Data([1, 2]).write(to: URL(fileURLWithPath: base))
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: ours))
        try Data([1, 2, 3, 4, 5]).write(to: URL(fileURLWithPath: theirs))
        #expect(try sandbox.run(LimberBinary.path, ["git-merge", base, ours, theirs, path]).exitCode == 0)
        #expect(FileManager.default.contents(atPath: ours) == Data([1, 2, 3, 4, 5]))
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: theirs))
        #expect(try sandbox.run(LimberBinary.path, ["git-merge", base, ours, theirs, path]).exitCode == 0)
        #expect(FileManager.default.contents(atPath: ours) == Data([1, 2, 3, 4, 5]), "ours was longer")
        try Data([1, 2, 9]).write(to: URL(fileURLWithPath: theirs))
        let fork = try sandbox.run(LimberBinary.path, ["git-merge", base, ours, theirs, path])
        #expect(fork.exitCode == 1, "\(fork)")
        #expect(fork.stderr.contains("device 0123456789abcdef is forked"), "\(fork)")
        #expect(FileManager.default.contents(atPath: ours) == Data([1, 2, 3, 4, 5]), "left as it was")
    }
}
