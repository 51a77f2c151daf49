import Foundation
import Glibc
import Testing

/// `archive create|verify|list`, `restore FILE --to DIR` and `merge FILE` on the real binary,
/// with real journals (docs/ARCHIVE.md).
@Suite("archive, restore --to and merge of an archive")
struct ArchiveTests {
    static let passphrase = "hunter2 but longer"
    /// scrypt made cheap for tests; the value is recorded in the archive.
    static let cheap = ["LIMBER_SCRYPT_N": "1024"]
    static let secret = ["LIMBER_SCRYPT_N": "1024", "LIMBER_PASSPHRASE": passphrase]

    static let hevy: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Fixtures/imports/hevy/sample_hevy.csv"
    }()

    // MARK: - Helpers

    /// A journal with two sessions logged by hand.
    private func smallJournal(_ sandbox: Sandbox) throws {
        try sandbox.initJournal()
        try sandbox.logSession(
            "--routine", "sciatica", "--pain-before", "6", "--set", "bird-dog:left=12,12,10!",
            "--note", "felt \"tight\"", "--at", "2026-11-20T07:30:00+01:00")
        try sandbox.logSession("--set", "rockback=10x12.5lb", "--at", "2026-11-21 18:05")
    }

    /// A journal with the Hevy sample imported: a segment of about 100 KiB, so an encrypted
    /// archive has two 64 KiB chunks.
    private func bigJournal(_ sandbox: Sandbox) throws {
        try sandbox.initJournal()
        let imported = try sandbox.limber("import", Self.hevy)
        try #require(imported.exitCode == 0, "\(imported)")
        try sandbox.logSession("--set", "rockback=10")
    }

    private func listJSON(_ sandbox: Sandbox, _ journal: String) throws -> String {
        let result = try sandbox.limber(["list", "--json"], journal: journal)
        try #require(result.exitCode == 0, "\(result)")
        return result.stdout
    }

    /// `archive create FILE` (`--encrypt` when `encrypted`), required to succeed.
    private func create(_ sandbox: Sandbox, _ file: String, encrypted: Bool, journal: String? = nil)
        throws
    {
        let result = try sandbox.limber(
            ["archive", "create", file] + (encrypted ? ["--encrypt"] : []), journal: journal,
            environment: encrypted ? Self.secret : Self.cheap)
        try #require(result.exitCode == 0, "\(result)")
    }

    /// Runs `limber ARGS` without `--journal` (`archive verify` and `archive list` take none).
    @discardableResult
    private func limber(
        _ sandbox: Sandbox, _ arguments: [String], environment: [String: String],
        stdin: String? = nil
    ) throws -> CLIResult {
        try sandbox.run(LimberBinary.path, arguments, environment: environment, stdin: stdin)
    }

    private func bytes(_ path: String) throws -> Data {
        try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
    }

    private func mode(_ path: String) -> UInt32? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return UInt32(status.st_mode) & 0o7777
    }

    /// Entries of the folder that hold `.limber-` (temporary files and folders of limber).
    private func leftovers(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.contains(".limber-")
        }
    }

    /// Everything in the sandbox but the runner's stdout/stderr files, the journal's lock and
    /// its cache (derived, "deletable at any time": DESIGN §2).
    private func sandboxSnapshot(_ sandbox: Sandbox) throws -> FolderSnapshot {
        try FolderSnapshot(
            sandbox.root, excluding: ["j/local/lock"], excludingFolders: ["io", "j/local/cache"])
    }

    /// Asserts nothing in the sandbox changed since `before`.
    private func expectNothingWritten(
        _ sandbox: Sandbox, since before: FolderSnapshot, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let after = try sandboxSnapshot(sandbox)
        #expect(
            after == before, "\(what): \(before.differences(from: after))",
            sourceLocation: sourceLocation)
    }

    /// A plain tar's entries: name (pax path if any), type flag, content offset and size.
    private func tarEntries(_ data: Data) throws -> [(
        name: String, type: UInt8, offset: Int, size: Int
    )] {
        let bytes = [UInt8](data)
        var result: [(name: String, type: UInt8, offset: Int, size: Int)] = []
        var offset = 0
        var paxPath: String?
        while offset + 512 <= bytes.count,
            bytes[offset..<(offset + 512)].contains(where: { $0 != 0 })
        {
            let block = bytes[offset..<(offset + 512)]
            let name = String(decoding: block.prefix(100).prefix { $0 != 0 }, as: UTF8.self)
            let sizeText = String(decoding: block.dropFirst(124).prefix(11), as: UTF8.self)
            let size = try #require(Int(sizeText, radix: 8), "size \(sizeText)")
            let type = block[offset + 156]
            let content = offset + 512
            if type == UInt8(ascii: "x") {
                let records = String(decoding: bytes[content..<(content + size)], as: UTF8.self)
                paxPath =
                    records.split(separator: "\n").compactMap { line in
                        line.range(of: " path=").map { String(line[$0.upperBound...]) }
                    }.first
            } else {
                result.append((paxPath ?? name, type, content, size))
                paxPath = nil
            }
            offset = content + (size + 511) / 512 * 512
        }
        return result
    }

    /// The header line's length of an encrypted archive.
    private func headerLength(_ data: Data) throws -> Int {
        try #require(data.firstIndex(of: 0x0A)) + 1
    }

    /// Runs `restore FILE --to <root>/restored`, and checks that it failed with `exitCode`
    /// and left nothing: no target, no temporary folder beside it.
    @discardableResult
    private func expectRestoreRefused(
        _ sandbox: Sandbox, _ file: String, exitCode: Int32, environment: [String: String] = secret,
        _ message: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLIResult {
        let target = sandbox.root + "/restored"
        let result = try sandbox.limber(
            ["restore", file, "--to", target], environment: environment)
        #expect(result.exitCode == exitCode, "\(result)", sourceLocation: sourceLocation)
        if let message {
            #expect(result.stderr.contains(message), "\(result)", sourceLocation: sourceLocation)
        }
        #expect(
            !FileManager.default.fileExists(atPath: target), "restore left \(target)",
            sourceLocation: sourceLocation)
        let left = try leftovers(in: sandbox.root)
        #expect(left.isEmpty, "\(left)", sourceLocation: sourceLocation)
        return result
    }

    // MARK: - Round trips

    @Test(
        "create, verify, list and restore: the restored journal has the same sessions, verifies, and writes as a new device",
        arguments: [false, true])
    func roundTrip(_ encrypted: Bool) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try smallJournal(sandbox)
        let file = sandbox.root + "/backup"
        try create(sandbox, file, encrypted: encrypted)
        let environment = encrypted ? Self.secret : Self.cheap
        #expect(mode(file) == 0o600)
        let verify = try limber(sandbox, ["archive", "verify", file], environment: environment)
        #expect(verify.exitCode == 0, "\(verify)")
        let segment = try JournalFiles.onlySegment(sandbox.journal)
        let members = try JournalFiles.members(of: bytes(segment)).count
        #expect(
            verify.stdout.hasPrefix("ok: 2 file(s), 1 segment(s), \(members) member(s)"),
            "\(verify)")
        let list = try limber(
            sandbox, ["archive", "list", file, "--json"], environment: environment)
        #expect(list.exitCode == 0, "\(list)")
        let summary = try list.jsonObject()
        #expect(summary["encrypted"] as? Bool == encrypted)
        let relative = String(segment.dropFirst(sandbox.journal.count + 1))
        let files = try #require(summary["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["path"] as? String } == ["limber.json", relative])
        #expect(files.last?["size"] as? Int == (try bytes(segment).count))

        let target = sandbox.root + "/restored"
        let restore = try sandbox.limber(
            ["restore", file, "--to", target], environment: environment)
        #expect(restore.exitCode == 0, "\(restore)")
        #expect(try leftovers(in: sandbox.root).isEmpty)
        #expect(
            !FileManager.default.fileExists(atPath: target + "/local"),
            "no local/ until the first write")
        #expect(try bytes(target + "/" + relative) == bytes(segment))
        #expect(try bytes(target + "/limber.json") == bytes(sandbox.journal + "/limber.json"))
        #expect(try listJSON(sandbox, target) == listJSON(sandbox, sandbox.journal))
        let verified = try sandbox.limber(["verify"], journal: target)
        #expect(verified.exitCode == 0, "\(verified)")

        #expect(try sandbox.limber(["log", "--set", "rockback=8"], journal: target).exitCode == 0)
        let devices = try sandbox.limber(["devices", "--json"], journal: target).jsonArray()
        #expect(devices.count == 2, "\(devices)")
        let original = try JournalFiles.devices(sandbox.journal)
        let mine = devices.filter { $0["mine"] as? Bool == true }.compactMap {
            $0["device"] as? String
        }
        #expect(
            mine.count == 1 && !original.contains(mine[0]),
            "the restored journal writes as a new device: \(devices)")
        #expect(try sandbox.limber(["verify"], journal: target).exitCode == 0)
    }

    @Test(
        "a restored Hevy journal lists the same 336 sessions, from a plain and an encrypted archive",
        arguments: [false, true])
    func bigRoundTrip(_ encrypted: Bool) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try bigJournal(sandbox)
        let file = sandbox.root + "/backup"
        try create(sandbox, file, encrypted: encrypted)
        let target = sandbox.root + "/restored"
        let restore = try sandbox.limber(
            ["restore", file, "--to", target], environment: encrypted ? Self.secret : Self.cheap)
        #expect(restore.exitCode == 0, "\(restore)")
        let restored = try listJSON(sandbox, target)
        #expect(restored == (try listJSON(sandbox, sandbox.journal)))
        #expect(try sandbox.limber(["list", "--json"], journal: target).jsonArray().count == 336)
    }

    @Test("archives are mode 0600, also when they replace an archive that was 0644")
    func modes() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try smallJournal(sandbox)
        for (name, encrypted) in [("plain.tar", false), ("sealed.lba", true)] {
            let file = sandbox.root + "/" + name
            try create(sandbox, file, encrypted: encrypted)
            let old = try bytes(file)
            chmod(file, 0o644)
            try sandbox.logSession("--set", "rockback=3")
            try create(sandbox, file, encrypted: encrypted)
            #expect(mode(file) == 0o600, "\(name)")
            #expect(try bytes(file) != old, "replaced by the new archive")
        }
        #expect(try leftovers(in: sandbox.root).isEmpty)
    }

    @Test("archive create refuses a folder and a place inside the journal; verify refuses a file that is no archive")
    func refusesBadTargets() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try smallJournal(sandbox)
        let folder = try sandbox.limber(["archive", "create", sandbox.root + "/io", "--force"], environment: Self.cheap)
        #expect(folder.exitCode == 1, "\(folder)")
        #expect(folder.stderr.contains("is a folder"), "\(folder)")
        let inside = try sandbox.limber(["archive", "create", sandbox.journal + "/backup.tar"], environment: Self.cheap)
        #expect(inside.exitCode == 1, "\(inside)")
        #expect(inside.stderr.contains("inside the journal folder"), "\(inside)")
        let csv = sandbox.root + "/sets.csv"
        try Data("session_id,date\n".utf8).write(to: URL(fileURLWithPath: csv))
        let verify = try limber(sandbox, ["archive", "verify", csv], environment: Self.cheap)
        #expect(verify.exitCode == 1, "\(verify)")
        #expect(verify.stderr.contains("is not a limber archive"), "\(verify)")
        #expect(!verify.stderr.contains("restored"), "\(verify)")
        // A JSON file is no encrypted archive: refused, not asked for a passphrase.
        let json = sandbox.root + "/journal.json"
        #expect(try sandbox.limber(["export", "--output", json]).exitCode == 0)
        for command in [["archive", "verify", json], ["restore", json, "--to", sandbox.root + "/r"]] {
            let result = try limber(sandbox, command, environment: Self.cheap)
            #expect(result.exitCode == 1, "\(command): \(result)")
            #expect(result.stderr.contains("is not a limber archive"), "\(result)")
        }
    }

    @Test("archive create refuses to replace a file that is not a limber archive, unless --force")
    func refusesToOverwriteOtherFiles() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try smallJournal(sandbox)
        for (name, encrypted) in [("notes.txt", false), ("thesis.tar", true)] {
            let file = sandbox.root + "/" + name
            try Data("my own file".utf8).write(to: URL(fileURLWithPath: file))
            let refused = try sandbox.limber(
                ["archive", "create", file] + (encrypted ? ["--encrypt"] : []),
                environment: encrypted ? Self.secret : Self.cheap)
            #expect(refused.exitCode == 1, "\(refused)")
            #expect(refused.stderr.contains("is not a limber archive"), "\(refused)")
            #expect(refused.stderr.contains("--force"), "\(refused)")
            #expect(try bytes(file) == Data("my own file".utf8), "left as it was")
            let forced = try sandbox.limber(
                ["archive", "create", file, "--force"] + (encrypted ? ["--encrypt"] : []),
                environment: encrypted ? Self.secret : Self.cheap)
            #expect(forced.exitCode == 0, "\(forced)")
            #expect(try bytes(file) != Data("my own file".utf8))
        }
        #expect(try leftovers(in: sandbox.root).isEmpty)
    }

    @Test(
        "tar lists a plain archive in the documented order without local/, and tar -xf gives a journal that opens"
    )
    func standardTar() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try smallJournal(sandbox)
        #expect(FileManager.default.fileExists(atPath: sandbox.journal + "/local/device.json"))
        try create(sandbox, sandbox.root + "/backup.tar", encrypted: false)
        let device = try #require(try JournalFiles.devices(sandbox.journal).first)
        let list = try sandbox.run("/usr/bin/env", ["tar", "-tf", "backup.tar"])
        #expect(list.exitCode == 0, "\(list)")
        #expect(
            list.stdoutLines == [
                "MANIFEST.json", "limber.json", "devices/", "devices/\(device)/",
                "devices/\(device)/0000000000000001.jsonl.gz",
            ])
        #expect(!list.stdout.contains("local"))
        let extracted = sandbox.root + "/by-hand"
        try FileManager.default.createDirectory(
            atPath: extracted, withIntermediateDirectories: false)
        let extract = try sandbox.run(
            "/usr/bin/env", ["tar", "-xf", "backup.tar", "-C", extracted])
        #expect(extract.exitCode == 0, "\(extract)")
        try FileManager.default.removeItem(atPath: extracted + "/MANIFEST.json")
        #expect(try sandbox.limber(["verify"], journal: extracted).exitCode == 0)
        #expect(try listJSON(sandbox, extracted) == listJSON(sandbox, sandbox.journal))
    }

    @Test(
        "merge of another journal's archive, plain or encrypted, brings in its sessions",
        arguments: [false, true])
    func mergeArchive(_ encrypted: Bool) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try smallJournal(sandbox)
        let other = sandbox.root + "/other"
        let machine = ["LIMBER_MACHINE_ID": "other-machine"]
        #expect(try sandbox.limber(["init"], journal: other, environment: machine).exitCode == 0)
        for reps in [5, 6, 7] {
            let log = try sandbox.limber(
                ["log", "--set", "rockback=\(reps)"], journal: other, environment: machine)
            #expect(log.exitCode == 0, "\(log)")
        }
        let file = sandbox.root + "/other-backup"
        try create(sandbox, file, encrypted: encrypted, journal: other)
        let before = try sandbox.limber(["list", "--json"]).jsonArray().count
        let refused = try sandbox.limber(
            ["merge", file], environment: encrypted ? Self.secret : Self.cheap)
        #expect(refused.exitCode == 1, "another journal's backup needs --join: \(refused)")
        #expect(refused.stderr.contains("is another journal"), "\(refused)")
        let merge = try sandbox.limber(
            ["merge", file, "--join"], environment: encrypted ? Self.secret : Self.cheap)
        #expect(merge.exitCode == 0, "\(merge)")
        let ids = try sandbox.limber(["list", "--json"]).jsonArray().compactMap {
            $0["id"] as? String
        }
        let otherIDs = try sandbox.limber(["list", "--json"], journal: other).jsonArray().compactMap
        { $0["id"] as? String }
        #expect(ids.count == before + 3)
        #expect(Set(otherIDs).isSubset(of: Set(ids)))
        #expect(try sandbox.limber("verify").exitCode == 0)
        let local = try FileManager.default.contentsOfDirectory(atPath: sandbox.journal + "/local")
        #expect(
            !local.contains { $0.hasPrefix("archive-") || $0.contains(".limber-merge-") },
            "the unpacked archive stays behind: \(local)")
        // Joined once, the two are one journal: no --join needed again.
        let again = try sandbox.limber(
            ["merge", file], environment: encrypted ? Self.secret : Self.cheap)
        #expect(again.exitCode == 0, "\(again)")
        #expect(try sandbox.limber(["list", "--json"]).jsonArray().count == before + 3)
    }

    // MARK: - Refusals

    /// Writes a tar made with Python's tarfile: MANIFEST.json listing limber.json (of the
    /// sandbox's journal), limber.json, devices/, then the hostile entry `kind` (none for "none").
    private func hostileTar(_ sandbox: Sandbox, _ kind: String) throws -> String {
        let script = """
            import hashlib, io, json, sys, tarfile
            out, kind, journal, root = sys.argv[1:5]
            limber = open(journal + "/limber.json", "rb").read()
            files = [{"path": "limber.json", "sha256": hashlib.sha256(limber).hexdigest(), "size": len(limber)}]
            if kind == "manifest-dotdot":
                files.append({"path": "../evil", "sha256": hashlib.sha256(b"x").hexdigest(), "size": 1})
            manifest = json.dumps({"created": "2026-11-25T08:00:00Z", "files": files, "format": "limber.archive",
                                   "journal": json.loads(limber)["journal"], "version": 1}).encode()
            def entry(name, data=b"", type=tarfile.REGTYPE, **fields):
                info = tarfile.TarInfo(name)
                info.size, info.type, info.mode, info.mtime = len(data), type, 0o600, 1795000000
                for key, value in fields.items(): setattr(info, key, value)
                t.addfile(info, io.BytesIO(data) if data else None)
            loose = kind == "modes"
            with tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as t:
                entry("MANIFEST.json", manifest)
                entry("limber.json", limber, mode=0o4777 if loose else 0o600, uid=1000 if loose else 0)
                entry("devices", type=tarfile.DIRTYPE, mode=0o777 if loose else 0o700)
                if kind == "absolute": entry(root + "/evil", b"x")
                if kind == "dotdot": entry("../evil", b"x")
                if kind == "dotdot-deep": entry("devices/0123456789abcdef/../../../evil", b"x")
                if kind == "symlink":
                    entry("devices/0123456789abcdef", type=tarfile.SYMTYPE, linkname=root)
                    entry("devices/0123456789abcdef/0000000000000001.jsonl.gz", b"x")
                if kind == "hardlink": entry("devices/0123456789abcdef", type=tarfile.LNKTYPE, linkname="limber.json")
                if kind == "chardev": entry("devices/null", type=tarfile.CHRTYPE, devmajor=1, devminor=3)
                if kind == "fifo": entry("devices/fifo", type=tarfile.FIFOTYPE)
                if kind == "extra-file": entry("notes.txt", b"x")
            """
        let scriptPath = sandbox.root + "/io/hostile.py"
        try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
        let file = sandbox.root + "/hostile-\(kind).tar"
        let made = try sandbox.run(
            "/usr/bin/env", ["python3", scriptPath, file, kind, sandbox.journal, sandbox.root])
        try #require(made.exitCode == 0, "\(made)")
        return file
    }

    @Test(
        "a tar made by another tool with only what limber writes restores (the hostile tars below differ only in their entry)"
    )
    func foreignTarRestores() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let file = try hostileTar(sandbox, "none")
        let result = try sandbox.limber(
            ["restore", file, "--to", sandbox.root + "/restored"], environment: Self.cheap)
        #expect(result.exitCode == 0, "\(result)")
        #expect(try sandbox.limber(["verify"], journal: sandbox.root + "/restored").exitCode == 0)
    }

    @Test("restore ignores the modes and owners in a tar: files are 0600 and folders 0700")
    func foreignModes() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let file = try hostileTar(sandbox, "modes")
        let target = sandbox.root + "/restored"
        let result = try sandbox.limber(["restore", file, "--to", target], environment: Self.cheap)
        #expect(result.exitCode == 0, "\(result)")
        #expect(mode(target + "/limber.json") == 0o600)
        #expect(mode(target + "/devices") == 0o700)
        #expect(mode(target) == 0o700)
    }

    @Test(
        "restore refuses a tar with an unsafe entry, exit 3, writing nothing anywhere",
        arguments: [
            ("absolute", "an absolute path"), ("dotdot", "a path with .."),
            ("dotdot-deep", "a path with .."),
            ("symlink", "a link"), ("hardlink", "a link"), ("chardev", "a device file"),
            ("fifo", "a pipe"),
            ("extra-file", "not a file of a journal"), ("manifest-dotdot", "a path with .."),
        ])
    func hostile(_ kind: String, _ reason: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let file = try hostileTar(sandbox, kind)
        let before = try sandboxSnapshot(sandbox)
        let result = try expectRestoreRefused(
            sandbox, file, exitCode: 3, environment: Self.cheap, reason)
        #expect(result.stderr.contains("unsafe entry"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/evil"))
        try expectNothingWritten(sandbox, since: before, "restore wrote")
        // Neither verify nor merge takes it.
        #expect(
            try limber(sandbox, ["archive", "verify", file], environment: Self.cheap).exitCode == 3)
        #expect(try sandbox.limber(["merge", file], environment: Self.cheap).exitCode == 3)
    }

    @Test("restore refuses a folder that exists and is not empty, and leaves it as it was")
    func nonEmptyTarget() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try smallJournal(sandbox)
        let file = sandbox.root + "/backup.tar"
        try create(sandbox, file, encrypted: false)
        let target = sandbox.root + "/full"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: target + "/notes.txt"))
        let before = try sandboxSnapshot(sandbox)
        let result = try sandbox.limber(["restore", file, "--to", target], environment: Self.cheap)
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("exists and is not empty"), "\(result)")
        try expectNothingWritten(sandbox, since: before, "restore wrote")
        let journal = try sandbox.limber(
            ["restore", file, "--to", sandbox.journal], environment: Self.cheap)
        #expect(journal.exitCode != 0, "restore over a live journal: \(journal)")
        try expectNothingWritten(sandbox, since: before, "restore over the journal wrote")
    }

    @Test(
        "an archive whose segment bytes were changed: restore refuses it, archive verify exits 3; neither writes anything",
        arguments: [false, true])
    func alteredSegment(_ encrypted: Bool) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try bigJournal(sandbox)
        let file = sandbox.root + "/backup"
        try create(sandbox, file, encrypted: encrypted)
        var data = try bytes(file)
        if encrypted {
            // A byte in the middle of the second chunk.
            data[try headerLength(data) + 65552 + 1000] ^= 0x04
        } else {
            let segment = try #require(
                try tarEntries(data).first { $0.name.hasSuffix(".jsonl.gz") })
            data[segment.offset + segment.size / 2] ^= 0x04
        }
        try data.write(to: URL(fileURLWithPath: file))
        let before = try sandboxSnapshot(sandbox)
        let verify = try limber(sandbox, ["archive", "verify", file], environment: Self.secret)
        #expect(verify.exitCode == 3, "\(verify)")
        #expect(
            verify.stderr.contains(encrypted ? "changed or damaged" : "does not have the SHA-256"),
            "\(verify)")
        try expectNothingWritten(sandbox, since: before, "archive verify wrote")
        try expectRestoreRefused(sandbox, file, exitCode: 3)
        try expectNothingWritten(sandbox, since: before, "restore wrote")
        #expect(try sandbox.limber(["merge", file], environment: Self.secret).exitCode == 3)
        try expectNothingWritten(sandbox, since: before, "merge wrote")
    }

    @Test("a torn last member is left out of the archive, which verifies; it is said")
    func tornTailLeftOut() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try smallJournal(sandbox)
        let segment = try JournalFiles.onlySegment(sandbox.journal)
        var data = try bytes(segment)
        data[data.count - 3] ^= 0x10  // in the last member's ISIZE
        try data.write(to: URL(fileURLWithPath: segment))
        let file = sandbox.root + "/backup.tar"
        let made = try sandbox.limber(["archive", "create", file], journal: nil, environment: Self.cheap)
        #expect(made.exitCode == 0, "\(made)")
        #expect(made.stderr.contains("left out devices/"), "\(made)")
        let verify = try limber(sandbox, ["archive", "verify", file], environment: Self.cheap)
        #expect(verify.exitCode == 0, "\(verify)")
    }

    @Test("damage before the last member: archive create refuses, naming the file, and writes nothing")
    func damageRefused() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try smallJournal(sandbox)
        let segment = try JournalFiles.onlySegment(sandbox.journal)
        var data = try bytes(segment)
        data[30] ^= 0x10  // inside the first member's compressed data
        try data.write(to: URL(fileURLWithPath: segment))
        let file = sandbox.root + "/backup.tar"
        let made = try sandbox.limber(["archive", "create", file], journal: nil, environment: Self.cheap)
        #expect(made.exitCode == 3, "\(made)")
        #expect(made.stderr.contains("0000000000000001.jsonl.gz"), "\(made)")
        #expect(made.stderr.contains("limber repair"), "\(made)")
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test(
        "a plain archive cut anywhere before its end is refused by restore and verify, writing nothing"
    )
    func truncatedPlain() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try bigJournal(sandbox)
        let file = sandbox.root + "/backup.tar"
        try create(sandbox, file, encrypted: false)
        let whole = try bytes(file)
        let entries = try tarEntries(whole)
        let segment = try #require(entries.last)
        let end = segment.offset + (segment.size + 511) / 512 * 512  // where the end blocks start
        let cut = sandbox.root + "/cut.tar"
        for length in [
            1, 100, 511, 512, 1024, segment.offset - 1, segment.offset, segment.offset + 4096,
            end - 1, end, end + 512,
        ] {
            try whole.prefix(length).write(to: URL(fileURLWithPath: cut))
            try expectRestoreRefused(sandbox, cut, exitCode: 3)
            let verify = try limber(sandbox, ["archive", "verify", cut], environment: Self.cheap)
            #expect(verify.exitCode == 3, "cut at \(length): \(verify)")
        }
    }

    @Test(
        "an encrypted archive cut in its header, inside a chunk or at a chunk boundary is refused, writing nothing"
    )
    func truncatedEncrypted() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try bigJournal(sandbox)
        let file = sandbox.root + "/backup.lba"
        try create(sandbox, file, encrypted: true)
        let whole = try bytes(file)
        let header = try headerLength(whole)
        try #require(whole.count > header + 65552, "two chunks at least")
        let cut = sandbox.root + "/cut.lba"
        for length in [
            10, header - 1, header, header + 16, header + 30_000, header + 65552, header + 65553,
            whole.count - 1,
        ] {
            try whole.prefix(length).write(to: URL(fileURLWithPath: cut))
            try expectRestoreRefused(sandbox, cut, exitCode: 3)
            let verify = try limber(sandbox, ["archive", "verify", cut], environment: Self.secret)
            #expect(verify.exitCode == 3, "cut at \(length): \(verify)")
        }
        try (whole + Data([0])).write(to: URL(fileURLWithPath: cut))
        try expectRestoreRefused(sandbox, cut, exitCode: 3)
    }

    @Test(
        "a wrong passphrase is exit 5 for restore, verify, list and merge, and nothing is written")
    func wrongPassphrase() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try smallJournal(sandbox)
        let file = sandbox.root + "/backup.lba"
        try create(sandbox, file, encrypted: true)
        let wrong = ["LIMBER_SCRYPT_N": "1024", "LIMBER_PASSPHRASE": Self.passphrase + "!"]
        let before = try sandboxSnapshot(sandbox)
        try expectRestoreRefused(sandbox, file, exitCode: 5, environment: wrong, "wrong passphrase")
        for command in [
            ["archive", "verify", file], ["archive", "list", file],
            ["merge", file, "--journal", sandbox.journal],
        ] {
            let result = try limber(sandbox, command, environment: wrong)
            #expect(result.exitCode == 5, "\(command): \(result)")
            #expect(result.stderr.contains("wrong passphrase"), "\(result)")
        }
        try expectNothingWritten(sandbox, since: before, "a wrong passphrase wrote")
    }

    @Test(
        "without LIMBER_PASSPHRASE and no terminal, encrypting or opening an encrypted archive is exit 5 with a clear message"
    )
    func noPassphrase() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try smallJournal(sandbox)
        let target = sandbox.root + "/new.lba"
        let refused = try sandbox.limber(
            ["archive", "create", target, "--encrypt"], environment: Self.cheap)
        #expect(refused.exitCode == 5, "\(refused)")
        #expect(refused.stderr.contains("no passphrase was given"), "\(refused)")
        #expect(
            refused.stderr.contains("LIMBER_PASSPHRASE"), "the hint names the variable: \(refused)")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try leftovers(in: sandbox.root).isEmpty)
        let empty = try sandbox.limber(
            ["archive", "create", target, "--encrypt"],
            environment: ["LIMBER_SCRYPT_N": "1024", "LIMBER_PASSPHRASE": ""])
        #expect(empty.exitCode == 5, "an empty passphrase is none: \(empty)")
        #expect(!FileManager.default.fileExists(atPath: target))

        let file = sandbox.root + "/backup.lba"
        try create(sandbox, file, encrypted: true)
        let before = try sandboxSnapshot(sandbox)
        try expectRestoreRefused(
            sandbox, file, exitCode: 5, environment: Self.cheap, "no passphrase was given")
        for command in [
            ["archive", "verify", file], ["archive", "list", file],
            ["merge", file, "--journal", sandbox.journal],
        ] {
            let result = try limber(
                sandbox, command, environment: Self.cheap, stdin: Self.passphrase + "\n")
            #expect(result.exitCode == 5, "\(command): \(result)")
            #expect(result.stderr.contains("no passphrase was given"), "\(result)")
        }
        try expectNothingWritten(sandbox, since: before, "a refused run wrote")
    }

    // MARK: - By hand

    static let hasPythonCryptography: Bool = {
        guard let sandbox = try? Sandbox() else { return false }
        defer { sandbox.remove() }
        return (try? sandbox.run("/usr/bin/env", ["python3", "-c", "import cryptography"]))?
            .exitCode == 0
    }()

    @Test(
        "the Python script of docs/ARCHIVE.md decrypts an encrypted archive; tar -xf of it is the same journal",
        .enabled(if: ArchiveTests.hasPythonCryptography, "python3 lacks the cryptography package"))
    func handDecryption() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try bigJournal(sandbox)
        let file = sandbox.root + "/backup.lba"
        try create(sandbox, file, encrypted: true)
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let doc = String(
            decoding: try bytes(parts.joined(separator: "/") + "/docs/ARCHIVE.md"), as: UTF8.self)
        let start = try #require(doc.range(of: "```python\n"))
        let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
        let script = sandbox.root + "/io/decrypt.py"
        try Data((doc[start.upperBound..<end.lowerBound] + "\n").utf8).write(
            to: URL(fileURLWithPath: script))
        let decrypted = try sandbox.run("/usr/bin/env", ["python3", script, file, Self.passphrase])
        try #require(decrypted.exitCode == 0, "\(decrypted)")
        let extracted = sandbox.root + "/by-hand"
        try FileManager.default.createDirectory(
            atPath: extracted, withIntermediateDirectories: false)
        let extract = try sandbox.run(
            "/usr/bin/env", ["tar", "-xf", "backup.tar", "-C", extracted])
        try #require(extract.exitCode == 0, "\(extract)")
        try FileManager.default.removeItem(atPath: extracted + "/MANIFEST.json")
        let verify = try sandbox.limber(["verify"], journal: extracted)
        #expect(verify.exitCode == 0, "\(verify)")
        #expect(try listJSON(sandbox, extracted) == listJSON(sandbox, sandbox.journal))
    }
}
