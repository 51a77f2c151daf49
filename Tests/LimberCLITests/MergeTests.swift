import Foundation
import Testing

@Suite("merge PATH")
struct MergeTests {
    /// A copy of the sandbox's journal at `<root>/<name>`, as another machine would have it.
    private func copyJournal(_ sandbox: Sandbox, to name: String) throws -> String {
        let target = sandbox.root + "/" + name
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: target)
        return target
    }

    private func ids(_ sandbox: Sandbox, _ journal: String) throws -> [String] {
        let result = try sandbox.limber(["list", "--json"], journal: journal)
        try #require(result.exitCode == 0, "\(result)")
        return try result.jsonArray().compactMap { $0["id"] as? String }
    }

    /// Every device's segment files, relative path → bytes.
    private func segments(_ journal: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try JournalFiles.segments(journal) {
            files[String(path.dropFirst(journal.count + 1))] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return files
    }

    @Test("three machines that merge in any order end with the same sessions and identical files")
    func threeMachinesConverge() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        let laptop = sandbox.journal
        let desktop = try copyJournal(sandbox, to: "desktop")
        let phone = try copyJournal(sandbox, to: "phone")
        // Each machine logs offline.
        try sandbox.logSession("--set", "bird-dog:left=12")
        #expect(try sandbox.limber(["log", "--set", "rockback=8"], journal: desktop, environment: ["LIMBER_MACHINE_ID": "desktop"]).exitCode == 0)
        #expect(try sandbox.limber(["log", "--set", "diagonal-chop:right=10"], journal: phone, environment: ["LIMBER_MACHINE_ID": "phone"]).exitCode == 0)
        #expect(try sandbox.limber(["amend", try ids(sandbox, phone)[0], "--pain-after", "2"], journal: phone, environment: ["LIMBER_MACHINE_ID": "phone"]).exitCode == 0)

        let steps: [(String, String)] = [(laptop, desktop), (desktop, phone), (phone, laptop), (laptop, desktop), (desktop, phone)]
        for (into, from) in steps {
            let result = try sandbox.limber(["merge", from], journal: into)
            #expect(result.exitCode == 0, "\(result)")
        }
        let expected = try ids(sandbox, laptop)
        #expect(expected.count == 4)
        #expect(try ids(sandbox, desktop) == expected)
        #expect(try ids(sandbox, phone) == expected)
        let show = { (journal: String) in try sandbox.limber(["show", expected[0], "--json"], journal: journal).stdout }
        #expect(try show(laptop) == show(phone), "the amendment travelled")
        #expect(try segments(laptop) == segments(desktop))
        #expect(try segments(laptop) == segments(phone))
        let devices = try sandbox.limber(["devices", "--json"], journal: laptop).jsonArray()
        #expect(devices.count == 3)
        #expect(devices.allSatisfy { ($0["name"] as? String)?.isEmpty == false }, "every device's name travelled: \(devices)")
        let again = try sandbox.limber(["merge", phone], journal: laptop)
        #expect(again.stdout.contains("nothing new"), "\(again)")
        for journal in [laptop, desktop, phone] {
            #expect(try sandbox.limber(["verify"], journal: journal).exitCode == 0)
        }
    }

    @Test("--dry-run says what would come in and writes nothing")
    func dryRun() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        let other = try copyJournal(sandbox, to: "other")
        #expect(try sandbox.limber(["log", "--set", "rockback=8"], journal: other, environment: ["LIMBER_MACHINE_ID": "other"]).exitCode == 0)
        let before = try snapshot(sandbox.journal, ignoringCache: true)
        let result = try sandbox.limber("merge", other, "--dry-run")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("would take 2 event(s) (1 new session(s)"), "\(result)")
        try expectUnchanged(sandbox.journal, since: before, ignoringCache: true)
        #expect(try ids(sandbox, sandbox.journal).count == 1)
    }

    @Test("a missing or non-journal path is an error and changes nothing")
    func notAJournal() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        let before = try snapshot(sandbox.journal, ignoringCache: true)
        let result = try sandbox.limber("merge", sandbox.root + "/nowhere")
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.contains("no journal at"), "\(result)")
        try expectUnchanged(sandbox.journal, since: before, ignoringCache: true)
    }
}
