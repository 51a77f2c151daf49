import Foundation
import LimberTestSupport
import Testing

@testable import Backup

@Suite("Archive: create, list, restore and unpack on a journal folder")
struct ArchiveRoundTripTests {
    static let passphrase = "tr0ub4dor&3"

    /// A hand-made journal at `<folder>/j` (two devices, three segments, `local/` and strays).
    private func journal(
        _ folder: TempFolder, segments: [(String, [UInt8])] = Array(HandArchive.files.dropFirst())
    ) throws -> String {
        try HandJournal.make(at: folder("j"), segments: segments)
        return folder("j")
    }

    /// Every header of a tar file: the decoded header and where its content starts.
    private func headers(_ bytes: [UInt8]) throws -> [(header: TarHeader, offset: Int)] {
        var result: [(header: TarHeader, offset: Int)] = []
        var offset = 0
        while offset + 512 <= bytes.count,
            let header = try TarHeader.decode(Array(bytes[offset..<(offset + 512)]))
        {
            result.append((header, offset + 512))
            offset += 512 + Int((header.size + 511) / 512 * 512)
        }
        return result
    }

    /// Names in the folder beside `path` that a failed or finished run left behind.
    private func leftovers(beside path: String) throws -> [String] {
        let parent = (path as NSString).deletingLastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: parent).filter {
            $0.contains(".limber-")
        }
    }

    @Test(
        "create writes MANIFEST.json, limber.json, devices/, then each device folder and its segments in name order"
    )
    func layout() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let root = try journal(folder)
        let summary = try Archive.create(
            journal: root, to: folder("a.tar"), passphrase: nil, scryptN: 1024)
        let bytes = try readFile(folder("a.tar"))
        let entries = try headers(bytes)
        #expect(
            entries.map(\.header.path) == [
                "MANIFEST.json", "limber.json", "devices/", "devices/\(HandArchive.deviceA)/",
                HandArchive.segment1,
                HandArchive.segment2, "devices/\(HandArchive.deviceB)/", HandArchive.segment3,
            ])
        #expect(
            entries.allSatisfy { $0.header.mode == ($0.header.kind == .directory ? 0o700 : 0o600) })
        #expect(bytes.count % 10240 == 0)
        let manifestEntry = try #require(entries.first)
        let manifestBytes = Array(
            bytes[manifestEntry.offset..<(manifestEntry.offset + Int(manifestEntry.header.size))])
        let manifest = try ArchiveManifest.decode(manifestBytes)
        #expect(
            manifest.files == HandArchive.manifest(HandArchive.files).files,
            "sizes and SHA-256 of every file, in order")
        #expect(manifest.journal == HandArchive.journalID)
        #expect(manifest.format == "limber.archive")
        #expect(
            manifest.created.wholeMatch(of: #/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/#) != nil,
            "\(manifest.created)")
        let created = try #require(ISO8601DateFormatter().date(from: manifest.created))
        #expect(
            entries.allSatisfy { $0.header.mtime == Int64(created.timeIntervalSince1970) },
            "mtime is the creation time")
        #expect(summary.devices == 2)
        #expect(summary.segments == 3)
        #expect(summary.bytes == Int64(HandArchive.files.reduce(0) { $0 + $1.1.count }))
        #expect(!summary.encrypted)
        #expect(mode(folder("a.tar")) == 0o600)
        #expect(try leftovers(beside: folder("a.tar")).isEmpty)
    }

    @Test("a journal without segments archives as limber.json and devices/")
    func emptyJournal() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let root = try journal(folder, segments: [])
        _ = try Archive.create(journal: root, to: folder("a.tar"), passphrase: nil, scryptN: 1024)
        #expect(
            try headers(readFile(folder("a.tar"))).map(\.header.path) == [
                "MANIFEST.json", "limber.json", "devices/",
            ])
        _ = try Archive.restore(folder("a.tar"), to: folder("r"), passphrase: nil)
        #expect(try readFile(folder("r/limber.json")) == HandArchive.limberJSON)
        #expect(FileManager.default.fileExists(atPath: folder("r/devices")))
    }

    @Test("create replaces an existing file with a new one of mode 0600")
    func replaces() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let root = try journal(folder)
        try writeFile(folder("a.tar"), Array("old".utf8))
        chmod(folder("a.tar"), 0o644)
        _ = try Archive.create(
            journal: root, to: folder("a.tar"), passphrase: Self.passphrase, scryptN: 1024)
        #expect(mode(folder("a.tar")) == 0o600)
        #expect(
            try readFile(folder("a.tar")).starts(
                with: Array(#"{"format":"limber.archive.encrypted""#.utf8)))
        #expect(try leftovers(beside: folder("a.tar")).isEmpty)
    }

    @Test("create on a folder that is not a journal fails and writes nothing")
    func noJournal() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let error = backupError {
            _ = try Archive.create(
                journal: folder("none"), to: folder("a.tar"), passphrase: nil, scryptN: 1024)
        }
        #expect(error?.kind == .noJournal(folder("none")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("create reports progress up to all bytes")
    func progress() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let root = try journal(folder)
        var calls: [(Int64, Int64)] = []
        _ = try Archive.create(journal: root, to: folder("a.tar"), passphrase: nil, scryptN: 1024) {
            calls.append(($0, $1))
        }
        let total = Int64(HandArchive.files.dropFirst().reduce(0) { $0 + $1.1.count })
        #expect(calls.last.map { $0.0 == $0.1 } == true, "\(calls)")
        #expect(calls.allSatisfy { $0.0 <= $0.1 })
        #expect(calls.last?.0 ?? 0 >= total)
    }

    @Test(
        "restore gives back limber.json and every segment byte for byte, no local/, files 0600 and folders 0700",
        arguments: [false, true])
    func restore(_ encrypted: Bool) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let root = try journal(folder)
        let passphrase = encrypted ? Self.passphrase : nil
        _ = try Archive.create(
            journal: root, to: folder("a"), passphrase: passphrase, scryptN: 1024)
        #expect(try Archive.isEncrypted(folder("a")) == encrypted)
        #expect(Archive.looksLikeArchive(folder("a")))
        let listed = try Archive.list(folder("a"), passphrase: passphrase)
        #expect(listed.files.map(\.path) == HandArchive.files.map(\.0))
        #expect(listed.encrypted == encrypted)
        let summary = try Archive.restore(folder("a"), to: folder("r"), passphrase: passphrase)
        #expect(summary.files == listed.files)
        for (path, bytes) in HandArchive.files {
            #expect(try readFile(folder("r/" + path)) == bytes, "\(path)")
            #expect(mode(folder("r/" + path)) == 0o600, "\(path)")
        }
        let restored = try FileManager.default.subpathsOfDirectory(atPath: folder("r")).sorted()
        #expect(
            restored
                == [
                    ".gitignore", ".stignore", "devices", "devices/\(HandArchive.deviceA)",
                    HandArchive.segment1,
                    HandArchive.segment2, "devices/\(HandArchive.deviceB)", HandArchive.segment3,
                    "limber.json",
                ].sorted())
        for path in [
            "", "/devices", "/devices/\(HandArchive.deviceA)", "/devices/\(HandArchive.deviceB)",
        ] {
            #expect(mode(folder("r") + path) == 0o700, "r\(path)")
        }
        #expect(try readFile(folder("r/.gitignore")) == Array("local/\n".utf8))
        #expect(try leftovers(beside: folder("r")).isEmpty)
    }

    @Test(
        "restore into an existing empty folder fills it; into a non-empty folder or a file it writes nothing"
    )
    func restoreTarget() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let root = try journal(folder)
        _ = try Archive.create(journal: root, to: folder("a.tar"), passphrase: nil, scryptN: 1024)
        try FileManager.default.createDirectory(
            atPath: folder("empty"), withIntermediateDirectories: false)
        _ = try Archive.restore(folder("a.tar"), to: folder("empty/"), passphrase: nil)
        #expect(try readFile(folder("empty/limber.json")) == HandArchive.limberJSON)
        try FileManager.default.createDirectory(
            atPath: folder("full"), withIntermediateDirectories: false)
        try writeFile(folder("full/.keep"), [1])
        let full = backupError {
            _ = try Archive.restore(folder("a.tar"), to: folder("full"), passphrase: nil)
        }
        #expect(full?.kind == .targetNotEmpty(folder("full")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder("full")) == [".keep"])
        try writeFile(folder("file"), [1])
        #expect(
            backupError {
                _ = try Archive.restore(folder("a.tar"), to: folder("file"), passphrase: nil)
            }?.kind.label == "targetNotEmpty")
        #expect(try readFile(folder("file")) == [1])
        #expect(try leftovers(beside: folder("full")).isEmpty)
    }

    @Test(
        "restore of a damaged archive, a cut one, or with a wrong passphrase leaves no target and no temporary folder"
    )
    func restoreRefusals() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let root = try journal(folder)
        _ = try Archive.create(journal: root, to: folder("plain"), passphrase: nil, scryptN: 1024)
        _ = try Archive.create(
            journal: root, to: folder("sealed"), passphrase: Self.passphrase, scryptN: 1024)
        let plain = try readFile(folder("plain"))
        let sealed = try readFile(folder("sealed"))
        let segment = try #require(
            try headers(plain).first { $0.header.path == HandArchive.segment2 })
        var flipped = plain
        flipped[segment.offset + 100] ^= 1
        var sealedFlipped = sealed
        sealedFlipped[sealed.count - 30] ^= 1
        let cases: [(String, [UInt8], String?, Int32)] = [
            ("segment byte changed", flipped, nil, 3),
            ("cut in a segment", Array(plain.prefix(segment.offset + 10)), nil, 3),
            ("cut before the end blocks", Array(plain.prefix(segment.offset + 1536)), nil, 3),
            ("encrypted, byte changed", sealedFlipped, Self.passphrase, 3),
            ("encrypted, cut", Array(sealed.dropLast(40)), Self.passphrase, 3),
            ("wrong passphrase", sealed, "wrong", 5),
            ("no passphrase", sealed, nil, 5),
        ]
        for (name, bytes, passphrase, exitCode) in cases {
            try writeFile(folder("bad"), bytes)
            let error = backupError {
                _ = try Archive.restore(folder("bad"), to: folder("target"), passphrase: passphrase)
            }
            #expect(error?.exitCode == exitCode, "\(name): \(String(describing: error))")
            #expect(!FileManager.default.fileExists(atPath: folder("target")), "\(name)")
            #expect(try leftovers(beside: folder("target")).isEmpty, "\(name)")
            let verify = backupError {
                _ = try Archive.verify(folder("bad"), passphrase: passphrase)
            }
            #expect(verify?.exitCode == exitCode, "verify, \(name): \(String(describing: verify))")
        }
    }

    @Test(
        "verify inflates every segment: one that is not gzip fails though its hash matches the manifest"
    )
    func verifyInflates() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        // Made by hand: archive create itself refuses a journal with a damaged segment.
        var files = HandArchive.files
        files[1].1 = randomBytes(700, seed: 1)
        try writeFile(folder("a.tar"), try HandArchive.bytes(HandArchive.items(files)))
        let error = backupError { _ = try Archive.verify(folder("a.tar"), passphrase: nil) }
        #expect(error?.kind.label == "malformed", "\(String(describing: error))")
        #expect(error?.description.contains(HandArchive.segment1) == true)
    }

    @Test("unpack writes the journal files into a new folder, for merge")
    func unpack() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let root = try journal(folder)
        _ = try Archive.create(
            journal: root, to: folder("a"), passphrase: Self.passphrase, scryptN: 1024)
        let summary = try Archive.unpack(
            folder("a"), into: folder("u"), passphrase: Self.passphrase)
        #expect(summary.encrypted)
        for (path, bytes) in HandArchive.files {
            #expect(try readFile(folder("u/" + path)) == bytes)
        }
        #expect(!FileManager.default.fileExists(atPath: folder("u/local")))
    }

    // MARK: - By hand

    /// The ```python block of docs/ARCHIVE.md, as written there.
    static func documentedScript() throws -> String {
        let doc = String(
            decoding: try readFile(BackupPaths.root + "/docs/ARCHIVE.md"), as: UTF8.self)
        let start = try #require(doc.range(of: "```python\n"))
        let end = try #require(doc.range(of: "\n```", range: start.upperBound..<doc.endIndex))
        return String(doc[start.upperBound..<end.lowerBound]) + "\n"
    }

    @Test(
        "the Python script of docs/ARCHIVE.md decrypts an archive; tar extracts it; the hashes match MANIFEST.json",
        .enabled(if: Program.hasPythonCryptography, "python3 lacks the cryptography package"))
    func handDecryption() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        // Big enough for several 64 KiB chunks, and a last one that is not full.
        let segments = [
            (HandArchive.segment1, HandArchive.segment(seed: 21, lines: 8000, firstSeq: 1)),
            (HandArchive.segment3, HandArchive.segment(seed: 22, lines: 1, firstSeq: 1)),
        ]
        let root = try journal(folder, segments: segments)
        _ = try Archive.create(
            journal: root, to: folder("backup.lba"), passphrase: "pässword", scryptN: 1024)
        let script = try Self.documentedScript()
        #expect(script.contains("ChaCha20Poly1305"))
        try writeFile(folder("decrypt.py"), Array(script.utf8))
        let run = try Program.run(
            ["python3", "decrypt.py", "backup.lba", "pässword"], in: folder.path)
        try #require(run.status == 0, "the documented script failed: \(run.stderr)")
        // The same bytes limber's reader decrypts.
        let opener = try StreamOpener(
            source: try FileSource(path: folder("backup.lba")), passphrase: "pässword")
        var tar: [UInt8] = []
        while true {
            let bytes = try opener.read(1 << 20)
            if bytes.isEmpty { break }
            tar += bytes
        }
        #expect(try readFile(folder("backup.tar")) == tar)
        let wrong = try Program.run(
            ["python3", "decrypt.py", "backup.lba", "password"], in: folder.path)
        #expect(wrong.status != 0, "a wrong passphrase must fail the script")
        try FileManager.default.createDirectory(
            atPath: folder("journal"), withIntermediateDirectories: false)
        let extract = try Program.run(
            ["tar", "-xf", "backup.tar", "-C", "journal"], in: folder.path)
        try #require(extract.status == 0, "\(extract.stderr)")
        let manifest = try ArchiveManifest.decode(try readFile(folder("journal/MANIFEST.json")))
        #expect(manifest.files.map(\.path) == ["limber.json"] + segments.map(\.0))
        for file in manifest.files {
            let bytes = try readFile(folder("journal/" + file.path))
            #expect(ReferenceSHA256.hex(bytes) == file.sha256, "sha256sum \(file.path)")
            #expect(Int64(bytes.count) == file.size)
            #expect(bytes == (try readFile(root + "/" + file.path)))
        }
    }
}
