import Foundation
import Testing

@testable import Backup
@testable import EventLog

@Suite("ArchiveReader: an archive is held to its manifest")
struct ArchiveReaderTests {
    typealias Item = HandArchive.Item

    /// The error walking `items` throws (`nil`: none).
    private func refusal(_ items: [Item]) throws -> BackupError? {
        let folder = try TempFolder()
        defer { folder.remove() }
        return backupError { _ = try HandArchive.walk(items, at: folder("a.tar")) }
    }

    @Test(
        "a well-formed archive walks folders and files in order, each file's bytes between begin and end"
    )
    func wellFormed() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let seen = try HandArchive.walk(HandArchive.items(), at: folder("a.tar"))
        #expect(
            seen == [
                "begin limber.json", "bytes \(HandArchive.limberJSON.count)", "end limber.json",
                "dir devices",
                "dir devices/\(HandArchive.deviceA)", "begin \(HandArchive.segment1)", "bytes \(HandArchive.files[1].1.count)",
                "end \(HandArchive.segment1)", "begin \(HandArchive.segment2)", "bytes \(HandArchive.files[2].1.count)",
                "end \(HandArchive.segment2)", "dir devices/\(HandArchive.deviceB)",
                "begin \(HandArchive.segment3)", "bytes \(HandArchive.files[3].1.count)", "end \(HandArchive.segment3)",
            ])
        let manifest = try ArchiveReader(path: folder("a.tar"), passphrase: nil).walk(
            manifestOnly: true)
        #expect(manifest == HandArchive.manifest(HandArchive.files))
    }

    @Test("an archive of a journal without segments holds limber.json and devices/ only")
    func noSegments() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let files = [HandArchive.files[0]]
        let seen = try HandArchive.walk(HandArchive.items(files), at: folder("a.tar"))
        #expect(
            seen == [
                "begin limber.json", "bytes \(HandArchive.limberJSON.count)", "end limber.json",
                "dir devices",
            ])
    }

    @Test("MANIFEST.json must come first")
    func manifestFirst() throws {
        var items = HandArchive.items()
        items.swapAt(0, 1)
        let error = try refusal(items)
        #expect(error?.kind.label == "notAnArchive", "\(String(describing: error))")
        #expect(try refusal(Array(HandArchive.items().dropFirst()))?.kind.label == "notAnArchive")
        #expect(try refusal([])?.kind.label == "notAnArchive", "an empty tar")
    }

    @Test(
        "a manifest of another format, a newer version, bad JSON or without limber.json first is refused"
    )
    func badManifest() throws {
        var other = HandArchive.manifest(HandArchive.files)
        other.format = "tar"
        #expect(
            try refusal([.manifest(other)] + HandArchive.items().dropFirst())?.kind.label
                == "malformed")
        var newer = HandArchive.manifest(HandArchive.files)
        newer.version = 2
        #expect(
            try refusal([.manifest(newer)] + HandArchive.items().dropFirst())?.kind
                == .newerFormat(2))
        let reordered = HandArchive.manifest([HandArchive.files[1], HandArchive.files[0]])
        #expect(
            try refusal([.manifest(reordered)] + HandArchive.items().dropFirst())?.kind.label
                == "malformed")
        let folder = try TempFolder()
        defer { folder.remove() }
        let bytes = try tarBytes { tar in try tar.addFile("MANIFEST.json", Array("{not json".utf8))
        }
        try writeFile(folder("a.tar"), bytes)
        #expect(
            backupError { try ArchiveReader(path: folder("a.tar"), passphrase: nil).walk() }?.kind
                == .malformed("MANIFEST.json is not valid"))
    }

    @Test(
        "a manifest that lists an unsafe path, a path twice, a negative size or a short hash is refused"
    )
    func unsafeManifest() throws {
        for path in [
            "../x", "/etc/passwd", "local/device.json", "devices/\(HandArchive.deviceA)/../../x",
        ] {
            let manifest = HandArchive.manifest(HandArchive.files + [(path, [1])])
            let error = try refusal([.manifest(manifest)] + HandArchive.items().dropFirst())
            #expect(error?.kind.label == "unsafeEntry", "\(path): \(String(describing: error))")
        }
        var twice = HandArchive.manifest(HandArchive.files)
        twice.files.append(twice.files[1])
        #expect(
            try refusal([.manifest(twice)] + HandArchive.items().dropFirst())?.kind.label
                == "malformed")
        var negative = HandArchive.manifest(HandArchive.files)
        negative.files[1].size = -1
        #expect(
            try refusal([.manifest(negative)] + HandArchive.items().dropFirst())?.kind.label
                == "malformed")
        var short = HandArchive.manifest(HandArchive.files)
        short.files[1].sha256 = "abc"
        #expect(
            try refusal([.manifest(short)] + HandArchive.items().dropFirst())?.kind.label
                == "malformed")
    }

    @Test("a file the manifest lists but the archive lacks is refused")
    func fileMissing() throws {
        let items = HandArchive.items().filter {
            if case .file(let path, _) = $0 { return path != HandArchive.segment3 }
            return true
        }
        let error = try refusal(items)
        #expect(error?.exitCode == 3)
        #expect(
            error?.description.contains(HandArchive.segment3) == true,
            "\(String(describing: error))")
    }

    @Test("a file the manifest does not list is refused")
    func fileAdded() throws {
        let extra = "devices/\(HandArchive.deviceB)/0000000000000099.jsonl.gz"
        let error = try refusal(HandArchive.items() + [.file(extra, [1, 2])])
        #expect(error?.kind == .mismatch("\(extra) is not in MANIFEST.json"))
        let inside = HandArchive.items()
        let between =
            Array(inside.prefix(5)) + [
                .file("devices/\(HandArchive.deviceA)/0000000000000002.jsonl.gz", [1])
            ]
            + inside.dropFirst(5)
        #expect(try refusal(between)?.kind.label == "mismatch")
    }

    @Test("files in another order than the manifest's are refused")
    func reordered() throws {
        var items = HandArchive.items()
        // [manifest, limber.json, devices, devices/A, seg1, seg2, devices/B, seg3]
        items.swapAt(4, 5)
        #expect(
            try refusal(items)?.kind
                == .mismatch(
                    "\(HandArchive.segment2) where MANIFEST.json lists \(HandArchive.segment1)"))
        // Same sizes and bytes, other names: still out of order.
        let twins = [
            HandArchive.files[0], (HandArchive.segment1, [UInt8(1)]),
            (HandArchive.segment2, [UInt8(1)]),
        ]
        var swapped = HandArchive.items(twins)
        swapped[4] = .file(HandArchive.segment2, [1])
        swapped[5] = .file(HandArchive.segment1, [1])
        #expect(try refusal(swapped)?.kind.label == "mismatch")
    }

    @Test("a file of another size or another hash than the manifest's is refused")
    func otherSizeOrHash() throws {
        var bigger = HandArchive.files
        bigger[2].1 += [0]
        let sized =
            [Item.manifest(HandArchive.manifest(HandArchive.files))]
            + HandArchive.items(bigger).dropFirst()
        #expect(try refusal(sized)?.kind.label == "mismatch")
        var changed = HandArchive.files
        changed[2].1[700] ^= 1
        let hashed =
            [Item.manifest(HandArchive.manifest(HandArchive.files))]
            + HandArchive.items(changed).dropFirst()
        let error = try refusal(hashed)
        #expect(
            error?.kind
                == .mismatch(
                    "\(HandArchive.segment2) does not have the SHA-256 MANIFEST.json gives"))
        var json = HandArchive.files
        json[0].1[2] = UInt8(ascii: "C")
        let first =
            [Item.manifest(HandArchive.manifest(HandArchive.files))]
            + HandArchive.items(json).dropFirst()
        #expect(try refusal(first)?.kind.label == "mismatch")
    }

    @Test(
        "a segment before its folder, a device folder before devices/, or a folder twice is refused"
    )
    func folderOrder() throws {
        let items = HandArchive.items()
        // [manifest, limber.json, devices, devices/A, seg1, seg2, devices/B, seg3]
        var noFolder = items
        noFolder.remove(at: 3)
        #expect(try refusal(noFolder)?.kind.label == "mismatch")
        var early = items
        early.swapAt(2, 3)
        #expect(try refusal(early)?.kind.label == "mismatch")
        var twice = items
        twice.insert(.directory("devices/\(HandArchive.deviceA)"), at: 6)
        #expect(try refusal(twice)?.kind.label == "mismatch")
        var unknownFolder = items
        unknownFolder.insert(.directory("local"), at: 3)
        #expect(try refusal(unknownFolder)?.kind.label == "unsafeEntry")
    }

    @Test("a segment entry claiming more than a reader holds is refused before it is gathered")
    func oversizedSegment() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let claimed = Int64(SegmentLimits.standard.maxSegmentFile) + 1
        var files = Array(HandArchive.files.prefix(2))
        var manifest = HandArchive.manifest(files)
        manifest.files[1].size = claimed
        files.removeLast()
        // The manifest and the tar header agree on the size; only 4 KiB of it follow.
        let head = try HandArchive.bytes(
            [.manifest(manifest)] + HandArchive.items(files).dropFirst()
                + [.directory("devices/\(HandArchive.deviceA)")])
        // The end-of-archive blocks (and the record padding) dropped: the last entry is a
        // folder, so every trailing zero block is theirs.
        var open = head[...]
        while open.count >= 512, open.suffix(512).allSatisfy({ $0 == 0 }) { open = open.dropLast(512) }
        let bytes =
            open
            + RawTar.header(HandArchive.segment1, size: claimed) + [UInt8](repeating: 7, count: 4096)
        try writeFile(folder("a.tar"), Array(bytes))
        var gathered = 0
        let error = backupError {
            _ = try ArchiveReader(path: folder("a.tar"), passphrase: nil).walk { item in
                if case .bytes(let chunk) = item { gathered += chunk.count }
            }
        }
        #expect(
            error?.kind
                == .malformed(
                    "\(HandArchive.segment1) claims \(claimed) bytes; a segment holds at most 128 MiB"))
        #expect(gathered == HandArchive.limberJSON.count, "no byte of the segment was handed on")
    }

    @Test("an entry that is not a journal file is refused even with a matching manifest entry")
    func strayEntry() throws {
        for path in ["notes.txt", "local/device.json", "MANIFEST.json", ".gitignore"] {
            let error = try refusal(HandArchive.items() + [.file(path, [1])])
            #expect(error?.kind.label == "unsafeEntry", "\(path): \(String(describing: error))")
        }
    }

    @Test("an encrypted archive without a passphrase is refused with exit 5")
    func encryptedWithoutPassphrase() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let file = try FileSink(creating: folder("a.lba"))
        let sealer = try StreamSealer(passphrase: "p", next: file, N: 1024)
        try sealer.write(try HandArchive.bytes(HandArchive.items()))
        try sealer.finish()
        let error = backupError { try ArchiveReader(path: folder("a.lba"), passphrase: nil).walk() }
        #expect(error?.kind == .noPassphrase)
        #expect(error?.exitCode == 5)
        #expect(
            try ArchiveReader(path: folder("a.lba"), passphrase: "p").walk()
                == HandArchive.manifest(HandArchive.files))
    }

    @Test(
        "a pax path record cannot carry a path past the checks; the header's own name then does not matter"
    )
    func paxPath() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let manifest = try HandArchive.manifest([HandArchive.files[0]]).encoded()
        let smuggled =
            RawTar.file("MANIFEST.json", manifest) + RawTar.pax([("path", "../limber.json")])
            + RawTar.file("limber.json", HandArchive.limberJSON) + RawTar.endBlocks
        try writeFile(folder("a.tar"), smuggled)
        let error = backupError { try ArchiveReader(path: folder("a.tar"), passphrase: nil).walk() }
        #expect(error?.kind == .unsafeEntry("../limber.json", "a path with .."))
        let renamed =
            RawTar.file("MANIFEST.json", manifest) + RawTar.pax([("path", "limber.json")])
            + RawTar.file("../evil", HandArchive.limberJSON) + RawTar.endBlocks
        try writeFile(folder("b.tar"), renamed)
        #expect(
            try ArchiveReader(path: folder("b.tar"), passphrase: nil).walk().files.map(\.path) == [
                "limber.json"
            ])
    }
}
