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
}
