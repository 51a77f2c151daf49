import Foundation
import Testing

/// One bad command line: what it runs (`{id}` is the logged session's id), the exit code it
/// must give (`nil`: any non-zero) and the text the error line must quote.
struct BadInput: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var exitCode: Int32?
    var quotes: String

    init(_ arguments: [String], exit exitCode: Int32?, quotes: String) {
        self.arguments = arguments
        self.exitCode = exitCode
        self.quotes = quotes
    }

    var testDescription: String { arguments.joined(separator: " ") }

    static let usage: [BadInput] = [
        BadInput(["log", "--set", "rockback=10", "--pain-before", "11"], exit: 2, quotes: "11"),
        BadInput(["log", "--set", "rockback=10", "--pain-after=-1"], exit: 2, quotes: "-1"),
        BadInput(["log", "--set", "rockback=10", "--pain-before", "-1"], exit: 2, quotes: "-1"),
        BadInput(["log", "--set", "rockback=10", "--pain-after", "abc"], exit: 2, quotes: "abc"),
        BadInput(["log", "--set", "rockback=10", "--pain-after", "3.5"], exit: 2, quotes: "3.5"),
        BadInput(["log", "--set", "bird-dog"], exit: 2, quotes: "bird-dog"),
        BadInput(["log", "--set", "=12"], exit: 2, quotes: "=12"),
        BadInput(["log", "--set", "bird-dog="], exit: 2, quotes: "bird-dog="),
        BadInput(["log", "--set", "bird-dog=12,,10"], exit: 2, quotes: "12,,10"),
        BadInput(["log", "--set", "bird-dog=1x"], exit: 2, quotes: "1x"),
        BadInput(["log", "--set", "rockback=abc"], exit: 2, quotes: "abc"),
        BadInput(["log", "--set", "rockback=12!!"], exit: 2, quotes: "12!!"),
        BadInput(["log", "--set", "bird-dog:top=12"], exit: 2, quotes: "top"),
        BadInput(["log", "--set", "rockback=12x5"], exit: 2, quotes: "12x5"),
        BadInput(["log", "--set", "rockback=12x5st"], exit: 2, quotes: "st"),
        BadInput(
            ["log", "--set", "rockback=10", "--at", "2026-02-30"], exit: 2, quotes: "2026-02-30"),
        BadInput(
            ["log", "--set", "rockback=10", "--at", "2026-02-30 07:30"], exit: 2,
            quotes: "2026-02-30"),
        BadInput(
            ["log", "--set", "rockback=10", "--at", "2026-11-24 25:00"], exit: 2, quotes: "25:00"),
        BadInput(["log", "--set", "rockback=10", "--duration", "25q"], exit: 2, quotes: "25q"),
        BadInput(["log", "--set", "rockback=10", "--duration", "m"], exit: 2, quotes: "m"),
        BadInput(["amend", "{id}", "--pain-after", "11"], exit: 2, quotes: "11"),
        BadInput(["amend", "{id}", "--set", "bird-dog:top=12"], exit: 2, quotes: "top"),
        BadInput(["amend", "{id}", "--at", "2026-02-30"], exit: 2, quotes: "2026-02-30"),
        BadInput(["amend", "{id}", "--duration", "soon"], exit: 2, quotes: "soon"),
        BadInput(["list", "--since", "2026-02-30"], exit: 2, quotes: "2026-02-30"),
        BadInput(["log", "--set", "pushup=12"], exit: nil, quotes: "pushup"),
        BadInput(["log", "--routine", "pilates"], exit: nil, quotes: "pilates"),
        BadInput(["amend", "{id}", "--set", "pushup=12"], exit: nil, quotes: "pushup"),
        BadInput(["list", "--exercise", "pushup"], exit: nil, quotes: "pushup"),
        BadInput(["routine", "show", "pilates"], exit: nil, quotes: "pilates"),
        BadInput(["profile", "--add", "!!!"], exit: 2, quotes: "!!!"),
        // Issue #10: wrong data that used to go in without a word.
        BadInput(["profile", "--add", "heriated-disc"], exit: 2, quotes: "heriated-disc"),
        BadInput(["log", "--set", "bird dog=12"], exit: 2, quotes: "bird dog"),
        BadInput(["log", "--set", "rockback:left=12"], exit: 2, quotes: "rockback:left"),
        BadInput(["amend", "{id}", "--set", "bird-dog=12"], exit: 2, quotes: "bird-dog"),
        BadInput(["amend", "{id}", "--remove", "rockback:right"], exit: 2, quotes: "rockback:right"),
        BadInput(["log", "--set", "rockback=1001"], exit: 2, quotes: "1001"),
        BadInput(["log", "--set", "rockback=5x1000.5kg"], exit: 2, quotes: "5x1000.5kg"),
        BadInput(["log", "--set", "rockback=5x2201lb"], exit: 2, quotes: "5x2201lb"),
        BadInput(["log", "--set", "double-knee-to-chest=0s"], exit: 2, quotes: "0s"),
        BadInput(["log", "--set", "rockback=10", "--duration", "0m"], exit: 2, quotes: "0m"),
        BadInput(
            ["log", "--set", "rockback=10", "--at", "2099-01-01 07:00"], exit: 2,
            quotes: "2099-01-01"),
        BadInput(
            ["log", "--set", "rockback=10", "--at", "1899-12-31 07:00"], exit: 2,
            quotes: "1899-12-31"),
        BadInput(["amend", "{id}", "--at", "2099-01-01"], exit: 2, quotes: "2099-01-01"),
        BadInput(
            ["list", "--since", "2026-11-24", "--until", "2026-11-20"], exit: 2,
            quotes: "2026-11-24"),
        BadInput(
            ["export", "--since", "2026-11-24", "--until", "2026-11-20"], exit: 2,
            quotes: "2026-11-20"),
        BadInput(["log", "--routine", "sciatica", "--skip", "pushup"], exit: 2, quotes: "pushup"),
        BadInput(
            ["log", "--routine", "sciatica", "--skip", "rockback:left"], exit: 2,
            quotes: "rockback:left"),
        BadInput(["log", "--set", "bird-dog:left=1", "--skip", "rockback"], exit: 2, quotes: "--skip"),
        BadInput(
            ["log", "--routine", "sciatica", "--skip", "bird-dog:right", "--set", "bird-dog:right=10"],
            exit: 2, quotes: "bird-dog:right"),
        BadInput(["export", "--output", "journal.txt"], exit: 2, quotes: "journal.txt"),
        BadInput(["export", "--format", "json", "--output", "sets.csv"], exit: 2, quotes: "sets.csv"),
        BadInput(["export", "--format", "xml"], exit: 2, quotes: "xml"),
        BadInput(["log", "--set", "rockback=30s"], exit: 2, quotes: "30s"),
        BadInput(["log", "--set", "double-knee-to-chest=45"], exit: 2, quotes: "45"),
        BadInput(["log", "--set", "rockback=10,0"], exit: 2, quotes: "0"),
        BadInput(["list", "--last", "-1"], exit: 2, quotes: "-1"),
        BadInput(["show", ""], exit: 2, quotes: "session id"),
        // One error style for what ArgumentParser refuses, and for unknown commands.
        BadInput(["lsit"], exit: 2, quotes: "lsit"),
        BadInput(["help", "nonexistent"], exit: 2, quotes: "nonexistent"),
        BadInput(["conflicts", "reslove"], exit: 2, quotes: "reslove"),
        BadInput(["list", "--last", "0"], exit: 2, quotes: "--last"),
        BadInput(["list", "--lats", "3"], exit: 2, quotes: "--lats"),
        BadInput(["show"], exit: 2, quotes: "<id>"),
    ]
}

