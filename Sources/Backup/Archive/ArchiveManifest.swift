import EventLog
import FoundationEssentials
import JournalModel

/// `MANIFEST.json`, the first entry of an archive (docs/ARCHIVE.md).
public struct ArchiveManifest: Codable, Sendable, Equatable {
    /// One archived file.
    public struct File: Codable, Sendable, Equatable {
        /// Its path in the journal folder.
        public var path: String
        /// Its size in bytes.
        public var size: Int64
        /// Lowercase hex SHA-256 of its content.
        public var sha256: String
    }

    /// `limber.archive`.
    public var format: String
    /// 1.
    public var version: Int
    /// The journal id (from `limber.json`).
    public var journal: String
    /// When the archive was made (RFC 3339).
    public var created: String
    /// Every file, in archive order.
    public var files: [File]

    static let formatName = "limber.archive"
    static let path = "MANIFEST.json"
    /// A manifest beyond this is not one limber wrote (about 50,000 segments, 200 GB of log);
    /// checked before its bytes are read.
    static let maximumSize = 8 << 20

    func encoded() throws(BackupError) -> [UInt8] {
        do { return Array(try JSONCoding.encoder().encode(self)) + [0x0A] } catch {
            throw BackupError(.malformed("cannot encode the manifest"))
        }
    }

    static func decode(_ bytes: [UInt8]) throws(BackupError) -> ArchiveManifest {
        let manifest: ArchiveManifest
        do { manifest = try JSONCoding.decoder().decode(ArchiveManifest.self, from: Data(bytes)) } catch {
            throw BackupError(.malformed("MANIFEST.json is not valid"))
        }
        guard manifest.format == formatName else { throw BackupError(.malformed("MANIFEST.json names another format")) }
        guard manifest.version == 1 else { throw BackupError(.newerFormat(manifest.version)) }
        var seen: Set<String> = []
        var total: Int64 = 0
        for file in manifest.files {
            try ArchivePath.check(file.path, isDirectory: false)
            let (sum, overflow) = total.addingReportingOverflow(file.size)
            total = sum
            guard seen.insert(file.path).inserted, file.size >= 0, !overflow,
                file.sha256.utf8.count == 64,
                file.sha256.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
            else {
                throw BackupError(.malformed("MANIFEST.json lists \(file.path) twice or with a bad size or hash"))
            }
        }
        guard manifest.files.first?.path == "limber.json" else {
            throw BackupError(.malformed("MANIFEST.json does not list limber.json first"))
        }
        return manifest
    }
}

/// The only paths an archive may hold: `limber.json`, `devices/`, `devices/<id>/` and the
/// segments in them. Anything else (absolute, `..`, other names) is refused before anything is
/// written.
enum ArchivePath {
    static func check(_ path: String, isDirectory: Bool) throws(BackupError) {
        if path.hasPrefix("/") { throw BackupError(.unsafeEntry(path, "an absolute path")) }
        let trimmed = isDirectory && path.hasSuffix("/") ? String(path.dropLast()) : path
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0 == ".." }) { throw BackupError(.unsafeEntry(path, "a path with ..")) }
        if parts.contains(where: { $0.isEmpty || $0 == "." }) {
            throw BackupError(.unsafeEntry(path, "a path with an empty or . component"))
        }
        let valid: Bool
        switch (parts.count, isDirectory) {
        case (1, false): valid = parts[0] == "limber.json"
        case (1, true): valid = parts[0] == "devices"
        case (2, true): valid = parts[0] == "devices" && isDeviceID(parts[1])
        case (3, false):
            valid = parts[0] == "devices" && isDeviceID(parts[1]) && isSegmentName(parts[2])
        default: valid = false
        }
        guard valid else { throw BackupError(.unsafeEntry(path, "not a file of a journal")) }
    }

    /// A device id as devices make them: 16 lowercase hex digits.
    static func isDeviceID(_ text: Substring) -> Bool { DeviceIdentity.isValidID(String(text)) }

    static func isSegmentName(_ text: Substring) -> Bool {
        text.count == 25 && text.hasSuffix(".jsonl.gz") && text.prefix(16).utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
