import Foundation
import Testing

@Suite("missing journals and journals of a newer format")
struct MissingAndNewerJournalTests {
    @Test(
        "a read command on a missing journal fails with exit 1 and creates nothing",
        arguments: [
            ["list"], ["list", "--json"], ["show", "abc"], ["show", "abc", "--json"], ["verify"],
            ["verify", "--json"], ["exercises"], ["routines"], ["routine", "show", "sciatica"],
            ["profile"], ["repair"],
        ])
    func readMissing(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let missing = sandbox.root + "/nowhere/j"
        let before = try FolderSnapshot(sandbox.root, excluding: ["io"])
        let result = try sandbox.limber(arguments, journal: missing)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderrLines.first?.contains(missing) == true, "\(result)")
        #expect(result.stderrLines.contains { $0.hasPrefix("hint:") }, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/nowhere"))
        // Nothing anywhere else either (not at $LIMBER_JOURNAL, $XDG_DATA_HOME or ~).
        let after = try FolderSnapshot(sandbox.root, excluding: ["io"])
        #expect(
            Set(after.items.keys.filter { !$0.hasPrefix("io/") })
                == Set(before.items.keys.filter { !$0.hasPrefix("io/") }),
            "\(before.differences(from: after))")
    }

    @Test("a read command on an empty folder fails with exit 1 and leaves it empty")
    func readEmptyFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let empty = sandbox.root + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        for arguments in [["list"], ["verify"], ["log", "--set", "rockback=10"]] {
            let result = try sandbox.limber(arguments, journal: empty)
            #expect(result.exitCode == 1, "\(result)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: empty).isEmpty)
        }
    }

    @Test(
        "a journal whose limber.json says format 99 is refused by every command, unchanged",
        arguments: [
            ["init"], ["log", "--set", "rockback=10"], ["list"], ["list", "--json"],
            ["show", "{id}"], ["show", "{id}", "--history"], ["amend", "{id}", "--note", "x"],
            ["delete", "{id}"], ["restore", "{id}"], ["exercises"], ["routines"],
            ["routine", "show", "sciatica"], ["exercise", "add", "Side plank"],
            ["routine", "add", "core", "--item", "bird-dog=3x12"], ["profile"],
            ["profile", "--add", "herniated-disc"], ["verify"], ["repair"],
        ])
    func newerFormat(_ arguments: [String]) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10")
        let manifestPath = sandbox.journal + "/limber.json"
        let manifest = String(
            decoding: try #require(FileManager.default.contents(atPath: manifestPath)),
            as: UTF8.self)
        let newer = manifest.replacingOccurrences(
            of: #""format"\s*:\s*1"#, with: #""format":99"#, options: .regularExpression)
        try #require(newer != manifest, "no format 1 in \(manifest)")
        try Data(newer.utf8).write(to: URL(fileURLWithPath: manifestPath))
        let before = try snapshot(sandbox.journal)

        let result = try sandbox.limber(arguments.map { $0 == "{id}" ? id : $0 })
        #expect(result.exitCode == 1, "\(result)")
        let message = try #require(result.stderrLines.first, "\(result)")
        #expect(message.contains("format"), "\(result)")
        #expect(message.contains("99"), "\(result)")
        #expect(result.stderrLines.contains { $0.hasPrefix("hint:") }, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        try expectUnchanged(sandbox.journal, since: before)
    }
}
