import EventLog
import Foundation
import Testing

/// A journal folder is untrusted input (issue #11, docs/RELIABILITY.md): what another machine
/// or a sync tool can put in it must never be followed, crash limber, brick the journal or
/// be taken in silently.
@Suite("hostile synced data")
struct HostileJournalTests {
    /// A journal with one session of ours; returns our device id.
    private func ours(_ sandbox: Sandbox) throws -> String {
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10", "--at", "2026-11-20 07:30")
        return try #require(try JournalFiles.devices(sandbox.journal).first)
    }

    private func sessionCount(_ sandbox: Sandbox) throws -> Int {
        let listed = try sandbox.limber("list", "--json")
        try #require(listed.exitCode == 0, "\(listed)")
        return try listed.jsonArray().count
    }

    /// A file outside the journal, with its bytes.
    private func outsider(_ sandbox: Sandbox) throws -> (path: String, bytes: Data) {
        let path = sandbox.root + "/outside.txt"
        let bytes = Data("precious, not limber's\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }

    // MARK: - Links

    @Test("a link named like our open segment: log refuses, the file it points at is untouched")
    func linkAsOwnSegment() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let device = try ours(sandbox)
        let outside = try outsider(sandbox)
        let segment = try JournalFiles.onlySegment(sandbox.journal)
        try FileManager.default.removeItem(atPath: segment)
        try FileManager.default.removeItem(atPath: sandbox.journal + "/local/cache")
        try FileManager.default.createSymbolicLink(atPath: segment, withDestinationPath: outside.path)
        let log = try sandbox.limber("log", "--set", "rockback=10")
        #expect(log.exitCode != 0, "\(log)")
        #expect(log.stderr.contains("symbolic link"), "\(log)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: outside.path)) == outside.bytes)
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 3, "\(verify)")
        #expect(verify.stdout.contains("devices/\(device)/0000000000000001.jsonl.gz"), "\(verify)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: outside.path)) == outside.bytes)
    }

