import FoundationEssentials
import Glibc
import JournalModel

/// The writer's chain head, cached in `local/cache/head-<device>.json` so that a `log` does not
/// scan its open segment. It is trusted only while the segment still has exactly the size and
/// the last 8 bytes (the last member's CRC and length) it records.
struct WriterHead: Codable, Sendable, Equatable {
    var segment: String
    var size: Int
    var seq: UInt64
    var hash: String
    var hlc: HLC
    /// Hex of the segment's last 8 bytes.
    var tail: String

    static func path(layout: JournalLayout, device: String) -> String {
        layout.cache + "/head-\(device).json"
    }

    static func load(layout: JournalLayout, device: String) -> WriterHead? {
        guard let bytes = try? FileSystem.readFile(path(layout: layout, device: device), limit: 1 << 16) else {
            return nil
        }
        return try? JSONCoding.decoder().decode(WriterHead.self, from: Data(bytes))
    }

    /// `true` when the segment is still exactly as this head saw it.
    func matches(segmentPath: String, name: String) -> Bool {
        guard name == segment, size > 0, FileSystem.fileSize(segmentPath) == Int64(size) else {
            return false
        }
        return Self.tail(of: segmentPath, size: size) == tail
    }

    /// Writes the cache without fsync: a lost or stale one only costs a scan.
    func save(layout: JournalLayout, device: String) {
        guard let bytes = try? JSONCoding.encoder().encode(self) else { return }
        do {
            try FileSystem.makeDirectories(layout.cache)
            let file = try AtomicFile(replacing: Self.path(layout: layout, device: device))
            try file.write(Array(bytes))
            try file.commit(durable: false)
        } catch {
            return  // only a cache
        }
    }

    /// Hex of the last 8 bytes of the first `size` bytes of the file.
    static func tail(of path: String, size: Int) -> String? {
        guard size >= 8 else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 8)
        let count = buffer.withUnsafeMutableBytes {
            pread(descriptor, $0.baseAddress, 8, off_t(size - 8))
        }
        return count == 8 ? Hex.encode(buffer) : nil
    }
}
