import Crypto
import EventLog
import Glibc

/// Walks an archive (plain or encrypted) from start to end, holding it to its manifest: the
/// first entry is `MANIFEST.json`; every other entry is a folder a journal has or the next
/// file the manifest lists, of its size, whose SHA-256 is checked as its bytes stream by.
/// Nothing is written here; the caller decides what to do with each file's bytes.
struct ArchiveReader {
    let path: String
    let passphrase: String?

    /// `true` when the file at `path` is an encrypted archive (it starts with `{`).
    static func isEncrypted(_ path: String) throws(BackupError) -> Bool {
        let source = try FileSource(path: path)
        let first = try source.read(1)
        guard let byte = first.first else { throw BackupError(.notAnArchive(path, "it is empty")) }
        return byte == UInt8(ascii: "{")
    }

    /// The plaintext stream: the file itself, or its decryption.
    private func open() throws(BackupError) -> any ByteSource {
        let file = try FileSource(path: path)
        guard try Self.isEncrypted(path) else { return file }
        guard let passphrase else { throw BackupError(.noPassphrase) }
        return try StreamOpener(source: file, passphrase: passphrase)
    }

    /// What the walk hands to its caller.
    enum Item {
        case directory(String)
        case beginFile(ArchiveManifest.File)
        case bytes([UInt8])
        /// The file's bytes all arrived and match its size and hash.
        case endFile(ArchiveManifest.File)
    }

    /// Reads the whole archive, calling `visit` for each item, and returns the manifest.
    ///
    /// - Parameter manifestOnly: Stop after the manifest (for `archive list`).
    @discardableResult
    func walk(manifestOnly: Bool = false, _ visit: (Item) throws -> Void = { _ in }) throws -> ArchiveManifest {
        let source = try open()
        var tar = TarReader(source: source)
        guard let first = try tar.next() else { throw BackupError(.notAnArchive(path, "it holds no entries")) }
        guard first.path == ArchiveManifest.path, !first.isDirectory else {
            throw BackupError(.notAnArchive(path, "it does not start with MANIFEST.json"))
        }
        // Refused before a byte of it is read.
        guard first.size <= ArchiveManifest.maximumSize else {
            throw BackupError(
                .malformed(
                    "MANIFEST.json is \(first.size) bytes, more than the \(ArchiveManifest.maximumSize >> 20) MiB limber writes"))
        }
        var manifestBytes: [UInt8] = []
        while true {
            let chunk = try tar.read(upTo: 1 << 20)
            if chunk.isEmpty { break }
            manifestBytes += chunk
        }
        let manifest = try ArchiveManifest.decode(manifestBytes)
        if manifestOnly { return manifest }
        var next = 0
        var devicesSeen = false
        var folders: Set<String> = []
        while let entry = try tar.next() {
            if entry.isDirectory {
                try ArchivePath.check(entry.path, isDirectory: true)
                let name = entry.path.hasSuffix("/") ? String(entry.path.dropLast()) : entry.path
                if name == "devices" { devicesSeen = true } else if !devicesSeen {
                    throw BackupError(.mismatch("\(entry.path) comes before devices/"))
                }
                guard folders.insert(name).inserted else {
                    throw BackupError(.mismatch("the folder \(entry.path) appears twice"))
                }
                try visit(.directory(name))
                continue
            }
            try ArchivePath.check(entry.path, isDirectory: false)
            if let slash = entry.path.lastIndex(of: "/"), !folders.contains(String(entry.path[..<slash])) {
                throw BackupError(.mismatch("\(entry.path) comes before its folder"))
            }
            guard next < manifest.files.count else {
                throw BackupError(.mismatch("\(entry.path) is not in MANIFEST.json"))
            }
            let expected = manifest.files[next]
            guard entry.path == expected.path else {
                throw BackupError(.mismatch("\(entry.path) where MANIFEST.json lists \(expected.path)"))
            }
            guard entry.size == expected.size else {
                throw BackupError(.mismatch("\(entry.path) has \(entry.size) bytes, MANIFEST.json says \(expected.size)"))
            }
            // A reader holds a whole segment; one larger than any journal reads is refused
            // before a byte of it is gathered (the header's size is the archive's word alone).
            let limit = SegmentLimits.standard.maxSegmentFile
            if entry.path.hasPrefix("devices/"), entry.size > Int64(limit) {
                throw BackupError(.malformed(
                    "\(entry.path) claims \(entry.size) bytes; a segment holds at most \(limit >> 20) MiB"))
            }
            try visit(.beginFile(expected))
            var hasher = SHA256()
            while true {
                let chunk = try tar.read(upTo: 1 << 20)
                if chunk.isEmpty { break }
                hasher.update(data: chunk)
                try visit(.bytes(chunk))
            }
            let digest = Hex.encode(hasher.finalize())
            guard digest == expected.sha256 else {
                throw BackupError(.mismatch("\(entry.path) does not have the SHA-256 MANIFEST.json gives"))
            }
            try visit(.endFile(expected))
            next += 1
        }
        guard next == manifest.files.count else {
            throw BackupError(.truncated("the tar archive: \(manifest.files[next].path) and \(manifest.files.count - next - 1) more files are missing"))
        }
        return manifest
    }
}
