import Foundation
import Testing

/// Looking at a journal folder from outside, as a user with stock tools would.
enum JournalFiles {
    /// The device folders under `devices/`, sorted.
    static func devices(_ journal: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: journal + "/devices")
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every segment (`devices/<id>/<16 digits>.jsonl.gz`), as absolute paths, sorted.
    static func segments(_ journal: String) throws -> [String] {
        var result: [String] = []
        for device in try devices(journal) {
            let folder = journal + "/devices/" + device
            for name in try FileManager.default.contentsOfDirectory(atPath: folder)
            where isSegmentName(name) {
                result.append(folder + "/" + name)
            }
        }
        return result.sorted()
    }

    /// `true` for `<16 digits>.jsonl.gz`.
    static func isSegmentName(_ name: String) -> Bool {
        guard name.hasSuffix(".jsonl.gz") else { return false }
        let stem = name.dropLast(".jsonl.gz".count)
        return stem.count == 16 && stem.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The one segment of a journal with one device and one segment.
    static func onlySegment(_ journal: String) throws -> String {
        let all = try segments(journal)
        try #require(all.count == 1, "expected one segment, found \(all)")
        return all[0]
    }

    /// The gzip members of a segment as (offset, size), walked with the `LB` extra field
    /// (DESIGN §3): header bytes 12…13 are "LB", 16…19 the member size, little-endian.
    static func members(of bytes: Data) throws -> [(offset: Int, size: Int)] {
        let data = [UInt8](bytes)
        var result: [(offset: Int, size: Int)] = []
        var offset = 0
        while offset < data.count {
            try #require(offset + 20 <= data.count, "truncated member header at \(offset)")
            try #require(
                data[offset] == 0x1f && data[offset + 1] == 0x8b, "no gzip magic at \(offset)")
            try #require(data[offset + 3] & 0x04 != 0, "no FEXTRA at \(offset)")
            try #require(
                data[offset + 12] == UInt8(ascii: "L") && data[offset + 13] == UInt8(ascii: "B"))
            let size = (0..<4).reduce(0) { $0 | Int(data[offset + 16 + $1]) << (8 * $1) }
            try #require(
                size > 20 && offset + size <= data.count, "bad member size \(size) at \(offset)")
            result.append((offset, size))
            offset += size
        }
        return result
    }
}
