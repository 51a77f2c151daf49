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

extension BackupError.Kind {
    /// The case's name, to match a family of errors whatever their text.
    var label: String {
        switch self {
        case .io: "io"
        case .notAnArchive: "notAnArchive"
        case .truncated: "truncated"
        case .malformed: "malformed"
        case .unsafeEntry: "unsafeEntry"
        case .mismatch: "mismatch"
        case .wrongPassphrase: "wrongPassphrase"
        case .damagedCiphertext: "damagedCiphertext"
        case .newerFormat: "newerFormat"
        case .targetNotEmpty: "targetNotEmpty"
        case .noPassphrase: "noPassphrase"
        case .passphrasesDiffer: "passphrasesDiffer"
        case .noJournal: "noJournal"
        }
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

/// Lowercase hex SHA-256 (FIPS 180-4), written out so the tests do not share limber's code.
enum SHA256Hex {
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
        0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
        0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
        0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
        0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
        0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
        0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
        0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
        0xc671_78f2,
    ]

    static func of(_ message: [UInt8]) -> String {
        var h: [UInt32] = [
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c,
            0x1f83_d9ab, 0x5be0_cd19,
        ]
        var data = message + [0x80]
        while data.count % 64 != 56 { data.append(0) }
        let bits = UInt64(message.count) * 8
        data += (0..<8).map { UInt8(truncatingIfNeeded: bits >> (56 - 8 * UInt64($0))) }
        func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
        var w = [UInt32](repeating: 0, count: 64)
        for block in stride(from: 0, to: data.count, by: 64) {
            for i in 0..<16 {
                w[i] = (0..<4).reduce(0) { $0 << 8 | UInt32(data[block + 4 * i + $1]) }
            }
            for i in 16..<64 {
                let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for i in 0..<64 {
                let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                let t1 = hh &+ s1 &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
                let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                let t2 = s0 &+ ((a & b) ^ (a & c) ^ (b & c))
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            for (i, v) in [a, b, c, d, e, f, g, hh].enumerated() { h[i] = h[i] &+ v }
        }
        return h.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
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

    /// The files of a two-device journal, in archive order.
    static let files: [(String, [UInt8])] = [
        ("limber.json", limberJSON), (segment1, randomBytes(700, seed: 1)),
        (segment2, randomBytes(1500, seed: 2)), (segment3, randomBytes(10, seed: 3)),
    ]

    static func manifest(_ files: [(String, [UInt8])]) -> ArchiveManifest {
        ArchiveManifest(
            format: "limber.archive", version: 1, journal: journalID,
            created: "2026-11-25T08:00:00Z",
            files: files.map {
                ArchiveManifest.File(
                    path: $0.0, size: Int64($0.1.count), sha256: SHA256Hex.of($0.1))
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
