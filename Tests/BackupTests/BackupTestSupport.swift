import EventLog
import Foundation
import Glibc
import LimberTestSupport
import Testing

@testable import Backup

/// Bytes written through a ``ByteSink``, kept in memory.
final class MemorySink: ByteSink {
    private(set) var bytes: [UInt8] = []
    private(set) var finished = false

    func write(_ raw: UnsafeRawBufferPointer) throws(BackupError) { bytes.append(contentsOf: raw) }
    func finish() throws(BackupError) { finished = true }
}

/// Bytes read through a ``ByteSource``, at most `piece` at a time (short reads on purpose).
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private let piece: Int
    private(set) var offset: Int64 = 0

    init(_ bytes: [UInt8], piece: Int = .max) {
        self.bytes = bytes
        self.piece = piece
    }

    func read(_ count: Int) throws(BackupError) -> [UInt8] {
        let start = Int(offset)
        let end = min(bytes.count, start + min(count, piece))
        offset = Int64(end)
        return Array(bytes[start..<end])
    }
}


/// Runs `body` and returns the ``BackupError`` it threw (`nil` if it threw none); any other
/// error is recorded as an issue.
func backupError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> BackupError? {
    do {
        try body()
        return nil
    } catch let error as BackupError {
        return error
    } catch {
        Issue.record("expected a BackupError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A temporary folder (`<tmp>/limber-backup-<uuid>`); remove it with ``remove()`` in a `defer`.
struct TempFolder {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "limber-backup-\(UUID())"
            ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// A path inside the folder.
    func callAsFunction(_ relative: String) -> String { path + "/" + relative }
}

/// Deterministic bytes.
func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var generator = SplitMix64(seed: seed)
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
}

func readFile(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
}

func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// The permission bits of a file or folder (without following a link).
func mode(_ path: String) -> UInt32? {
    var status = stat()
    guard lstat(path, &status) == 0 else { return nil }
    return UInt32(status.st_mode) & 0o7777
}

extension TarWriter {
    mutating func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in try write(raw) }
    }

    /// A whole file: header, content, padding.
    mutating func addFile(_ path: String, _ bytes: [UInt8]) throws {
        try beginFile(path, size: Int64(bytes.count))
        try write(bytes)
        try endFile()
    }
}

/// Tar bytes written by ``TarWriter`` into memory.
func tarBytes(mtime: Int64 = 1_795_000_000, _ build: (inout TarWriter) throws -> Void) throws
    -> [UInt8]
{
    let sink = MemorySink()
    var writer = TarWriter(sink: sink, mtime: mtime)
    try build(&writer)
    try writer.finish()
    return sink.bytes
}

/// Every entry of a tar stream with its content, read by ``TarReader`` in pieces of `piece`
/// bytes.
func readTar(_ bytes: [UInt8], piece: Int = .max, readSize: Int = 1 << 20) throws -> [(
    entry: TarReader.Entry, content: [UInt8]
)] {
    var reader = TarReader(source: MemorySource(bytes, piece: piece))
    var result: [(entry: TarReader.Entry, content: [UInt8])] = []
    while let entry = try reader.next() {
        var content: [UInt8] = []
        while true {
            let chunk = try reader.read(upTo: readSize)
            if chunk.isEmpty { break }
            content += chunk
        }
        result.append((entry, content))
    }
    return result
}

/// Tar blocks made by hand, for what ``TarWriter`` never writes.
enum RawTar {
    static let endBlocks = [UInt8](repeating: 0, count: 1024)

    /// A ustar header with any type flag; the checksum is made right.
    static func header(
        _ name: String, size: Int64 = 0, type: UInt8 = UInt8(ascii: "0"), linkName: String = ""
    ) -> [UInt8] {
        var block = TarHeader(
            path: name, size: size, mode: 0o600, mtime: 1_795_000_000, kind: .file
        )
        .encoded()
        block[156] = type
        let link = Array(linkName.utf8.prefix(100))
        block.replaceSubrange(157..<(157 + link.count), with: link)
        fixChecksum(&block)
        return block
    }

    /// Recomputes a header's checksum after the test changed it, as GNU tar writes it.
    static func fixChecksum(_ bytes: inout [UInt8], at offset: Int = 0) {
        bytes.replaceSubrange(
            (offset + 148)..<(offset + 156), with: [UInt8](repeating: 0x20, count: 8))
        let sum = bytes[offset..<(offset + 512)].reduce(0) { $0 + Int($1) }
        let digits = Array(String(sum, radix: 8).utf8)
        let field =
            [UInt8](repeating: UInt8(ascii: "0"), count: 6 - digits.count) + digits + [0, 0x20]
        bytes.replaceSubrange((offset + 148)..<(offset + 156), with: field)
    }

    /// Content padded to whole blocks.
    static func content(_ bytes: [UInt8]) -> [UInt8] {
        let rest = bytes.count % 512
        return bytes + [UInt8](repeating: 0, count: rest == 0 ? 0 : 512 - rest)
    }

    /// A pax extended header (type `x`, or `g` for a global one) with these records.
    static func pax(_ records: [(String, String)], type: UInt8 = UInt8(ascii: "x")) -> [UInt8] {
        let body = records.flatMap { TarWriter.paxRecord($0.0, $0.1) }
        return header("PaxHeaders/x", size: Int64(body.count), type: type) + content(body)
    }

    /// A regular file entry: header and padded content.
    static func file(_ name: String, _ bytes: [UInt8]) -> [UInt8] {
        header(name, size: Int64(bytes.count)) + content(bytes)
    }
}


/// An archive built entry by entry with ``TarWriter``, for holding ``ArchiveReader`` to its
/// manifest.
enum HandArchive {
    enum Item {
        case manifest(ArchiveManifest)
        case file(String, [UInt8])
        case directory(String)
    }

