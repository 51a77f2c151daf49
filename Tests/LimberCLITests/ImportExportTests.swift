import Foundation
import Glibc
import Testing

/// `import` and `export` on the real binary: round trips, re-imports, bad files, atomicity.
@Suite("import and export")
struct ImportExportTests {
    static let fixtures: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Fixtures/imports/"
    }()

    private func sessions(_ sandbox: Sandbox, _ journal: String? = nil) throws -> [[String: Any]] {
        let result = try sandbox.limber(["list", "--json"], journal: journal)
        try #require(result.exitCode == 0, "\(result)")
        return try result.jsonArray()
    }

    /// The `sessions` array of a JSON export, as canonical text for comparison.
    private func exportedSessions(_ sandbox: Sandbox, _ journal: String) throws -> String {
        let path = sandbox.root + "/io/compare.json"
        let result = try sandbox.limber(["export", "--output", path], journal: journal)
        try #require(result.exitCode == 0, "\(result)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let sessions = try #require(object?["sessions"])
        return String(decoding: try JSONSerialization.data(withJSONObject: sessions, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A journal with the awkward values a person enters: sides, pain, a stop for pain, a
    /// hold, pounds, notes with commas, quotes and line breaks.
    private func richJournal(_ sandbox: Sandbox) throws {
        try sandbox.initJournal()
        try sandbox.logSession(
            "--routine", "sciatica", "--pain-before", "6", "--pain-after", "4",
            "--set", "bird-dog:left=12,12,10!", "--note", "felt \"tight\", then better\nsecond line",
            "--at", "2026-11-20T07:30:00+01:00", "--duration", "25m")
        try sandbox.logSession(
            "--set", "rockback=10x12.5lb", "--set", "sciatic-nerve-glide:right=10",
            "--at", "2026-11-21 18:05")
    }

    @Test("JSON, CSV and events exports import into an empty journal as the same sessions", arguments: ["json", "csv", "events"])
    func roundTrip(_ format: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try richJournal(sandbox)
        let file = sandbox.root + "/io/export.\(format)"
        let export = try sandbox.limber(["export", "--format", format, "--output", file])
        try #require(export.exitCode == 0, "\(export)")
        let other = sandbox.root + "/other"
        try #require(try sandbox.limber(["init"], journal: other).exitCode == 0)
        let imported = try sandbox.limber(["import", file], journal: other)
        #expect(imported.exitCode == 0, "\(imported)")
        // 22 typed and prescribed sets, and bird dog's right side as prescribed (3).
        #expect(imported.stdout.contains("imported 2 new session(s) and 25 set(s)"), "\(imported)")
        #expect(try exportedSessions(sandbox, other) == exportedSessions(sandbox, sandbox.journal))
        let again = try sandbox.limber(["import", file], journal: other)
        #expect(again.stdout.contains("imported 0 new session(s)"), "\(again)")
        #expect(again.stdout.contains("2 session(s) already in the journal"), "\(again)")
    }

    @Test("a Hevy export imports once; the same file again adds nothing and leaves the log as it was")
    func hevyReimport() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let file = Self.fixtures + "hevy/sample_hevy.csv"
        let first = try sandbox.limber("import", file)
        #expect(first.exitCode == 0, "\(first)")
        #expect(first.stdout.contains("7211 set(s)"), "\(first)")
        let count = try sessions(sandbox).count
        #expect(count > 300)
        let before = try snapshot(sandbox.journal, ignoringCache: true)
        let second = try sandbox.limber("import", file)
        #expect(second.exitCode == 0)
        #expect(second.stdout.contains("imported 0 new session(s)"), "\(second)")
        try expectUnchanged(sandbox.journal, since: before, ignoringCache: true, "a re-import wrote")
        #expect(try sessions(sandbox).count == count)
    }

    @Test("a file with bad rows lists every problem with file, line and column, and writes nothing")
    func badRows() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=10")
        let before = try snapshot(sandbox.journal)
        let file = Self.fixtures + "bad/strong-bad-rows.csv"
        let result = try sandbox.limber("import", file)
        #expect(result.exitCode == 1)
        for place in [":7:7: Reps", ":14:6: Weight", ":21:1: Date", ":28:", ":36:4:"] {
            #expect(result.stderr.contains(file + place), "missing \(place) in \(result.stderr)")
        }
        #expect(result.stderr.contains("hint: fix those lines (nothing was imported)"))
        try expectUnchanged(sandbox.journal, since: before)
    }

    @Test("files that are not text or not UTF-8 are refused with the way to convert them", arguments: [
        ("bad/latin1.csv", "iconv -f LATIN1"), ("bad/utf16-bom.csv", "iconv -f UTF-16"),
        ("bad/junk.bin", "not a text file"), ("bad/empty.csv", "is empty"),
        ("bad/header-only.csv", "has a header but no rows"),
    ])
    func refusedFiles(_ name: String, _ expected: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let before = try snapshot(sandbox.journal, ignoringCache: true)
        let result = try sandbox.limber("import", Self.fixtures + name)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains(expected), "\(result)")
        #expect(result.stderr.split(separator: "\n").count <= 3, "one line and a hint: \(result.stderr)")
        try expectUnchanged(sandbox.journal, since: before, ignoringCache: true)
    }

    @Test("--dry-run reports what would change and writes nothing")
    func dryRun() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let before = try snapshot(sandbox.journal, ignoringCache: true)
        let result = try sandbox.limber("import", "--dry-run", "--unit", "kg", Self.fixtures + "strong/sample_strong.csv")
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("would import 15 new session(s) and 250 set(s)"), "\(result)")
        #expect(result.stdout.contains("would define 19 custom exercise(s)"), "\(result)")
        try expectUnchanged(sandbox.journal, since: before, ignoringCache: true)
    }

    @Test("--timezone gives another app's local times their offset")
    func timezone() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let result = try sandbox.limber("import", "--timezone", "+02:00", "--unit", "kg", Self.fixtures + "strong/sample_strong_legacy.csv")
        #expect(result.exitCode == 0, "\(result)")
        let starts = try sessions(sandbox).compactMap { $0["start"] as? String }
        #expect(starts.contains("2024-11-28T17:36:08+02:00"), "\(starts)")
        let berlin = try sandbox.limber(["import", "--dry-run", "--timezone", "Mars/Olympus", Self.fixtures + "strong/sample_strong_legacy.csv"])
        #expect(berlin.exitCode == 2)
    }

    @Test("two machines importing the same file merge without duplicates")
    func sameFileOnTwoMachines() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        // The second machine starts from a copy of the journal folder (DESIGN §2).
        let other = sandbox.root + "/other"
        try FileManager.default.copyItem(atPath: sandbox.journal, toPath: other)
        let file = Self.fixtures + "fitnotes/FitNotes_Export_2025_05_21_08_39_11.csv"
        #expect(try sandbox.limber("import", file).exitCode == 0)
        #expect(try sandbox.limber(["import", file], journal: other, environment: ["LIMBER_MACHINE_ID": "other"]).exitCode == 0)
        let count = try sessions(sandbox).count
        let merge = try sandbox.limber(["merge", other])
        #expect(merge.exitCode == 0, "\(merge)")
        #expect(try sessions(sandbox).count == count)
        let conflicts = try sandbox.limber("conflicts")
        #expect(conflicts.exitCode == 0, "the same content is no conflict: \(conflicts)")
    }

    /// Each session's sets by exercise and side, from a CSV export.
    private func setsBySession(_ sandbox: Sandbox, _ journal: String) throws -> [String: [String: [String]]] {
        let result = try sandbox.limber(["export", "--format", "csv"], journal: journal)
        try #require(result.exitCode == 0)
        var sets: [String: [String: [String]]] = [:]
        for line in result.stdout.components(separatedBy: "\r\n").dropFirst() where !line.isEmpty {
            let fields = line.components(separatedBy: ",")
            let key = fields[8] + ":" + fields[10]
            sets[fields[0], default: [:]][key, default: []].append(fields[14] + "x" + fields[15] + fields[16])
        }
        return sets
    }

    @Test("a later, larger export of the same app adds the sets it has more of, and only those")
    func laterExportExtends() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        // lifting.csv holds every row of the older export and 2,947 more on the same days.
        #expect(try sandbox.limber("import", Self.fixtures + "fitnotes/FitNotes_Export_2025_05_21_08_39_11.csv").exitCode == 0)
        let later = try sandbox.limber("import", Self.fixtures + "fitnotes/lifting.csv")
        #expect(later.stdout.contains("imported 149 new session(s) and 2947 set(s)"), "\(later)")
        #expect(later.stdout.contains("128 gained entries or sets this file adds"), "\(later)")
        let direct = sandbox.root + "/direct"
        #expect(try sandbox.limber(["init"], journal: direct).exitCode == 0)
        #expect(try sandbox.limber(["import", Self.fixtures + "fitnotes/lifting.csv"], journal: direct).exitCode == 0)
        #expect(try setsBySession(sandbox, sandbox.journal) == setsBySession(sandbox, direct), "as if only the later file had been imported")
    }

    @Test("export --output writes a 0600 file; events take no filter")
    func exportOutput() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try richJournal(sandbox)
        for format in ["json", "csv", "markdown", "events"] {
            let path = sandbox.root + "/io/out.\(format)"
            let result = try sandbox.limber(["export", "--format", format, "--output", path])
            #expect(result.exitCode == 0, "\(result)")
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(format)")
        }
        let listing = try FileManager.default.contentsOfDirectory(atPath: sandbox.root + "/io")
        #expect(!listing.contains { $0.contains("limber-tmp") }, "no temporary file is left: \(listing)")
        let markdown = try String(contentsOfFile: sandbox.root + "/io/out.markdown", encoding: .utf8)
        #expect(markdown.contains("(stopped: pain)"))
        #expect(markdown.contains("Pain 6/10 before, 4/10 after."))
        let csv = try String(contentsOfFile: sandbox.root + "/io/out.csv", encoding: .utf8)
        #expect(csv.hasPrefix("session_id,date,start,"))
        #expect(csv.components(separatedBy: "\r\n").count == 1 + 25 + 1, "a header, one row per set, the end: \(csv)")
        let filtered = try sandbox.limber("export", "--format", "events", "--since", "2026-01-01")
        #expect(filtered.exitCode == 2)
        let since = try sandbox.limber("export", "--format", "csv", "--since", "2026-11-21")
        #expect(since.stdout.components(separatedBy: "\r\n").count == 1 + 2 + 1, "the second session's two sets: \(since)")
    }

    @Test("export --output replaces an earlier export, but not a file of the person's own")
    func exportRefusesOwnFiles() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try richJournal(sandbox)
        let thesis = sandbox.root + "/thesis.md"
        try Data("my thesis".utf8).write(to: URL(fileURLWithPath: thesis))
        let refused = try sandbox.limber("export", "--output", thesis)
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderr.contains("is not a limber markdown export"), "\(refused)")
        #expect(refused.stderr.contains("--force"), "\(refused)")
        #expect(FileManager.default.contents(atPath: thesis) == Data("my thesis".utf8))
        #expect(try sandbox.limber("export", "--output", thesis, "--force").exitCode == 0)
        for name in ["log.md", "log.json", "log.csv", "log.jsonl"] {
            let path = sandbox.root + "/" + name
            #expect(try sandbox.limber("export", "--output", path).exitCode == 0, "\(name)")
            let again = try sandbox.limber("export", "--output", path)
            #expect(again.exitCode == 0, "an earlier export is replaced: \(again)")
            #expect(again.stdout.contains("wrote "), "\(again)")
        }
        #expect(try sandbox.limber("export", "--output", sandbox.root + "/io").exitCode != 0, "a folder")
    }

    @Test("an import killed at any moment leaves all of it or none of it")
    func killedImport() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        // Enough sessions for several gzip members, so the import goes through a staged segment.
        let count = 12_000
        var lines: [String] = []
        lines.reserveCapacity(count)
        for index in 0..<count {
            let id = String(format: "%08x-0000-4000-8000-%012x", index, index)
            lines.append(
                #"{"durationSeconds":1500,"entries":[{"exercise":"bird-dog","notes":"steady, no pain at all today","side":"left","sets":[{"kind":"normal","reps":12},{"kind":"normal","reps":12},{"kind":"warmup","reps":10,"weight":{"unit":"kg","value":5}}]}],"id":"\#(id)","notes":"a session note long enough to make the file bigger than one member","painAfter":3,"painBefore":5,"routine":"sciatica","start":"2026-01-01T07:30:00+01:00"}"#)
        }
        let file = sandbox.root + "/io/big.json"
        try (#"{"format":"limber.export","version":1,"sessions":["# + "\n" + lines.joined(separator: ",\n") + "\n]}\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let start = Date()
        let full = sandbox.root + "/timing"
        #expect(try sandbox.limber(["init"], journal: full).exitCode == 0)
        #expect(try sandbox.limber(["import", file], journal: full).exitCode == 0)
        let duration = Date().timeIntervalSince(start)
        var outcomes: Set<Int> = []
        for round in 0..<6 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: LimberBinary.path)
            process.arguments = ["import", file, "--journal", sandbox.journal]
            process.environment = sandbox.environment()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(duration * 1_000_000 * Double(round + 1) / 7))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let listed = try sessions(sandbox).count
            #expect(listed == 0 || listed == count, "a partial import: \(listed) of \(count)")
            outcomes.insert(listed)
            let verify = try sandbox.limber("verify")
            #expect(verify.exitCode == 0, "\(verify)")
            if listed == count { break }
        }
        #expect(outcomes.contains(0), "at least one import was killed before it committed")
        let staging = sandbox.journal + "/local/staging"
        // The next writer clears what a killed one staged.
        #expect(try sandbox.limber("import", file).exitCode == 0)
        #expect(try sessions(sandbox).count == count)
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? []
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