    @Test("local/staging as a link: log deletes nothing in the folder it points at")
    func stagingLink() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try ours(sandbox)
        let elsewhere = sandbox.root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: elsewhere + "/keep.txt"))
        try? FileManager.default.removeItem(atPath: sandbox.journal + "/local/staging")
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.journal + "/local/staging", withDestinationPath: elsewhere)
        let log = try sandbox.limber("log", "--set", "rockback=10")
        #expect(log.exitCode == 3, "\(log)")
        #expect(log.stderr.contains("local/staging"), "\(log)")
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/keep.txt"))
        let repair = try sandbox.limber("repair")
        #expect(repair.exitCode == 0, "\(repair)")
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/keep.txt"))
        #expect(try sandbox.limber("log", "--set", "rockback=10").exitCode == 0)
        #expect(try sandbox.limber("verify").exitCode == 0)
    }

    @Test("our device folder as a link: log appends nowhere outside the journal")
    func ownDeviceFolderLink() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let device = try ours(sandbox)
        let folder = sandbox.journal + "/devices/" + device
        let moved = sandbox.root + "/moved"
        try FileManager.default.moveItem(atPath: folder, toPath: moved)
        try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: moved)
        let before = try snapshot(moved)
        let log = try sandbox.limber("log", "--set", "rockback=10")
        #expect(log.exitCode == 3, "\(log)")
        try expectUnchanged(moved, since: before, "a segment outside the journal was written")
    }

    @Test("a foreign device folder or segment that is a link: not read, named by verify, refused by archive, removed by repair")
    func foreignLinks() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try ours(sandbox)
        // Another journal, with its own sessions.
        let other = Sandbox.Path(sandbox.root + "/other")
        try sandbox.limber(["init"], journal: other.path)
        try sandbox.limber(["log", "--set", "rockback=10"], journal: other.path)
        try sandbox.limber(["log", "--set", "rockback=11"], journal: other.path)
        let theirDevice = try #require(try JournalFiles.devices(other.path).first)
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.journal + "/devices/" + theirDevice,
            withDestinationPath: other.path + "/devices/" + theirDevice)
        let badSegmentFolder = sandbox.journal + "/devices/badc0ffee0ddf00d"
        try FileManager.default.createDirectory(atPath: badSegmentFolder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: badSegmentFolder + "/0000000000000001.jsonl.gz",
            withDestinationPath: try JournalFiles.onlySegment(other.path))

        #expect(try sessionCount(sandbox) == 1)
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 3, "\(verify)")
        #expect(verify.stdout.contains("devices/\(theirDevice): a symbolic link"), "\(verify)")
        #expect(verify.stdout.contains("badc0ffee0ddf00d/0000000000000001.jsonl.gz: a symbolic link"), "\(verify)")
        let archive = try sandbox.limber("archive", "create", sandbox.root + "/b.tar")
        #expect(archive.exitCode == 3, "\(archive)")
        #expect(archive.stderr.contains("symbolic link"), "\(archive)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/b.tar"))

        let repair = try sandbox.limber("repair")
        #expect(repair.exitCode == 0, "\(repair)")
        #expect(repair.stdout.contains("removed the symbolic link"), "\(repair)")
        // What the links pointed at is untouched.
        #expect(try JournalFiles.segments(other.path).count == 1)
        #expect(try sandbox.limber("verify").exitCode == 0)
        #expect(try sandbox.limber("archive", "create", sandbox.root + "/b.tar").exitCode == 0)
    }

    // MARK: - Clocks and numbers

    @Test("a foreign hlc past the year 9999 does not brick the journal")
    func farFutureClock() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let device = try ours(sandbox)
        var hostile = HostileLog()
        hostile.event(hlc: "9999999999999999-9999")
        try hostile.write(into: sandbox.journal)
        let id = try sandbox.logSession("--set", "rockback=12")
        #expect(try sessionCount(sandbox) == 2)
        #expect(try sandbox.limber("show", id).exitCode == 0)
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 3, "\(verify)")
        #expect(verify.stdout.contains("devices/badc0ffee0ddf00d/"), "\(verify)")
        #expect(!verify.stdout.contains("devices/\(device)/"), "\(verify)")
        #expect(try sandbox.limber("repair").exitCode == 0)
        #expect(try sandbox.limber("verify").exitCode == 0)
        #expect(try sessionCount(sandbox) == 2)
    }

    @Test("a foreign hlc late in the year 9999: our clock stays readable")
    func lateButValidClock() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try ours(sandbox)
        var hostile = HostileLog()
        hostile.event(hlc: "0253402300799999-9999")
        try hostile.write(into: sandbox.journal)
        for minute in 0..<3 {
            try sandbox.logSession("--set", "rockback=12", "--at", "2026-11-21 07:3\(minute)")
        }
        #expect(try sessionCount(sandbox) == 4)
        let verify = try sandbox.limber("verify")
        // Flagged as skew (a warning), nothing damaged.
        #expect(verify.exitCode == 0, "\(verify)")
        #expect(verify.stdout.contains("clock skew"), "\(verify)")
    }

    @Test("seq 2^64-1, and an LB first_seq of 2^64-1 in a member that is not the last: no crash")
    func hugeSeqs() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try ours(sandbox)
        var hostile = HostileLog()
        hostile.event(seq: UInt64.max)
        hostile.event(seq: 1)
        try hostile.write(into: sandbox.journal)
        var second = HostileLog(device: "badc0ffee0ddf00e")
        let line = second.event()
        let members = [
            try HostileLog.member([line], firstSeq: UInt64.max),
            try HostileLog.member([second.event()], firstSeq: 2),
        ]
        try second.write(into: sandbox.journal, members: members)
        let other = sandbox.root + "/copy"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: other)
        let fresh = sandbox.root + "/fresh"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: fresh)
        try FileManager.default.removeItem(atPath: fresh + "/devices/badc0ffee0ddf00d")
        try FileManager.default.removeItem(atPath: fresh + "/devices/badc0ffee0ddf00e")
        for command in [["verify"], ["list"], ["merge", other], ["sync", sandbox.root + "/usb"]] {
            let result = try sandbox.limber(command, journal: fresh)
            #expect(result.exitCode < 64, "\(command): \(result)")  // no signal
        }
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 3, "\(verify)")
        #expect(try sandbox.limber("repair").exitCode == 0)
        #expect(try sandbox.limber("verify").exitCode == 0)
    }

    // MARK: - Forged ids

    @Test("a foreign event that reuses our event id: ours stays, theirs is named and refused")
    func forgedID() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let device = try ours(sandbox)
        let segment = try JournalFiles.onlySegment(sandbox.journal)
        let text = try #require(String(data: try Data(contentsOf: URL(fileURLWithPath: segment)).gunzipped(), encoding: .utf8))
        let logged = try #require(text.split(separator: "\n").first { $0.contains("session.logged") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(logged.utf8)) as? [String: Any])
        let id = try #require(object["id"] as? String)
        // The forger's device id sorts before ours, and its event comes first in time.
        var hostile = HostileLog(device: "0000000000000001")
        hostile.event(id: id, hlc: "0000000000000001-0000")
        let shared = sandbox.root + "/usb"
        #expect(try sandbox.limber("sync", shared).exitCode == 0)
        try hostile.write(into: shared)
        let sync = try sandbox.limber("sync", shared)
        #expect(sync.exitCode == 3, "\(sync)")
        #expect(sync.stderr.contains("forged"), "\(sync)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.journal + "/devices/0000000000000001"))
        // The same event synced straight into the folder (as Syncthing would).
        try hostile.write(into: sandbox.journal)
        try? FileManager.default.removeItem(atPath: sandbox.journal + "/local/cache")
        #expect(try sessionCount(sandbox) == 1)
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 3, "\(verify)")
        let forged = verify.stdout.split(separator: "\n").filter { $0.contains("forged") }
        #expect(forged.count == 1 && forged[0].contains("devices/0000000000000001/"), "\(verify)")
        #expect(!forged.contains { $0.contains(device) && $0.hasPrefix("error: devices/\(device)") })
        #expect(try sandbox.limber("repair").exitCode == 0)
        #expect(try sandbox.limber("verify").exitCode == 0)
        #expect(try sessionCount(sandbox) == 1)
    }

    // MARK: - Size

    @Test("a complete member over the limit is damage wherever it is, never a torn tail")
    func oversizedLastMember() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try ours(sandbox)
        var hostile = HostileLog()
        let big = hostile.event(body: #"{"name":"\#(String(repeating: "a", count: 7 << 20))"}"#)
        let lines = [String](repeating: big, count: 10)  // 70 MiB inflated
        let members = [try HostileLog.member(lines, firstSeq: 1, maxInflated: 128 << 20)]
        try hostile.write(into: sandbox.journal, members: members)
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 3, "\(verify)")
        #expect(!verify.stdout.contains("interrupted write"), "\(verify)")
        #expect(try sessionCount(sandbox) == 1)
    }

    @Test("eight members of 60 MiB: verify and list stay under 256 MB")
    func memoryBound() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try ours(sandbox)
        var hostile = HostileLog()
        // Lines that are JSON but not events: nothing of them is kept.
        let line = #"{"pad":"\#(String(repeating: "z", count: (1 << 20) - 16))"}"#
        let member = try HostileLog.member(
            [String](repeating: line, count: 60), firstSeq: 1, maxInflated: 64 << 20)
        hostile.event()
        try hostile.write(into: sandbox.journal, members: [[UInt8]](repeating: member, count: 8))
        for command in ["verify", "list"] {
            let (status, kib) = try peakResident([command, "--journal", sandbox.journal], in: sandbox)
            #expect(status < 64, "\(command) died: \(status)")
            #expect(kib < 256 * 1024, "\(command): peak \(kib) KiB")
        }
    }

    // MARK: - Merges, backups, advice

    /// A journal with one session of ours and a laptop journal with two more, synced once;
    /// returns the laptop's device id and its segment.
    private func laptopSessions(_ sandbox: Sandbox) throws -> (device: String, segment: Data) {
        _ = try ours(sandbox)
        let laptop = sandbox.root + "/laptop"
        try sandbox.limber(["sync", sandbox.root + "/usb"])
        let joined = try sandbox.run(
            LimberBinary.path, ["sync", sandbox.root + "/usb", "--journal", laptop],
            environment: ["LIMBER_MACHINE_ID": "laptop"])
        try #require(joined.exitCode == 0, "\(joined)")
        for minute in 0..<2 {
            let logged = try sandbox.run(
                LimberBinary.path,
                ["log", "--set", "rockback=10", "--at", "2026-11-22 07:3\(minute)", "--journal", laptop],
                environment: ["LIMBER_MACHINE_ID": "laptop"])
            try #require(logged.exitCode == 0, "\(logged)")
        }
        let device = try #require(
            try JournalFiles.devices(laptop).first { !(try JournalFiles.devices(sandbox.journal)).contains($0) })
        let path = try #require(try JournalFiles.segments(laptop).first { $0.contains(device) })
        return (device, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test("a merge cut short leaves a torn tail in our copy; the next merge replaces it")
    func interruptedMerge() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (theirDevice, theirs) = try laptopSessions(sandbox)
        let members = try JournalFiles.members(of: theirs)
        // Our copy: every member but the last, and half of the last (a merge killed mid-write).
        let last = try #require(members.last)
        let cut = theirs.prefix(last.offset + last.size / 2)
        let folder = sandbox.journal + "/devices/" + theirDevice
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try cut.write(to: URL(fileURLWithPath: folder + "/0000000000000001.jsonl.gz"))
        let merge = try sandbox.limber("merge", sandbox.root + "/laptop")
        #expect(merge.exitCode == 0, "\(merge)")
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 0 && !verify.stdout.contains("warning"), "\(verify)")
        #expect(try sessionCount(sandbox) == 3)
    }

    /// Writes what a merge killed after its commit point leaves in `local/merge/`.
    private func leavePlan(
        _ sandbox: Sandbox, device: String, offset: Int, staged: Data, planText: String? = nil
    ) throws {
        let folder = sandbox.journal + "/local/merge"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try staged.write(to: URL(fileURLWithPath: folder + "/0"))
        let plan =
            planText
            ?? #"{"writes":[{"device":"\#(device)","segment":"0000000000000001.jsonl.gz","offset":\#(offset),"length":\#(staged.count),"staged":"0"}],"replacingFiles":false}"#
        try Data(plan.utf8).write(to: URL(fileURLWithPath: folder + "/plan.json"))
    }

    @Test("a merge killed after its plan was written is finished by the next command, whole")
    func mergeFinishedByNextCommand() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (device, theirs) = try laptopSessions(sandbox)
        try leavePlan(sandbox, device: device, offset: 0, staged: theirs)
        #expect(try sessionCount(sandbox) == 3)
        #expect(!FileManager.default.fileExists(atPath: sandbox.journal + "/local/merge/plan.json"))
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 0 && !verify.stdout.contains("warning"), "\(verify)")
    }

    @Test("a merge killed half way through an append: the next write cuts the half and appends the whole")
    func mergeFinishedAfterHalfAnAppend() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let (device, theirs) = try laptopSessions(sandbox)
        let members = try JournalFiles.members(of: theirs)
        let last = try #require(members.last)
        // Our copy had every member but the last; the killed merge appended half of it.
        let folder = sandbox.journal + "/devices/" + device
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try theirs.prefix(last.offset + last.size / 2).write(
            to: URL(fileURLWithPath: folder + "/0000000000000001.jsonl.gz"))
        try leavePlan(sandbox, device: device, offset: last.offset, staged: theirs.suffix(from: last.offset))
        let log = try sandbox.limber("log", "--set", "rockback=10")
        #expect(log.exitCode == 0, "\(log)")
        #expect(try sessionCount(sandbox) == 4)
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 0 && !verify.stdout.contains("warning"), "\(verify)")
    }

    @Test("a merge plan limber did not write is dropped, and nothing of it is carried out",
        arguments: [
            #"{"writes":[{"device":"../../escape","segment":"0000000000000001.jsonl.gz","offset":0,"length":4,"staged":"0"}],"replacingFiles":false}"#,
            #"{"writes":[{"device":"DEVICE","segment":"0000000000000001.jsonl.gz","offset":9223372036854775807,"length":4,"staged":"0"}],"replacingFiles":false}"#,
            #"{"writes":[{"device":"DEVICE","segment":"../../../outside.txt","offset":0,"length":4,"staged":"0"}],"replacingFiles":false}"#,
            #"{"writes":[{"device":"DEVICE","segment":"0000000000000001.jsonl.gz","offset":0,"length":4,"staged":"/etc/passwd"}],"replacingFiles":false}"#,
            #"not json"#,
        ])
    func hostilePlan(_ plan: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let device = try ours(sandbox)
        let before = try JournalFiles.segments(sandbox.journal)
        try leavePlan(
            sandbox, device: device, offset: 0, staged: Data("junk".utf8),
            planText: plan.replacingOccurrences(of: "DEVICE", with: "f00dfeedf00dfeed"))
        let log = try sandbox.limber("log", "--set", "rockback=10")
        #expect(log.exitCode == 0, "\(log)")
        #expect(try JournalFiles.segments(sandbox.journal) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.journal + "/local/merge").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/escape"))
        #expect(try sessionCount(sandbox) == 2)
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 0, "\(verify)")
    }

    @Test("a merge plan that no longer fits the files is dropped, not retried by every write")
    func planThatNoLongerFits() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let device = try ours(sandbox)
        let before = try Data(contentsOf: URL(fileURLWithPath: try JournalFiles.onlySegment(sandbox.journal)))
        // A plan to write a new segment where ours already is, whole and longer.
        try leavePlan(sandbox, device: device, offset: 0, staged: Data("junk".utf8))
        let log = try sandbox.limber("log", "--set", "rockback=10")
        #expect(log.exitCode == 0, "\(log)")
        let after = try Data(contentsOf: URL(fileURLWithPath: try JournalFiles.onlySegment(sandbox.journal)))
        #expect(after.prefix(before.count) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.journal + "/local/merge").isEmpty)
        #expect(try sessionCount(sandbox) == 2)
        #expect(try sandbox.limber("verify").exitCode == 0)
    }

    @Test("a forged prev: verify names it, repair deals with it, verify is clean after")
    func forgedPrev() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try ours(sandbox)
        var hostile = HostileLog()
        hostile.event()
        hostile.event(prev: String(repeating: "ab", count: 32))
        hostile.event()
        try hostile.write(into: sandbox.journal)
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 3, "\(verify)")
        #expect(verify.stdout.contains("chain broken"), "\(verify)")
        let repair = try sandbox.limber("repair")
        #expect(repair.exitCode == 0 && !repair.stdout.contains("nothing to repair"), "\(repair)")
        let after = try sandbox.limber("verify")
        #expect(after.exitCode == 0, "\(after)")
    }

    @Test("every kind of error verify reports but a gap is dealt with by the command it names")
    func everyProblemHasARemedy() throws {
        typealias Damage = (String, (Sandbox) throws -> Void)
        let folder = "badc0ffee0ddf00d"
        let cases: [Damage] = [
            ("bytes damaged before a valid member", { sandbox in
                var log = HostileLog()
                let first = try HostileLog.member([log.event()], firstSeq: 1)
                let second = try HostileLog.member([log.event()], firstSeq: 2)
                var bytes = first + second
                bytes[20] ^= 0x40
                try log.write(into: sandbox.journal, members: [bytes])
            }),
            ("a line that is not an event", { sandbox in
                var log = HostileLog()
                let members = [try HostileLog.member([log.event(), #"{"not":"an event"}"#], firstSeq: 1)]
                try log.write(into: sandbox.journal, members: members)
            }),
            ("an event of another device", { sandbox in
                var log = HostileLog()
                log.event(device: "1111111111111111")
                try log.write(into: sandbox.journal)
            }),
            ("two events with one seq", { sandbox in
                var log = HostileLog()
                log.event()
                log.event(seq: 1)
                try log.write(into: sandbox.journal)
            }),
            ("seqs out of order", { sandbox in
                var log = HostileLog()
                log.event()
                log.event()
                log.event(seq: 1, prev: Hex.genesis)
                try log.write(into: sandbox.journal)
            }),
            ("a segment named for another seq", { sandbox in
                var log = HostileLog()
                log.event()
                let member = try HostileLog.member(log.lines, firstSeq: 1)
                let path = sandbox.journal + "/devices/\(folder)/0000000000000005.jsonl.gz"
                try FileManager.default.createDirectory(
                    atPath: sandbox.journal + "/devices/\(folder)", withIntermediateDirectories: true)
                try Data(member).write(to: URL(fileURLWithPath: path))
            }),
            ("a torn member before a later segment", { sandbox in
                var log = HostileLog()
                log.event()
                let member = try HostileLog.member(log.lines, firstSeq: 1)
                try log.write(into: sandbox.journal, members: [member + member.prefix(20)])
                var next = log
                next.event()
                try next.write(into: sandbox.journal, firstSeq: 2, members: [try HostileLog.member([next.lines[1]], firstSeq: 2)])
            }),
            ("a link", { sandbox in
                try FileManager.default.createSymbolicLink(
                    atPath: sandbox.journal + "/devices/\(folder)", withDestinationPath: "/tmp")
            }),
        ]
        for (name, damage) in cases {
            let sandbox = try Sandbox()
            defer { sandbox.remove() }
            _ = try ours(sandbox)
            try damage(sandbox)
            let verify = try sandbox.limber("verify")
            #expect(verify.exitCode == 3, "\(name): \(verify)")
            #expect(
                verify.stdout.contains("limber repair") || verify.stdout.contains("`limber repair`"),
                "\(name): \(verify)")
            let repair = try sandbox.limber("repair")
            #expect(repair.exitCode == 0, "\(name): \(repair)")
            let after = try sandbox.limber("verify")
            #expect(after.exitCode == 0, "\(name): after repair: \(after)")
            #expect(try sessionCount(sandbox) == 1, "\(name)")
            #expect(try sandbox.limber("log", "--set", "rockback=10").exitCode == 0, "\(name)")
        }
    }

    @Test("a 76 MB manifest is refused before it is read")
    func hugeManifest() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var header = [UInt8](repeating: 0, count: 512)
        let name = Array("MANIFEST.json".utf8)
        header.replaceSubrange(0..<name.count, with: name)
        for (offset, field) in [(100, "0000600\0"), (108, "0000000\0"), (116, "0000000\0"),
            (124, "00442000000\0"), (136, "00000000000\0")] {
            header.replaceSubrange(offset..<(offset + field.utf8.count), with: Array(field.utf8))
        }
        header[156] = UInt8(ascii: "0")
        header.replaceSubrange(257..<263, with: Array("ustar\0".utf8))
        header.replaceSubrange(263..<265, with: Array("00".utf8))
        header.replaceSubrange(148..<156, with: Array(repeating: UInt8(ascii: " "), count: 8))
        let sum = header.reduce(0) { $0 + Int($1) }
        let checksum = Array(String(format: "%06o\0 ", sum).utf8)
        header.replaceSubrange(148..<156, with: checksum)
        let path = sandbox.root + "/huge.tar"
        try #require(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data(header))
        handle.write(Data(repeating: UInt8(ascii: " "), count: 76 << 20))
        try handle.close()
        let verify = try sandbox.limber(["archive", "verify", path], journal: nil)
        #expect(verify.exitCode == 3, "\(verify)")
        #expect(verify.stderr.contains("MANIFEST.json is"), "\(verify)")
        let (status, kib) = try peakResident(["archive", "verify", path], in: sandbox)
        #expect(status == 3 && kib < 64 * 1024, "peak \(kib) KiB")
    }

    @Test("what a killed archive create or restore left beside the target is removed by the next run")
    func staleTemporaries() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = try ours(sandbox)
        // Pid 2^22 + 1 is beyond Linux's pid_max: no process has it.
        let dead = 4_194_305
        let leftFile = sandbox.root + "/.b.tar.limber-tmp-\(dead)"
        let leftFolder = sandbox.root + "/.restored.limber-restore-\(dead)"
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: leftFile))
        try FileManager.default.createDirectory(atPath: leftFolder + "/devices", withIntermediateDirectories: true)
        #expect(try sandbox.limber("archive", "create", sandbox.root + "/b.tar").exitCode == 0)
        #expect(!FileManager.default.fileExists(atPath: leftFile))
        let restore = try sandbox.limber(["restore", sandbox.root + "/b.tar", "--to", sandbox.root + "/restored"], journal: nil)
        #expect(restore.exitCode == 0, "\(restore)")
        #expect(!FileManager.default.fileExists(atPath: leftFolder))
    }
}

extension Sandbox {
    /// A path inside the sandbox, for a second journal.
    struct Path {
        let path: String
        init(_ path: String) { self.path = path }
    }
}

extension Data {
    /// The data of every gzip member, inflated (with `gzip -dc`).
    func gunzipped() throws -> Data {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("gz-\(UUID())")
        try write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let output = input.path + ".out"
        process.arguments = ["-c", "gzip -dc < '\(input.path)' > '\(output)'"]
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: output) }
        return try Data(contentsOf: URL(fileURLWithPath: output))
    }
}