    static let journalID = "01a213fd-5cd6-7366-8140-1cf56bc8002b"
    static let limberJSON =
        Array(
            #"{"created":"2026-11-25T08:00:00Z","format":1,"journal":"\#(journalID)"}"#.utf8) + [
            0x0A
        ]
    static let deviceA = "0123456789abcdef"
    static let deviceB = "fedcba9876543210"
    static let segment1 = "devices/\(deviceA)/0000000000000001.jsonl.gz"
    static let segment2 = "devices/\(deviceA)/0000000000000042.jsonl.gz"
    static let segment3 = "devices/\(deviceB)/0000000000000001.jsonl.gz"

    /// The files of a two-device journal, in archive order. The segments are real gzip
    /// members (archive create refuses damaged ones); their lines are JSON, not events.
    static let files: [(String, [UInt8])] = [
        ("limber.json", limberJSON), (segment1, segment(seed: 1, lines: 20, firstSeq: 1)),
        (segment2, segment(seed: 2, lines: 60, firstSeq: 42)), (segment3, segment(seed: 3, lines: 1, firstSeq: 1)),
    ]

    /// One member of `lines` JSON lines holding random hex (so it does not compress away).
    static func segment(seed: UInt64, lines: Int, firstSeq: UInt64) -> [UInt8] {
        let noise = randomBytes(lines * 16, seed: seed)
        var payload: [UInt8] = []
        for line in 0..<lines {
            let hex = noise[(line * 16)..<(line * 16 + 16)].map { String($0, radix: 16) }.joined()
            payload += Array(#"{"n":"\#(hex)"}"#.utf8) + [0x0A]
        }
        // swift-format-ignore: a fixture cannot fail to compress
        return try! GzipMember.encode(payload: payload, firstSeq: firstSeq, count: UInt32(lines))
    }

    static func manifest(_ files: [(String, [UInt8])]) -> ArchiveManifest {
        ArchiveManifest(
            format: "limber.archive", version: 1, journal: journalID,
            created: "2026-11-25T08:00:00Z",
            files: files.map {
                ArchiveManifest.File(
                    path: $0.0, size: Int64($0.1.count), sha256: ReferenceSHA256.hex($0.1))
            })
    }

    /// The entries limber writes for `files`.
    static func items(_ files: [(String, [UInt8])] = files) -> [Item] {
        var items: [Item] = [
            .manifest(manifest(files)), .file(files[0].0, files[0].1), .directory("devices"),
        ]
        var device = ""
        for (path, bytes) in files.dropFirst() {
            let folder = String(path.split(separator: "/")[1])
            if folder != device {
                items.append(.directory("devices/\(folder)"))
                device = folder
            }
            items.append(.file(path, bytes))
        }
        return items
    }

    static func bytes(_ items: [Item]) throws -> [UInt8] {
        try tarBytes { tar in
            for item in items {
                switch item {
                case .manifest(let manifest):
                    try tar.addFile("MANIFEST.json", try manifest.encoded())
                case .file(let path, let bytes): try tar.addFile(path, bytes)
                case .directory(let path): try tar.addDirectory(path)
                }
            }
        }
    }

    /// Writes the archive to `path` and walks it, returning what the walk saw.
    static func walk(_ items: [Item], at path: String) throws -> [String] {
        try writeFile(path, try bytes(items))
        var seen: [String] = []
        try ArchiveReader(path: path, passphrase: nil).walk { item in
            switch item {
            case .directory(let name): seen.append("dir \(name)")
            case .beginFile(let file): seen.append("begin \(file.path)")
            case .bytes(let chunk): seen.append("bytes \(chunk.count)")
            case .endFile(let file): seen.append("end \(file.path)")
            }
        }
        return seen
    }
}

/// A journal folder made by hand: `limber.json`, segments (any bytes: `create` does not read
/// them), and what must never be archived (`local/`, stray files).
enum HandJournal {
    static func make(
        at root: String, segments: [(String, [UInt8])] = Array(HandArchive.files.dropFirst())
    ) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/devices", withIntermediateDirectories: true)
        try manager.createDirectory(
            atPath: root + "/local/cache", withIntermediateDirectories: true)
        try writeFile(root + "/limber.json", HandArchive.limberJSON)
        try writeFile(root + "/.gitignore", Array("local/\n".utf8))
        try writeFile(root + "/local/device.json", Array(#"{"device":"0123456789abcdef"}"#.utf8))
        try writeFile(root + "/local/cache/snapshot", [1, 2, 3])
        try writeFile(root + "/notes.txt", Array("not part of a journal".utf8))
        for (path, bytes) in segments {
            let folder = root + "/" + path.split(separator: "/").dropLast().joined(separator: "/")
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try writeFile(root + "/" + path, bytes)
            // Not segments: never archived.
            try writeFile(folder + "/.0000000000000009.jsonl.gz.tmp", [9])
            try writeFile(folder + "/notes.txt", [9])
        }
    }
}

/// Running other programs (GNU tar, python3) with output going to files.
enum Program {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: String) throws -> Result {
        let name = UUID().uuidString
        let out = folder + "/.\(name).out"
        let err = folder + "/.\(name).err"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        defer {
            unlink(out)
            unlink(err)
        }
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try readFile(out), as: UTF8.self),
            stderr: String(decoding: try readFile(err), as: UTF8.self))
    }

    /// `true` when `python3` can import the `cryptography` package.
    static let hasPythonCryptography: Bool = {
        guard let folder = try? TempFolder() else { return false }
        defer { folder.remove() }
        return (try? run(["python3", "-c", "import cryptography"], in: folder.path))?.status == 0
    }()
}
