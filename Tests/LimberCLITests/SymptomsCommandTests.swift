import Foundation
import Testing

/// Back and leg symptoms on a session (issue #14): `log` and `amend` take them, `show` and every
/// export carry them, refused input changes nothing.
@Suite("symptoms before and after a session")
struct SymptomsCommandTests {
    static let before = "back=4,leg-left=6,reach-left=calf,tingling=left"
    static let after = "back=3, leg-left=4, reach-left=thigh"

    private func logged(_ sandbox: Sandbox) throws -> String {
        let result = try sandbox.limber(
            "log", "--set", "bird-dog:left=10", "--pain-before", "4", "--symptoms-before", Self.before,
            "--symptoms-after", Self.after, "--at", "2026-11-24 07:30")
        #expect(result.exitCode == 0, "\(result)")
        return try #require(result.stdoutLines.first)
    }

    @Test("log stores them; show prints them; a session without them has no symptom keys")
    func logAndShow() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try logged(sandbox)
        let json = try sandbox.limber("show", id, "--json").jsonObject()
        let before = try #require(json["symptomsBefore"] as? [String: Any])
        #expect(before["back"] as? Int == 4 && before["legLeft"] as? Int == 6)
        #expect(before["reachLeft"] as? String == "calf" && before["legRight"] is NSNull)
        #expect(before["tingling"] as? [String] == ["left"] && before["numbness"] as? [String] == [])
        let after = try #require(json["symptomsAfter"] as? [String: Any])
        #expect(after["reachLeft"] as? String == "thigh" && after["back"] as? Int == 3)
        let shown = try sandbox.limber("show", id).stdout
        #expect(shown.contains("before    back 4, left leg 6 to the calf, tingling left"), "\(shown)")
        #expect(shown.contains("after     back 3, left leg 4 to the thigh"), "\(shown)")

        let plain = try sandbox.limber("log", "--set", "rockback=10", "--json").jsonObject()
        expectDesignKeys(plain, extra: ["conflicted"], exactExtra: false)
        #expect(plain["symptomsBefore"] == nil && plain["symptomsAfter"] == nil)
    }

    @Test(
        "a wrong symptom is refused with the option, the key and a hint, and nothing is written",
        arguments: [
            ["log", "--set", "rockback=10", "--symptoms-before", "reach-left=toes"],
            ["log", "--set", "rockback=10", "--symptoms-after", "back=11"],
            ["log", "--set", "rockback=10", "--symptoms-before", "bak=3"],
            ["log", "--set", "rockback=10", "--symptoms-before", ""],
            ["amend", "FIRST", "--symptoms-before", "leg-right=12"],
            ["amend", "FIRST", "--symptoms-after", "weakness=up"],
        ])
    func refused(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try logged(sandbox)
        let tree = try FolderSnapshot(sandbox.journal, excluding: ["local/lock"])
        let result = try sandbox.limber(arguments.map { $0 == "FIRST" ? id : $0 })
        #expect(result.exitCode == 2, "\(result)")
        #expect(result.stderrLines.count == 2, "\(result)")
        #expect(result.stderrLines.first?.hasPrefix("limber: error: --symptoms-") == true, "\(result)")
        #expect(result.stderrLines.last?.hasPrefix("hint: ") == true, "\(result)")
        let now = try FolderSnapshot(sandbox.journal, excluding: ["local/lock"])
        #expect(now == tree, "\(tree.differences(from: now))")
    }

    @Test("amend changes only the keys given; an empty value clears them; history shows both")
    func amend() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try logged(sandbox)
        #expect(try sandbox.limber("amend", id, "--symptoms-before", "leg-left=5,reach-left=knee").exitCode == 0)
        let json = try sandbox.limber("show", id, "--json").jsonObject()
        let before = try #require(json["symptomsBefore"] as? [String: Any])
        #expect(before["back"] as? Int == 4, "kept")
        #expect(before["legLeft"] as? Int == 5 && before["reachLeft"] as? String == "knee")
        #expect(before["tingling"] as? [String] == ["left"], "kept")
        let same = try sandbox.limber("amend", id, "--symptoms-before", "back=4")
        #expect(same.exitCode == 0 && same.stdout.hasPrefix("unchanged"), "the value it has: nothing written \(same)")
        #expect(try sandbox.limber("amend", id, "--symptoms-after", "").exitCode == 0)
        #expect(try sandbox.limber("show", id, "--json").jsonObject()["symptomsAfter"] == nil)
        let history = try sandbox.limber("show", id, "--history").stdout
        #expect(
            history.contains(
                "symptoms before: back 4, left leg 6 to the calf, tingling left → back 4, left leg 5 to the knee, tingling left"),
            "\(history)")
        #expect(history.contains("symptoms after: back 3, left leg 4 to the thigh → (none)"), "\(history)")
    }

    @Test("JSON, CSV and events exports import into an empty journal with the same symptoms", arguments: ["json", "csv", "events"])
    func roundTrip(_ format: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        _ = try logged(sandbox)
        try sandbox.logSession("--set", "rockback=10", "--symptoms-before", "numbness=both,weakness=right,reach-right=buttock")
        let file = sandbox.root + "/out.\(format == "events" ? "jsonl" : format)"
        #expect(try sandbox.limber("export", "--format", format, "--output", file).exitCode == 0)
        let other = sandbox.root + "/other"
        #expect(try sandbox.limber(["init"], journal: other).exitCode == 0)
        let imported = try sandbox.limber(["import", file], journal: other)
        #expect(imported.exitCode == 0, "\(imported)")
        let mine = try sandbox.limber("list", "--json").stdout
        let theirs = try sandbox.limber(["list", "--json"], journal: other).stdout
        #expect(mine == theirs)
        #expect(mine.contains(#""reachRight" : "buttock""#), "\(mine)")
        if format == "csv" {
            let csv = try String(contentsOfFile: file, encoding: .utf8)
            #expect(csv.contains(#","back=4,leg-left=6,reach-left=calf,tingling=left","back=3,leg-left=4,reach-left=thigh""#), "\(csv)")
        }
    }
}
