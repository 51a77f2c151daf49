import Foundation
import Testing

@Suite("verify, repair, torn writes and the on-disk format")
struct IntegrityTests {
    /// A journal with three sessions, one member each, and the second member's byte in the
    /// middle flipped.
    struct Damaged {
        let sandbox: Sandbox
        let ids: [String]
        let segment: String
        let damagedOffset: Int
        let damagedSize: Int

        init() throws {
            let sandbox = try Sandbox()
            self.sandbox = sandbox
            var done = false
            defer { if !done { sandbox.remove() } }
            try sandbox.initJournal()
            var ids: [String] = []
            for reps in 10...12 {
                ids.append(
                    try sandbox.logSession("--set", "rockback=\(reps)", "--note", "session \(reps)")
                )
            }
            self.ids = ids
            segment = try JournalFiles.onlySegment(sandbox.journal)
            var bytes = try #require(FileManager.default.contents(atPath: segment))
            let members = try JournalFiles.members(of: bytes)
            try #require(members.count == 3, "\(members)")
            damagedOffset = members[1].offset
            damagedSize = members[1].size
            let middle = members[1].offset + members[1].size / 2
            bytes[middle] ^= 0xFF
            try bytes.write(to: URL(fileURLWithPath: segment))
            done = true
        }
    }

