import Testing

@testable import Backup

@Suite("ArchivePath: the only paths an archive may hold")
struct ArchivePathTests {
    static let device = "0123456789abcdef"
    static let segment = "devices/\(device)/0000000000000001.jsonl.gz"

    @Test(
        "limber.json, devices/, a device folder and its segments are accepted",
        arguments: [
            ("limber.json", false), ("devices", true), ("devices/", true),
            ("devices/\(device)", true),
            ("devices/\(device)/", true), (segment, false),
            ("devices/\(device)/9999999999999999.jsonl.gz", false),
        ])
    func accepted(_ path: String, _ isDirectory: Bool) throws {
        try ArchivePath.check(path, isDirectory: isDirectory)
    }

    @Test(
        "absolute paths are refused",
        arguments: [
            "/limber.json", "/etc/passwd", "/devices/\(device)/0000000000000001.jsonl.gz",
            "//limber.json",
        ])
    func absolute(_ path: String) {
        for isDirectory in [false, true] {
            #expect(
                backupError { try ArchivePath.check(path, isDirectory: isDirectory) }?.kind
                    == .unsafeEntry(path, "an absolute path"))
        }
    }

    @Test(
        "a .. component is refused wherever it is",
        arguments: [
            "..", "../limber.json", "devices/..", "devices/../limber.json",
            "devices/\(device)/../../x", "devices/\(device)/..",
        ])
    func dotDot(_ path: String) {
        for isDirectory in [false, true] {
            #expect(
                backupError { try ArchivePath.check(path, isDirectory: isDirectory) }?.kind
                    == .unsafeEntry(path, "a path with .."))
        }
    }

    @Test(
        "empty and . components are refused",
        arguments: [
            "", ".", "./limber.json", "devices//\(device)", "devices/./\(device)",
            "devices/\(device)//0000000000000001.jsonl.gz",
            "devices/\(device)/./0000000000000001.jsonl.gz", "limber.json/",
        ])
    func emptyOrDot(_ path: String) {
        let error = backupError { try ArchivePath.check(path, isDirectory: false) }
        #expect(error?.kind == .unsafeEntry(path, "a path with an empty or . component"))
    }

    @Test("a folder given with two trailing slashes is refused")
    func doubleSlashFolder() {
        #expect(
            backupError { try ArchivePath.check("devices//", isDirectory: true) }?.kind.label
                == "unsafeEntry")
    }

    @Test(
        "any other name is refused as not a file of a journal",
        arguments: [
            ("MANIFEST.json", false), ("local/device.json", false), ("local", true),
            (".gitignore", false),
            (".stignore", false), ("notes.txt", false), ("limber.json", true), ("devices", false),
            ("devices/\(device)", false), (segment, true), ("devices/\(device)/notes.txt", false),
            ("devices/\(device)/000000000000001.jsonl.gz", false),
            ("devices/\(device)/00000000000000001.jsonl.gz", false),
            ("devices/\(device)/0000000000000001.jsonl", false),
            ("devices/\(device)/0000000000000001.jsonl.gz.tmp", false),
            ("devices/\(device)/.0000000000000001.jsonl.gz", false),
            ("devices/\(device)/000000000000000a.jsonl.gz", false),
            ("devices/\(device)/0000000000000001.JSONL.GZ", false),
            ("devices/\(device)/sub/0000000000000001.jsonl.gz", false),
            ("devices/\(device)/sub", true),
            ("devices/0123456789ABCDEF", true),
            ("devices/0123456789ABCDEF/0000000000000001.jsonl.gz", false),
            ("devices/a b", true), ("devices/a.b", true), ("devices/a\\b", true),
            ("devices/é", true),
            ("devices/" + String(repeating: "a", count: 65), true),
            ("Devices/\(device)/0000000000000001.jsonl.gz", false), ("limber.json.bak", false),
        ])
    func otherNames(_ path: String, _ isDirectory: Bool) {
        let error = backupError { try ArchivePath.check(path, isDirectory: isDirectory) }
        #expect(error?.kind == .unsafeEntry(path, "not a file of a journal"))
        #expect(error?.exitCode == 3)
    }
}
