import Foundation
import Testing

/// `log` says when a set beats a record (issue #12): one line per exercise on stderr, against
/// every other session of the journal however it got there (a merge, an amendment, a
/// deletion), whatever the derived records cache under `local/cache/` holds.
@Suite("log: new records")
struct LogRecordTests {
    private func records(_ result: CLIResult) -> [String] {
        result.stderrLines.filter { $0.hasPrefix("new record: ") }
    }

    @discardableResult
    private func log(_ sandbox: Sandbox, _ arguments: String..., journal: String? = nil, machine: String? = nil)
        throws -> CLIResult
    {
        let result = try sandbox.limber(
            ["log"] + arguments, journal: journal, environment: machine.map { ["LIMBER_MACHINE_ID": $0] } ?? [:])
        try #require(result.exitCode == 0, "\(result)")
        #expect(result.stdoutLines.count == 1 && UUID(uuidString: result.stdoutLines[0]) != nil, "\(result)")
        return result
    }

    @Test("a set that beats a record gets one line per exercise on stderr; a first time or a tie none")
    func linesOnStderr() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let first = try log(sandbox, "--set", "double-knee-to-chest=45s", "--set", "bird-dog:left=10,10", "--at", "2026-11-30 08:00")
        #expect(records(first).isEmpty, "\(first)")
        let second = try log(
            sandbox, "--set", "double-knee-to-chest=40s,60s,50s", "--set", "bird-dog:left=12,10",
            "--set", "bird-dog:right=8", "--at", "2026-12-01 08:00")
        #expect(
            records(second) == [
                "new record: Double knee-to-chest stretch: longest hold 60 s, was 45 s",
                "new record: Bird dog (left): most reps 12, was 10",
            ], "\(second)")
        let tie = try log(sandbox, "--set", "double-knee-to-chest=60s", "--at", "2026-12-02 08:00")
        #expect(records(tie).isEmpty, "\(tie)")
        // Logged as prescribed by the routine: what was prescribed, not what was measured.
        let routine = try log(sandbox, "--routine", "sciatica", "--at", "2026-12-02 09:00")
        #expect(records(routine).isEmpty, "\(routine)")
        let heavier = try log(sandbox, "--set", "single-leg-romanian-deadlift:left=10x8kg", "--at", "2026-12-02 10:00")
        #expect(records(heavier).isEmpty)
        let pounds = try log(sandbox, "--set", "single-leg-romanian-deadlift:left=8x20lb", "--at", "2026-12-02 11:00")
        #expect(
            records(pounds) == [
                "new record: Single-leg Romanian deadlift (left): heaviest weight 20lb, was 8kg; best estimated 1RM 24.8lb, was 10.7kg"
            ], "\(pounds)")
    }

    @Test("deleting the session that holds a record lowers it; an amendment can raise one")
    func deletionsAndAmendments() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try log(sandbox, "--set", "rockback=10", "--at", "2026-11-30 08:00")
        let best = try sandbox.logSession("--set", "rockback=15", "--at", "2026-12-01 08:00")
        #expect(try sandbox.limber("delete", best).exitCode == 0)
        let twelve = try log(sandbox, "--set", "rockback=12", "--at", "2026-12-02 08:00")
        #expect(records(twelve) == ["new record: Rockbacks: most reps 12, was 10"], "\(twelve)")
        let listed = try sandbox.limber("list", "--json").jsonArray()
        let oldest = try #require(listed.first?["id"] as? String)
        #expect(try sandbox.limber("amend", oldest, "--set", "rockback=20").exitCode == 0)
        #expect(records(try log(sandbox, "--set", "rockback=18", "--at", "2026-12-03 08:00")).isEmpty)
        let twentyTwo = try log(sandbox, "--set", "rockback=22", "--at", "2026-12-03 09:00")
        #expect(records(twentyTwo) == ["new record: Rockbacks: most reps 22, was 20"], "\(twentyTwo)")
        #expect(try sandbox.limber("restore", best).exitCode == 0)
        #expect(records(try log(sandbox, "--set", "rockback=21", "--at", "2026-12-03 10:00")).isEmpty)
    }

    @Test("a session merged from another machine counts")
    func mergedSessionsCount() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try log(sandbox, "--set", "rockback=10", "--at", "2026-11-30 08:00")
        let phone = sandbox.root + "/phone"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: phone)
        try log(sandbox, "--set", "rockback=11", "--at", "2026-12-01 08:00")
        try log(sandbox, "--set", "rockback=30", "--at", "2026-12-01 09:00", journal: phone, machine: "phone")
        #expect(try sandbox.limber("merge", phone).exitCode == 0)
        #expect(records(try log(sandbox, "--set", "rockback=25", "--at", "2026-12-02 08:00")).isEmpty)
        let more = try log(sandbox, "--set", "rockback=31", "--at", "2026-12-02 09:00")
        #expect(records(more) == ["new record: Rockbacks: most reps 31, was 30"], "\(more)")
    }

    @Test("the records cache is derived: gone, damaged, of another journal or a link, the answer is the same")
    func cacheIsDerived() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try log(sandbox, "--set", "rockback=10", "--at", "2026-11-30 08:00")
        try log(sandbox, "--set", "rockback=12", "--at", "2026-12-01 08:00")
        let cache = sandbox.journal + "/local/cache/records"
        let attributes = try FileManager.default.attributesOfItem(atPath: cache)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let outside = sandbox.root + "/outside.txt"
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: outside))
        let valid = try Data(contentsOf: URL(fileURLWithPath: cache))
        let validText = String(decoding: valid, as: UTF8.self)
        let otherJournal = validText.replacingOccurrences(of: "journal\t", with: "journal\t0")
        // A forged book that claims a record of 99 reps, with a watermark past the log.
        let lines = validText.split(separator: "\n").map(String.init)
        let marks = lines.filter { $0.hasPrefix("mark\t") }
            .map { $0.split(separator: "\t").prefix(2).joined(separator: "\t") + "\t99999999" }
        let forged = Array(lines.prefix(2)) + marks + ["rockback\tmostReps\t20000\tx\t99", ""]
        let damage: [(String, () throws -> Void)] = [
            ("gone", { try FileManager.default.removeItem(atPath: cache) }),
            ("garbage", { try Data([0x1f, 0x8b, 0, 1, 2]).write(to: URL(fileURLWithPath: cache)) }),
            ("empty", { try Data().write(to: URL(fileURLWithPath: cache)) }),
            ("another journal", { try Data(otherJournal.utf8).write(to: URL(fileURLWithPath: cache)) }),
            ("a link", {
                try? FileManager.default.removeItem(atPath: cache)
                try FileManager.default.createSymbolicLink(atPath: cache, withDestinationPath: outside)
            }),
            ("a watermark past the log", {
                try? FileManager.default.removeItem(atPath: cache)
                try Data(forged.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: cache))
            }),
        ]
        var reps = 12
        for (name, damageIt) in damage {
            try damageIt()
            reps += 1
            let result = try log(sandbox, "--set", "rockback=\(reps)", "--at", "2026-12-02 08:\(10 + reps)")
            #expect(records(result) == ["new record: Rockbacks: most reps \(reps), was \(reps - 1)"], "\(name): \(result)")
        }
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "mine\n")
        #expect(try String(contentsOfFile: cache, encoding: .utf8).hasPrefix("limber-records 1\njournal\t"))
        #expect(try sandbox.limber("verify").exitCode == 0)
    }
}