    @Test("verify on a clean journal exits 0")
    func verifyClean() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let empty = try sandbox.limber("verify")
        #expect(empty.exitCode == 0, "\(empty)")
        for reps in 10...12 { try sandbox.logSession("--set", "rockback=\(reps)") }
        #expect(
            try sandbox.limber(
                "amend",
                String(
                    try sandbox.limber("list", "--json").decode([SessionJSON].self)[0].id.prefix(8)),
                "--note", "n"
            ).exitCode == 0)
        let before = try FolderSnapshot(sandbox.journal)
        let result = try sandbox.limber("verify")
        #expect(result.exitCode == 0, "\(result)")
        #expect(!result.stdout.lowercased().contains("error"), "\(result)")
        let json = try sandbox.limber("verify", "--json")
        #expect(json.exitCode == 0, "\(json)")
        let report = try json.jsonObject()
        #expect(report["clean"] as? Bool == true)
        #expect(report["events"] as? Int == 5, "with the device.named of the first commit")
        #expect((report["problems"] as? [Any])?.isEmpty == true)
        // verify writes nothing, not even the lock.
        #expect(try FolderSnapshot(sandbox.journal) == before)
    }

    @Test("a flipped byte inside a segment: verify exits 3 naming the file and byte offset")
    func verifyFindsCorruption() throws {
        let damaged = try Damaged()
        let sandbox = damaged.sandbox
        defer { sandbox.remove() }
        let before = try FolderSnapshot(sandbox.journal)
        let result = try sandbox.limber("verify")
        #expect(result.exitCode == 3, "\(result)")
        let output = result.stdout + result.stderr
        let name = URL(fileURLWithPath: damaged.segment).lastPathComponent
        // The offset named is where the damaged member starts, or a byte inside it.
        let damagedRange = damaged.damagedOffset..<(damaged.damagedOffset + damaged.damagedSize)
        let named = output.split(separator: "\n").filter { $0.contains(name) }.flatMap { line in
            line.matches(of: /byte (\d+)/).compactMap { Int($0.1) }
        }
        #expect(
            named.contains { damagedRange.contains($0) },
            "no line names \(name) and a byte in \(damagedRange): \(result)")

        let json = try sandbox.limber("verify", "--json")
        #expect(json.exitCode == 3, "\(json)")
        let problems = try #require(try json.jsonObject()["problems"] as? [[String: Any]])
        #expect(
            problems.contains {
                ($0["file"] as? String)?.hasSuffix(name) == true
                    && damagedRange.contains($0["offset"] as? Int ?? -1)
            }, "\(json)")
        #expect(try FolderSnapshot(sandbox.journal) == before, "verify changed the journal")

        // Reading still works: the valid members' sessions are listed, with a warning.
        let beforeList = try snapshot(sandbox.journal, ignoringCache: true)
        let list = try sandbox.limber("list", "--json")
        #expect(list.exitCode == 0, "\(list)")
        #expect(
            Set(try list.decode([SessionJSON].self).map(\.id)) == [damaged.ids[0], damaged.ids[2]])
        #expect(!list.stderr.isEmpty, "no damage warning on stderr")
        try expectUnchanged(
            sandbox.journal, since: beforeList, ignoringCache: true, "list changed the journal")
    }

    @Test("repair keeps a *.corrupt copy and every valid member; verify is then clean")
    func repairThenVerify() throws {
        let damaged = try Damaged()
        let sandbox = damaged.sandbox
        defer { sandbox.remove() }
        let original = try #require(FileManager.default.contents(atPath: damaged.segment))
        let repair = try sandbox.limber("repair")
        #expect(repair.exitCode == 0, "\(repair)")
        let folder = URL(fileURLWithPath: damaged.segment).deletingLastPathComponent().path
        let corrupt = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.hasSuffix(".corrupt")
        }
        #expect(corrupt.count == 1, "\(corrupt)")
        if let name = corrupt.first {
            #expect(
                FileManager.default.contents(atPath: folder + "/" + name) == original,
                "the .corrupt copy is not the original")
        }

        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 0, "\(verify)")
        let errors = verify.stdoutLines.filter { $0.lowercased().hasPrefix("error") }
        #expect(errors.isEmpty, "verify still reports errors after repair: \(verify)")

        let list = try sandbox.limber("list", "--json")
        #expect(list.exitCode == 0, "\(list)")
        #expect(
            Set(try list.decode([SessionJSON].self).map(\.id)) == [damaged.ids[0], damaged.ids[2]])
    }

    @Test("after repair the journal takes new sessions")
    func logAfterRepair() throws {
        let damaged = try Damaged()
        let sandbox = damaged.sandbox
        defer { sandbox.remove() }
        #expect(try sandbox.limber("repair").exitCode == 0)
        let id = try sandbox.logSession("--set", "rockback=9")
        let ids = try sandbox.limber("list", "--json").decode([SessionJSON].self).map(\.id)
        #expect(Set(ids) == [damaged.ids[0], damaged.ids[2], id])
    }

    @Test(
        "a torn write at the end of a segment: reads ignore it, the next write cuts it, verify is clean"
    )
    func tornWrite() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        var ids: [String] = []
        for reps in 10...12 { ids.append(try sandbox.logSession("--set", "rockback=\(reps)")) }
        let segment = try JournalFiles.onlySegment(sandbox.journal)
        let intact = try #require(FileManager.default.contents(atPath: segment))
        let members = try JournalFiles.members(of: intact)
        let torn = intact.subdata(in: members[1].offset..<(members[1].offset + 30))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: segment))
        try handle.seekToEnd()
        try handle.write(contentsOf: torn)
        try handle.close()
        let withTail = try snapshot(sandbox.journal, ignoringCache: true)

        let list = try sandbox.limber("list", "--json")
        #expect(list.exitCode == 0, "\(list)")
        #expect(try list.decode([SessionJSON].self).map(\.id).sorted() == ids.sorted())
        try expectUnchanged(
            sandbox.journal, since: withTail, ignoringCache: true, "a reader changed the journal")

        let next = try sandbox.logSession("--set", "rockback=13")
        let after = try #require(FileManager.default.contents(atPath: segment))
        #expect(after.prefix(intact.count) == intact, "the writer changed acknowledged bytes")
        #expect(try JournalFiles.members(of: after).count == 4, "the torn tail is still there")

        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 0, "\(verify)")
        #expect(
            verify.stdoutLines.allSatisfy { !$0.hasPrefix("warning") && !$0.hasPrefix("error") },
            "\(verify)")
        let all = try sandbox.limber("list", "--json").decode([SessionJSON].self).map(\.id)
        #expect(all.sorted() == (ids + [next]).sorted())
    }

    @Test("zcat reads every segment as JSON Lines of DESIGN §4 events, seq 1…N, prev chained")
    func zcatReadsSegments() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let id = try sandbox.logSession("--set", "rockback=10")
        try sandbox.logSession("--routine", "sciatica")
        #expect(try sandbox.limber("amend", id, "--note", "x").exitCode == 0)
        #expect(try sandbox.limber("profile", "--add", "herniated-disc").exitCode == 0)
        #expect(try sandbox.limber("delete", id).exitCode == 0)

        let segments = try JournalFiles.segments(sandbox.journal)
        try #require(!segments.isEmpty)
        var byDevice: [String: [(line: String, event: EventJSON)]] = [:]
        for segment in segments {
            let result = try sandbox.run("/usr/bin/zcat", [segment])
            #expect(result.exitCode == 0, "\(result)")
            #expect(result.stdout.hasSuffix("\n"), "the last line has no newline")
            let device = URL(fileURLWithPath: segment).deletingLastPathComponent().lastPathComponent
            for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast()
            {
                let data = Data(line.utf8)
                let object = try #require(
                    try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(line)")
                #expect(Set(object.keys) == DesignKeys.event, "\(line)")
                let event = try JSONDecoder().decode(EventJSON.self, from: data)
                #expect(event.v == 1)
                #expect(event.dev == device)
                #expect(UUID(uuidString: event.id) != nil)
                #expect(
                    event.hlc.range(of: #"^\d{16}-\d{4}$"#, options: .regularExpression) != nil,
                    "\(event.hlc)")
                byDevice[device, default: []].append((String(line), event))
            }
        }
        let events = byDevice.values.flatMap { $0 }
        #expect(events.count == 6, "with the device.named of the first commit")
        #expect(Set(events.map(\.event.id)).count == events.count, "ids are not unique")
        #expect(
            events.map(\.event.type).sorted() == [
                "device.named", "profile.set", "session.amended", "session.deleted", "session.logged",
                "session.logged",
            ])
        for (_, chain) in byDevice {
            #expect(chain.map(\.event.seq) == Array(1...chain.count))
            #expect(chain.first?.event.prev == String(repeating: "0", count: 64))
            #expect(chain.first?.event.parents == [])
            for (previous, next) in zip(chain, chain.dropFirst()) {
                #expect(
                    next.event.prev == (try sha256(previous.line, in: sandbox)),
                    "seq \(next.event.seq)")
                #expect(next.event.hlc > previous.event.hlc)
            }
        }
    }

    /// The SHA-256 (hex) of `text`, by `sha256sum`.
    private func sha256(_ text: String, in sandbox: Sandbox) throws -> String {
        let result = try sandbox.run("/usr/bin/sha256sum", [], stdin: text)
        return String(result.stdout.prefix(64))
    }
}
