import Foundation
import Testing

@Suite("sync DIR")
struct SyncTests {
    @Test("A, B and C each sync with a folder (A and B once more): all three show the same sessions")
    func threeMachinesThroughAFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=1")
        let a = sandbox.journal, b = sandbox.root + "/b", c = sandbox.root + "/c", usb = sandbox.root + "/usb"
        try FileManager.default.copyItem(atPath: a, toPath: b)
        try FileManager.default.copyItem(atPath: a, toPath: c)
        let envB = ["LIMBER_MACHINE_ID": "b"], envC = ["LIMBER_MACHINE_ID": "c"]
        #expect(try sandbox.limber(["log", "--set", "rockback=2"], journal: b, environment: envB).exitCode == 0)
        #expect(try sandbox.limber(["log", "--set", "rockback=3"], journal: c, environment: envC).exitCode == 0)
        #expect(try sandbox.limber(["sync", usb], journal: a).exitCode == 0)
        #expect(try sandbox.limber(["sync", usb], journal: b, environment: envB).exitCode == 0)
        #expect(try sandbox.limber(["sync", usb], journal: c, environment: envC).exitCode == 0)
        #expect(try sandbox.limber(["sync", usb], journal: a).exitCode == 0)
        #expect(try sandbox.limber(["sync", usb], journal: b, environment: envB).exitCode == 0)
        let listed = try [a, b, c].map { journal in
            try sandbox.limber(["list", "--json"], journal: journal).jsonArray().compactMap { $0["id"] as? String }
        }
        #expect(listed[0].count == 3)
        #expect(listed[1] == listed[0] && listed[2] == listed[0])
        #expect(try sandbox.limber(["verify"], journal: usb).exitCode == 0, "the folder is a valid journal")
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: usb).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty, "no temporary files left: \(leftovers)")
    }

    @Test("--dry-run writes nothing on either side")
    func dryRun() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=1")
        let usb = sandbox.root + "/usb"
        let result = try sandbox.limber("sync", usb, "--dry-run")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("would put 2 event(s)"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: usb))
    }

    @Test("a folder that holds other files is refused and left alone")
    func occupiedFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let usb = sandbox.root + "/usb"
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: usb + "/photo.jpg", contents: Data([1, 2, 3]))
        let result = try sandbox.limber("sync", usb)
        #expect(result.exitCode == 1, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: usb) == ["photo.jpg"])
    }

    @Test("a first sync killed before it wrote limber.json does not wedge the folder")
    func killedFirstSync() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10", "--at", "2026-11-20 07:30")
        let usb = sandbox.root + "/usb"
        // What the first sync had written when it was killed: the ignore files, an empty
        // devices folder and a manifest still under its temporary name.
        try FileManager.default.createDirectory(atPath: usb + "/devices", withIntermediateDirectories: true)
        try Data("local/\n".utf8).write(to: URL(fileURLWithPath: usb + "/.gitignore"))
        try Data("/local\n".utf8).write(to: URL(fileURLWithPath: usb + "/.stignore"))
        try Data("{".utf8).write(to: URL(fileURLWithPath: usb + "/.limber.json.limber-tmp-99999"))
        let result = try sandbox.limber("sync", usb)
        #expect(result.exitCode == 0, "\(result)")
        let left = try FileManager.default.contentsOfDirectory(atPath: usb).sorted()
        #expect(left == [".gitignore", ".stignore", "devices", "limber.json", "local"], "\(left)")
        let laptop = try sandbox.run(
            LimberBinary.path, ["sync", usb, "--journal", sandbox.root + "/laptop"],
            environment: ["LIMBER_MACHINE_ID": "laptop"])
        #expect(laptop.exitCode == 0, "\(laptop)")
        let listed = try sandbox.limber(["list", "--json"], journal: sandbox.root + "/laptop")
        #expect(try listed.jsonArray().count == 1, "\(listed)")
    }
}
