import Foundation
import Testing

/// Issue #10, items 9 and 10: journals of different ids are not joined without being asked,
/// a second machine starts from the shared copy, and merges say what conflicts came in.
@Suite("joining journals")
struct JoinTests {
    /// A journal with one session, synced to `<root>/usb`; returns that folder.
    private func sharedOnUSB(_ sandbox: Sandbox) throws -> String {
        let usb = sandbox.root + "/usb"
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        #expect(try sandbox.limber("sync", usb).exitCode == 0)
        return usb
    }

    @Test("sync with a folder of another journal is refused, naming both; --join joins them for good")
    func syncRefusesAnotherJournal() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let usb = sandbox.root + "/usb"
        let laptop = sandbox.journal
        let desktop = sandbox.root + "/desktop"
        let onDesktop = ["LIMBER_MACHINE_ID": "desktop"]
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        #expect(try sandbox.limber("sync", usb).exitCode == 0)
        // The mistake: `init` on the second machine, then sync.
        #expect(try sandbox.limber(["init"], journal: desktop, environment: onDesktop).exitCode == 0)
        #expect(try sandbox.limber(["log", "--set", "rockback=11"], journal: desktop, environment: onDesktop).exitCode == 0)
        let before = try snapshot(desktop, ignoringCache: true)
        let usbBefore = try snapshot(usb)
        let refused = try sandbox.limber(["sync", usb], journal: desktop, environment: onDesktop)
        #expect(refused.exitCode == 1, "\(refused)")
        let manifest = { (path: String) throws -> String in
            let data = try #require(FileManager.default.contents(atPath: path + "/limber.json"))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return try #require(object["journal"] as? String)
        }
        let line = try #require(refused.stderrLines.first)
        let usbID = try manifest(usb)
        let desktopID = try manifest(desktop)
        #expect(line.contains(usbID) && line.contains(desktopID), "\(refused)")
        #expect(line.contains("1 device(s), 1 session(s)"), "\(refused)")
        #expect(refused.stderrLines.last?.contains("--join") == true, "\(refused)")
        try expectUnchanged(desktop, since: before, ignoringCache: true)
        try expectUnchanged(usb, since: usbBefore)

        let joined = try sandbox.limber(["sync", usb, "--join"], journal: desktop, environment: onDesktop)
        #expect(joined.exitCode == 0, "\(joined)")
        #expect(joined.stdout.contains("joined"), "\(joined)")
        // From now on both sides accept each other without --join, on every machine.
        #expect(try sandbox.limber(["sync", usb], journal: desktop, environment: onDesktop).exitCode == 0)
        #expect(try sandbox.limber("sync", usb).exitCode == 0)
        #expect(try sandbox.limber(["merge", desktop]).exitCode == 0, "the join synced to the laptop")
        let onLaptop = try sandbox.limber(["list", "--json"], journal: laptop).jsonArray()
        let onTheDesktop = try sandbox.limber(["list", "--json"], journal: desktop, environment: onDesktop).jsonArray()
        #expect(onLaptop.count == 2 && onTheDesktop.count == 2)
    }

    @Test("an empty journal made by mistake is told how to start from the shared copy")
    func emptyJournalHint() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let usb = try sharedOnUSB(sandbox)
        let desktop = sandbox.root + "/desktop"
        #expect(try sandbox.limber(["init"], journal: desktop).exitCode == 0)
        let refused = try sandbox.limber(["sync", usb], journal: desktop)
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("this journal is empty"), "\(refused)")
        #expect(refused.stderr.contains("limber sync \(usb)"), "\(refused)")
    }

    @Test("a second machine without a journal starts from sync DIR: the same journal, its sessions")
    func secondMachineFromSync() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let usb = try sharedOnUSB(sandbox)
        let desktop = sandbox.root + "/desktop"
        let missing = try sandbox.limber(["list"], journal: desktop)
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.contains("`limber sync DIR`"), "the hint names the way: \(missing)")
        #expect(missing.stderr.contains("not `init`"), "\(missing)")
        let started = try sandbox.limber(["sync", usb], journal: desktop, environment: ["LIMBER_MACHINE_ID": "desktop"])
        #expect(started.exitCode == 0, "\(started)")
        #expect(started.stdout.contains("as a copy of the one in"), "\(started)")
        #expect(try sandbox.limber(["list", "--json"], journal: desktop).jsonArray().count == 1)
        #expect(
            FileManager.default.contents(atPath: desktop + "/limber.json")
                == FileManager.default.contents(atPath: sandbox.journal + "/limber.json"))
    }

    @Test("merge of an unrelated journal is refused without --join; merge and sync say what conflicts came in")
    func mergeSaysConflicts() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let other = sandbox.root + "/test-journal"
        #expect(try sandbox.limber(["init"], journal: other).exitCode == 0)
        #expect(try sandbox.limber(["log", "--set", "rockback=1"], journal: other, environment: ["LIMBER_MACHINE_ID": "t"]).exitCode == 0)
        let refused = try sandbox.limber("merge", other, "--dry-run")
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderr.contains("is another journal"), "\(refused)")

        let id = try sandbox.logSession("--set", "rockback=10", "--pain-after", "5")
        let usb = sandbox.root + "/usb"
        let desktop = sandbox.root + "/desktop"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: desktop)
        let onDesktop = ["LIMBER_MACHINE_ID": "desktop"]
        #expect(try sandbox.limber("amend", id, "--pain-after", "3").exitCode == 0)
        #expect(try sandbox.limber(["amend", id, "--pain-after", "7"], journal: desktop, environment: onDesktop).exitCode == 0)
        #expect(try sandbox.limber(["sync", usb], journal: desktop, environment: onDesktop).exitCode == 0)
        let sync = try sandbox.limber("sync", usb)
        #expect(sync.exitCode == 0, "\(sync)")
        #expect(
            sync.stdout.contains("1 new conflict(s) came in: review them with `limber conflicts review`"),
            "\(sync)")
    }
}
