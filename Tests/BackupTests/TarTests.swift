import Foundation
import Testing

@testable import Backup

@Suite("tar: TarWriter and TarReader")
struct TarTests {
    static let longPath =
        "devices/" + String(repeating: "long-folder-name/", count: 6) + "file.jsonl.gz"

    @Test("files and folders written by TarWriter read back with the same paths, sizes and bytes")
    func roundTrip() throws {
        let big = randomBytes((1 << 20) + 3, seed: 7)
        let files: [(String, [UInt8])] = [
            ("empty", []), ("one", [42]), ("block", randomBytes(512, seed: 8)),
            ("block-and-one", randomBytes(513, seed: 9)), ("devices/a/big", big),
        ]
        let bytes = try tarBytes { tar in
            try tar.addDirectory("devices")
            try tar.addDirectory("devices/a/")
            for (path, content) in files {
                try tar.beginFile(path, size: Int64(content.count))
                // In uneven pieces, as a copy loop hands them over.
                var start = 0
                var piece = 1
                while start < content.count {
                    let end = min(content.count, start + piece)
                    try tar.write(Array(content[start..<end]))
                    start = end
                    piece = piece * 3 + 1
                }
                try tar.endFile()
            }
        }
        #expect(bytes.count % 10240 == 0, "padded to whole records")
        #expect(bytes.suffix(1024).allSatisfy { $0 == 0 })
        for piece in [Int.max, 1000, 7] {
            let entries = try readTar(bytes, piece: piece, readSize: 4096)
            #expect(entries.map(\.entry.path) == ["devices/", "devices/a/"] + files.map(\.0))
            #expect(
                entries.map(\.entry.isDirectory) == [true, true, false, false, false, false, false])
            #expect(entries.dropFirst(2).map(\.entry.size) == files.map { Int64($0.1.count) })
            #expect(entries.dropFirst(2).map(\.content) == files.map(\.1), "piece \(piece)")
        }
    }

    @Test("headers carry mode 0600/0700, owner 0, the given mtime, and ustar magic and version 00")
    func headerFields() throws {
        let bytes = try tarBytes(mtime: 1_795_000_123) { tar in
            try tar.addDirectory("devices")
            try tar.addFile("limber.json", [1, 2, 3])
        }
        let folder = try #require(try TarHeader.decode(Array(bytes[0..<512])))
        let file = try #require(try TarHeader.decode(Array(bytes[512..<1024])))
        #expect(
            folder
                == TarHeader(
                    path: "devices/", size: 0, mode: 0o700, mtime: 1_795_000_123, kind: .directory))
        #expect(
            file
                == TarHeader(
                    path: "limber.json", size: 3, mode: 0o600, mtime: 1_795_000_123, kind: .file))
        #expect(Array(bytes[257..<265]) == Array("ustar\u{0}00".utf8))
        #expect(Array(bytes[108..<124]) == Array("0000000\u{0}0000000\u{0}".utf8), "uid and gid 0")
        #expect(bytes[265..<329].allSatisfy { $0 == 0 }, "no user or group names")
    }

    @Test("a path of 100 bytes fits the header; one over 100 bytes goes through a pax path record")
    func longPaths() throws {
        let exactly100 = String(repeating: "a", count: 96) + "/b/c"
        let names = [exactly100, exactly100 + "d", Self.longPath, Self.longPath + "/"]
        let bytes = try tarBytes { tar in
            try tar.addFile(names[0], [1])
            try tar.addFile(names[1], [2])
            try tar.addFile(names[2], [3])
            try tar.addDirectory(names[3])
        }
        // The first file needs no pax header: its content block follows its header.
        #expect(bytes[156] == UInt8(ascii: "0"))
        #expect(bytes[1024 + 156] == UInt8(ascii: "x"), "a pax header before the 101-byte name")
        let entries = try readTar(bytes)
        #expect(entries.map(\.entry.path) == names)
        #expect(entries.map(\.content) == [[1], [2], [3], []])
    }

    @Test("a long path of multi-byte characters reads back (the header's cut name is not UTF-8)")
    func longUnicodePath() throws {
        // 99 ASCII bytes, then "é" (2 bytes): cutting at 100 bytes splits the "é".
        let path =
            String(repeating: "a", count: 99) + "é/ünïcödé-" + String(repeating: "ß", count: 60)
        let bytes = try tarBytes { tar in try tar.addFile(path, [5]) }
        let entries = try readTar(bytes)
        #expect(entries.map(\.entry.path) == [path])
    }

    @Test("a size over 8 GiB goes through a pax size record and reads back")
    func hugeSize() throws {
        let size: Int64 = 9 << 30
        let sink = MemorySink()
        var tar = TarWriter(sink: sink, mtime: 0)
        try tar.beginFile("big", size: size)
        try tar.write([1, 2, 3])
        var reader = TarReader(source: MemorySource(sink.bytes))
        let entry = try #require(try reader.next())
        #expect(entry == TarReader.Entry(path: "big", size: size, isDirectory: false))
        #expect(try reader.read(upTo: 10) == [1, 2, 3])
        let error = backupError { _ = try reader.read(upTo: 10) }
        #expect(error?.kind == .truncated("a file's content"))
    }

    @Test("TarWriter refuses more bytes than announced, and an end before all of them")
    func writerCounts() throws {
        var tar = TarWriter(sink: MemorySink(), mtime: 0)
        try tar.beginFile("limber.json", size: 3)
        #expect(backupError { try tar.write([1, 2, 3, 4]) }?.kind.label == "mismatch")
        try tar.write([1, 2])
        #expect(backupError { try tar.endFile() }?.kind.label == "mismatch")
    }

    // MARK: - GNU tar

    @Test("GNU tar lists and extracts what TarWriter wrote, long names and modes included")
    func gnuTarReads() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let content = randomBytes(70_000, seed: 11)
        let bytes = try tarBytes(mtime: 1_795_000_000) { tar in
            try tar.addFile("limber.json", Array("{}\n".utf8))
            try tar.addDirectory("devices")
            try tar.addDirectory("devices/0123456789abcdef")
            try tar.addFile("devices/0123456789abcdef/0000000000000001.jsonl.gz", content)
            try tar.addFile(Self.longPath, [7, 7])
        }
        try writeFile(folder("a.tar"), bytes)
        let list = try Program.run(["tar", "-tf", "a.tar"], in: folder.path)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(
            list.stdout.split(separator: "\n").map(String.init) == [
                "limber.json", "devices/", "devices/0123456789abcdef/",
                "devices/0123456789abcdef/0000000000000001.jsonl.gz", Self.longPath,
            ])
        #expect(list.stderr.isEmpty, "GNU tar warned: \(list.stderr)")
        let verbose = try Program.run(["tar", "--numeric-owner", "-tvf", "a.tar"], in: folder.path)
        let lines = verbose.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(
            lines.allSatisfy { $0.hasPrefix("-rw------- 0/0 ") || $0.hasPrefix("drwx------ 0/0 ") },
            "\(verbose.stdout)")
        try FileManager.default.createDirectory(
            atPath: folder("out"), withIntermediateDirectories: false)
        let extract = try Program.run(["tar", "-xf", "a.tar", "-C", "out"], in: folder.path)
        #expect(extract.status == 0, "\(extract.stderr)")
        #expect(
            try readFile(folder("out/devices/0123456789abcdef/0000000000000001.jsonl.gz"))
                == content)
        #expect(try readFile(folder("out/" + Self.longPath)) == [7, 7])
        #expect(try readFile(folder("out/limber.json")) == Array("{}\n".utf8))
    }

    @Test(
        "TarReader reads GNU tar's pax and ustar output and refuses its gnu and v7 formats",
        arguments: [("posix", true), ("ustar", true), ("gnu", false), ("v7", false)])
    func readsGnuTar(_ format: String, _ accepted: Bool) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            atPath: folder("src/devices/0123456789abcdef"), withIntermediateDirectories: true)
        let content = randomBytes(1000, seed: 12)
        try writeFile(folder("src/limber.json"), Array("{}\n".utf8))
        try writeFile(folder("src/devices/0123456789abcdef/0000000000000001.jsonl.gz"), content)
        let made = try Program.run(
            [
                "tar", "--format=\(format)", "--owner=0", "--group=0", "--numeric-owner", "-cf",
                "../a.tar",
                "limber.json", "devices",
            ], in: folder("src"))
        try #require(made.status == 0, "\(made.stderr)")
        let bytes = try readFile(folder("a.tar"))
        if accepted {
            let entries = try readTar(bytes)
            #expect(
                entries.map(\.entry.path) == [
                    "limber.json", "devices/", "devices/0123456789abcdef/",
                    "devices/0123456789abcdef/0000000000000001.jsonl.gz",
                ])
            #expect(entries.last?.content == content)
        } else {
            #expect(
                backupError { _ = try readTar(bytes) }?.kind
                    == .malformed("a tar header is not ustar/pax"))
        }
    }

    // MARK: - Refusals

    /// A good archive of one file, for the tests below to damage.
    private func oneFile() throws -> [UInt8] {
        try tarBytes { tar in try tar.addFile("limber.json", Array("0123456789".utf8)) }
    }

    @Test("a header whose checksum does not add up is refused")
    func badChecksum() throws {
        var bytes = try oneFile()
        bytes[3] ^= 0x01
        #expect(
            backupError { _ = try readTar(bytes) }?.kind
                == .malformed("a tar header's checksum is wrong"))
        var field = try oneFile()
        field.replaceSubrange(148..<156, with: Array("0000000\u{0}".utf8))
        #expect(
            backupError { _ = try readTar(field) }?.kind
                == .malformed("a tar header's checksum is wrong"))
    }

    /// `_` stands for NUL in the arguments below (NULs make the test log unreadable).
    private func field(_ text: String) -> [UInt8] {
        text.utf8.map { $0 == UInt8(ascii: "_") ? 0 : $0 }
    }

    @Test(
        "a header without the ustar magic is refused",
        arguments: ["ustar ", "USTAR_", "______", "ustar0"])
    func badMagic(_ magic: String) throws {
        var bytes = try oneFile()
        bytes.replaceSubrange(257..<263, with: field(magic))
        RawTar.fixChecksum(&bytes)
        #expect(
            backupError { _ = try readTar(bytes) }?.kind
                == .malformed("a tar header is not ustar/pax"))
    }

    @Test(
        "a size field that is not octal is refused",
        arguments: ["0000000001_9", "00000000018_", "0000000x012_", "____________", "-0000000001_"])
    func badSize(_ text: String) throws {
        var bytes = try oneFile()
        bytes.replaceSubrange(124..<136, with: field(text))
        RawTar.fixChecksum(&bytes)
        let error = backupError { _ = try readTar(bytes) }
        #expect(error?.kind.label == "malformed", "\(String(describing: error))")
    }

    @Test("a size in base-256 (GNU's binary numbers) is refused")
    func binarySize() throws {
        var bytes = try oneFile()
        bytes.replaceSubrange(124..<136, with: [0x80] + [UInt8](repeating: 0, count: 10) + [10])
        RawTar.fixChecksum(&bytes)
        #expect(backupError { _ = try readTar(bytes) }?.kind.label == "malformed")
    }

    @Test(
        "links, devices, fifos, global pax headers and unknown types are refused as unsafe entries",
        arguments: ["1", "2", "3", "4", "6", "7", "g", "L", "K", "S", "V", "D"])
    func entryTypes(_ type: String) throws {
        let flag = try #require(type.utf8.first)
        let bytes =
            RawTar.file("limber.json", [1])
            + RawTar.header("devices/x", type: flag, linkName: "/etc/passwd")
            + RawTar.endBlocks
        let error = backupError { _ = try readTar(bytes) }
        guard case .unsafeEntry(let name, let why)? = error?.kind else {
            Issue.record("type \(type): expected an unsafe entry, got \(String(describing: error))")
            return
        }
        #expect(name == "devices/x")
        #expect(why.contains("only files and folders"))
    }

    @Test("a type 0 entry written as NUL (old tar) is refused, not read as a file")
    func nulType() throws {
        let bytes = RawTar.header("limber.json", size: 0, type: 0) + RawTar.endBlocks
        #expect(backupError { _ = try readTar(bytes) }?.kind.label == "unsafeEntry")
    }

    @Test(
        "a pax record other than path, size, times, ids and names is refused",
        arguments: [
            "linkpath", "GNU.sparse.map", "SCHILY.xattr.user.x", "LIBARCHIVE.xattr.x", "hdrcharset",
            "charset", "comment",
        ])
    func paxKeys(_ key: String) throws {
        let bytes =
            RawTar.pax([("path", "limber.json"), (key, "v")]) + RawTar.file("limber.json", [1])
            + RawTar.endBlocks
        #expect(
            backupError { _ = try readTar(bytes) }?.kind
                == .unsafeEntry(key, "a pax record limber does not accept"))
    }

    @Test("a pax header may set path, size, times, ids and names of the next entry only")
    func paxAccepted() throws {
        let records = [
            ("path", "devices/p"), ("size", "3"), ("mtime", "1795000000.5"), ("atime", "1"),
            ("ctime", "1"), ("uid", "0"), ("gid", "0"), ("uname", ""), ("gname", ""),
        ]
        // The header's own size (99) is overridden by the pax size.
        let bytes =
            RawTar.pax(records) + RawTar.header("ignored", size: 99) + RawTar.content([1, 2, 3])
            + RawTar.file("limber.json", [4]) + RawTar.endBlocks
        let entries = try readTar(bytes)
        #expect(entries.map(\.entry.path) == ["devices/p", "limber.json"])
        #expect(entries.map(\.content) == [[1, 2, 3], [4]])
    }

    @Test(
        "a malformed pax record, two pax headers in a row, or a negative pax size are refused",
        arguments: ["5 path=x\n", "11 path=x\n", "8 pathx\n", "x path=y\n", "REPEAT", "NEGATIVE"])
    func badPax(_ records: String) throws {
        var bytes: [UInt8]
        switch records {
        case "REPEAT": bytes = RawTar.pax([("path", "a")]) + RawTar.pax([("path", "limber.json")])
        case "NEGATIVE": bytes = RawTar.pax([("size", "-1")])
        default:
            let body = Array(records.utf8)
            bytes =
                RawTar.header("PaxHeaders/x", size: Int64(body.count), type: UInt8(ascii: "x"))
                + RawTar.content(body)
        }
        bytes += RawTar.file("limber.json", [1]) + RawTar.endBlocks
        #expect(backupError { _ = try readTar(bytes) }?.kind.label == "malformed")
    }

    @Test("a folder entry with content is refused")
    func folderWithContent() throws {
        let bytes =
            RawTar.header("devices/", size: 5, type: UInt8(ascii: "5"))
            + RawTar.content([1, 2, 3, 4, 5]) + RawTar.endBlocks
        #expect(
            backupError { _ = try readTar(bytes) }?.kind
                == .malformed("a folder entry with content"))
    }

    @Test("anything but zeros after the two end blocks is refused")
    func dataAfterEnd() throws {
        let good = try oneFile()
        for position in [2048, 2100, good.count - 1] {
            var bytes = good
            bytes[position] = 1
            #expect(
                backupError { _ = try readTar(bytes) }?.kind
                    == .malformed("data after the end of the tar archive"), "byte \(position)")
        }
        let appended = good + RawTar.file("limber.json", [1])
        #expect(
            backupError { _ = try readTar(appended) }?.kind
                == .malformed("data after the end of the tar archive"))
        // Zero padding beyond tar's own record is fine.
        #expect(try readTar(good + [UInt8](repeating: 0, count: 700)).count == 1)
    }

    @Test("one end block is not an end: cut after it, or followed by an entry, is refused")
    func loneEndBlock() throws {
        let file = RawTar.file("limber.json", [1])
        let cut = backupError { _ = try readTar(file + [UInt8](repeating: 0, count: 512)) }
        #expect(cut?.kind == .truncated("the end of the tar archive"))
        let inside = backupError {
            _ = try readTar(file + [UInt8](repeating: 0, count: 512) + file + RawTar.endBlocks)
        }
        #expect(inside?.kind == .malformed("a lone zero block inside the tar archive"))
        let none = backupError { _ = try readTar(file) }
        #expect(none?.kind == .truncated("a tar header"))
    }

    @Test("an archive cut anywhere before its end blocks are whole is refused as truncated")
    func cutShort() throws {
        let bytes = try tarBytes { tar in
            try tar.addFile("limber.json", randomBytes(1000, seed: 13))
            try tar.addDirectory("devices")
        }
        // Header 0..512, content 512..1512, padding to 1536, folder 1536..2048, end 2048..3072.
        for length in [0, 1, 511, 512, 513, 1000, 1511, 1512, 1535, 1536, 2047, 2048, 2560, 3071] {
            let error = backupError { _ = try readTar(Array(bytes.prefix(length))) }
            #expect(
                error?.kind.label == "truncated", "cut at \(length): \(String(describing: error))")
        }
    }
}
