import Foundation
import Testing

@Suite("init and the journal folder")
struct InitCommandTests {
    @Test("init creates limber.json, devices/, local/, .gitignore and .stignore")
    func createsLayout() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.limber("init")
        #expect(result.exitCode == 0, "\(result)")
        let j = sandbox.journal
        let manifest = try #require(FileManager.default.contents(atPath: j + "/limber.json"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: manifest) as? [String: Any])
        #expect(object["format"] as? Int == 1)
        #expect(UUID(uuidString: object["journal"] as? String ?? "") != nil)
        #expect((object["created"] as? String)?.hasPrefix("20") == true)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: j + "/devices", isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
        for name in [".gitignore", ".stignore"] {
            let text = try #require(
                FileManager.default.contents(atPath: j + "/" + name).map {
                    String(decoding: $0, as: UTF8.self)
                }, "\(name) missing")
            let patterns = text.split(separator: "\n").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("//") }
            #expect(
                patterns.contains { ["local", "local/", "/local", "/local/"].contains($0) },
                "\(name) does not ignore local/: \(text)")
        }
    }

    @Test("every folder of a journal is 0700 and every file 0600")
    func permissions() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        #expect(try sandbox.limber("profile", "--add", "herniated-disc").exitCode == 0)
        #expect(try sandbox.limber("exercise", "add", "Side plank").exitCode == 0)
        let tree = try FolderSnapshot(sandbox.journal)
        #expect(tree.items.count > 8, "\(tree)")
        for (path, item) in tree.items {
            #expect(
                item.mode == (item.isDirectory ? 0o700 : 0o600),
                "\(path.isEmpty ? "." : path) has mode \(String(item.mode, radix: 8))")
        }
    }

    @Test("a second init exits 0 and changes nothing")
    func secondInit() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let afterInit = try FolderSnapshot(sandbox.journal)
        var again = try sandbox.limber("init")
        #expect(again.exitCode == 0, "\(again)")
        #expect(try FolderSnapshot(sandbox.journal) == afterInit)

        try sandbox.logSession("--set", "rockback=10")
        let afterLog = try FolderSnapshot(sandbox.journal)
        again = try sandbox.limber("init")
        #expect(again.exitCode == 0, "\(again)")
        let now = try FolderSnapshot(sandbox.journal)
        #expect(now == afterLog, "\(afterLog.differences(from: now))")
    }

    @Test("init refuses a non-empty folder that is not a journal, and a file")
    func occupied() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let folder = sandbox.root + "/photos"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("meow".utf8).write(to: URL(fileURLWithPath: folder + "/cat.jpg"))
        let before = try FolderSnapshot(folder)
        let result = try sandbox.limber(["init"], journal: folder)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.contains(folder), "\(result)")
        #expect(result.stderrLines.contains { $0.hasPrefix("hint:") }, "\(result)")
        #expect(try FolderSnapshot(folder) == before)

        let file = sandbox.root + "/notes.txt"
        try Data("hi".utf8).write(to: URL(fileURLWithPath: file))
        let onFile = try sandbox.limber(["init"], journal: file)
        #expect(onFile.exitCode == 1, "\(onFile)")
        #expect(FileManager.default.contents(atPath: file) == Data("hi".utf8))
    }

    @Test(
        "the journal is --journal, else $LIMBER_JOURNAL, else $XDG_DATA_HOME/limber, else ~/.local/share/limber"
    )
    func location() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let binary = LimberBinary.path
        let fromEnvironment = sandbox.root + "/env-journal"
        var result = try sandbox.run(binary, ["init"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: fromEnvironment + "/limber.json"))

        result = try sandbox.run(binary, ["init"], environment: ["LIMBER_JOURNAL": ""])
        #expect(result.exitCode == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: sandbox.root + "/xdg/limber/limber.json"))

        result = try sandbox.run(
            binary, ["init"], environment: ["LIMBER_JOURNAL": "", "XDG_DATA_HOME": ""])
        #expect(result.exitCode == 0, "\(result)")
        #expect(
            FileManager.default.fileExists(
                atPath: sandbox.root + "/home/.local/share/limber/limber.json"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.journal))
    }

    @Test("--journal may come before the command (DESIGN §7: limber [--journal PATH] COMMAND)")
    func journalBeforeCommand() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(LimberBinary.path, ["--journal", sandbox.journal, "init"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: sandbox.journal + "/limber.json"))
        let log = try sandbox.run(
            LimberBinary.path, ["--journal", sandbox.journal, "log", "--set", "rockback=10"])
        #expect(log.exitCode == 0, "\(log)")
    }
}