@Suite("bad input")
struct BadInputTests {
    @Test(
        "a bad value: exit code, one line naming it, a hint, and the journal unchanged",
        arguments: BadInput.usage)
    func badValue(_ input: BadInput) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10", "--pain-before", "4")
        let before = try snapshot(sandbox.journal)
        let arguments = input.arguments.map { $0 == "{id}" ? String(id.prefix(8)) : $0 }
        let result = try sandbox.limber(arguments)
        if let code = input.exitCode {
            #expect(result.exitCode == code, "\(result)")
        } else {
            #expect(result.exitCode != 0, "\(result)")
        }
        let lines = result.stderrLines
        #expect(lines.count == 2, "one error line and one hint line: \(result)")
        #expect(
            lines.first?.contains(input.quotes) == true,
            "the error does not name \(input.quotes): \(result)")
        #expect(lines.last?.hasPrefix("hint:") == true, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        try expectUnchanged(sandbox.journal, since: before)
    }

    @Test(
        "a rejected write to a journal that has never been written leaves it byte-for-byte unchanged",
        arguments: [
            ["log", "--set", "pushup=12"], ["log", "--routine", "pilates"],
            ["exercise", "add", "Bird dog"], ["routine", "add", "core", "--item", "pushup=3x12"],
            ["profile", "--remove", "herniated-disc"],
        ])
    func rejectedFirstWrite(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        // Opening a journal may write the derived local/cache/; a rejected write must not mint
        // a device (local/device.json, devices/<id>/) or write anything else.
        let before = try snapshot(sandbox.journal, ignoringCache: true)
        let result = try sandbox.limber(arguments)
        #expect(result.exitCode != 0, "\(result)")
        #expect(result.stderrLines.last?.hasPrefix("hint:") == true, "\(result)")
        try expectUnchanged(sandbox.journal, since: before, ignoringCache: true)
    }

    @Test("log and amend on a missing journal: exit 1, and nothing is created")
    func missingJournal() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let missing = sandbox.root + "/nowhere/j"
        for arguments in [["log", "--set", "rockback=10"], ["amend", "abc", "--note", "x"]] {
            let result = try sandbox.limber(arguments, journal: missing)
            #expect(result.exitCode == 1, "\(result)")
            #expect(result.stderrLines.first?.contains(missing) == true, "\(result)")
            #expect(result.stderrLines.last?.hasPrefix("hint:") == true, "\(result)")
            #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/nowhere"))
        }
    }
}
