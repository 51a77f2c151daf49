/// Reads a tar stream strictly, entry by entry, never holding more than a block and the
/// caller's chunk: headers must check out, pax extended headers may set `path` and `size` of
/// the next entry only, only files and folders are accepted, the end is two zero blocks
/// followed by nothing but zeros.
struct TarReader {
    /// One entry.
    struct Entry: Equatable {
        var path: String
        var size: Int64
        var isDirectory: Bool
    }

    private let source: any ByteSource
    /// Content bytes of the current entry not yet read, and the padding after them.
    private var remaining: Int64 = 0
    private var padding: Int = 0
    private var ended = false

    init(source: any ByteSource) { self.source = source }

    /// The next entry, or `nil` after the end marker; the rest of the current entry is skipped.
    mutating func next() throws(BackupError) -> Entry? {
        guard !ended else { return nil }
        while remaining > 0 { _ = try read(upTo: 1 << 20) }
        if padding > 0 {
            _ = try source.readExactly(padding, "a file's padding")
            padding = 0
        }
        var pax: [String: String] = [:]
        while true {
            let block = try source.readExactly(TarHeader.blockSize, "a tar header")
            guard let header = try TarHeader.decode(block) else {
                let second = try source.readExactly(TarHeader.blockSize, "the end of the tar archive")
                guard second.allSatisfy({ $0 == 0 }) else {
                    throw BackupError(.malformed("a lone zero block inside the tar archive"))
                }
                try expectOnlyZeros()
                ended = true
                return nil
            }
            if header.kind == .paxExtended {
                guard pax.isEmpty, header.size <= 64 << 10 else {
                    throw BackupError(.malformed("a pax header that is repeated or over 64 KiB"))
                }
                let records = try source.readExactly(Int(header.size), "a pax header")
                let rest = Int(header.size) % TarHeader.blockSize
                if rest != 0 { _ = try source.readExactly(TarHeader.blockSize - rest, "a pax header's padding") }
                pax = try Self.parsePax(records)
                continue
            }
            var entry = Entry(path: header.path, size: header.size, isDirectory: header.kind == .directory)
            if let path = pax["path"] { entry.path = path }
            if let size = pax["size"] {
                guard let value = Int64(size), value >= 0 else {
                    throw BackupError(.malformed("a pax size is not a number"))
                }
                entry.size = value
            }
            if entry.isDirectory, entry.size != 0 {
                throw BackupError(.malformed("a folder entry with content"))
            }
            remaining = entry.size
            let rest = Int(entry.size % Int64(TarHeader.blockSize))
            padding = rest == 0 ? 0 : TarHeader.blockSize - rest
            return entry
        }
    }

    /// The next bytes of the current file (at most `count`); empty at its end.
    mutating func read(upTo count: Int) throws(BackupError) -> [UInt8] {
        guard remaining > 0 else { return [] }
        let wanted = Int(min(Int64(count), remaining))
        let bytes = try source.read(wanted)
        guard !bytes.isEmpty else { throw BackupError(.truncated("a file's content")) }
        remaining -= Int64(bytes.count)
        return bytes
    }

    /// After the end marker only zero padding may follow.
    private func expectOnlyZeros() throws(BackupError) {
        while true {
            let bytes = try source.read(1 << 16)
            if bytes.isEmpty { return }
            guard bytes.allSatisfy({ $0 == 0 }) else {
                throw BackupError(.malformed("data after the end of the tar archive"))
            }
        }
    }

    /// Pax records `"<length> key=value\n"`; only `path`, `size`, `mtime`, `uid`, `gid`,
    /// `uname`, `gname` and `atime`/`ctime` are accepted (others could change how a file is
    /// written).
    static func parsePax(_ bytes: [UInt8]) throws(BackupError) -> [String: String] {
        var records: [String: String] = [:]
        var index = 0
        while index < bytes.count {
            guard let space = bytes[index...].firstIndex(of: 0x20),
                let length = Int(String(decoding: bytes[index..<space], as: UTF8.self)),
                length > space - index + 2, length <= bytes.count - index,
                bytes[index + length - 1] == 0x0A,
                let record = String(validating: bytes[(space + 1)..<(index + length - 1)], as: UTF8.self),
                let equals = record.firstIndex(of: "=")
            else { throw BackupError(.malformed("a pax record is not \"<length> key=value\"")) }
            let key = String(record[..<equals])
            let value = String(record[record.index(after: equals)...])
            let allowed: Set<String> = ["path", "size", "mtime", "uid", "gid", "uname", "gname", "atime", "ctime"]
            guard allowed.contains(key) else {
                throw BackupError(.unsafeEntry(key, "a pax record limber does not accept"))
            }
            records[key] = value
            index += length
        }
        return records
    }
}
