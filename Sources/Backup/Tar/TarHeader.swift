/// One 512-byte ustar header (POSIX.1-2001), as limber writes and accepts it.
struct TarHeader: Equatable {
    /// The entry types limber writes and accepts; anything else is refused on reading.
    enum Kind: UInt8 {
        case file = 0x30  // "0"
        case directory = 0x35  // "5"
        case paxExtended = 0x78  // "x"
    }

    static let blockSize = 512

    var path: String
    var size: Int64
    var mode: UInt32
    var mtime: Int64
    var kind: Kind

    /// The header block. Names up to 100 bytes go in `name`; longer ones need a pax header
    /// before this one (``TarWriter`` writes it), and this block carries a truncated name.
    func encoded() -> [UInt8] {
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        // Cut at a character boundary: a reader checks that the name is UTF-8 (the whole name
        // travels in a pax header).
        let utf8 = Array(path.utf8)
        var cut = min(100, utf8.count)
        while cut < utf8.count, cut > 0, utf8[cut] & 0xC0 == 0x80 { cut -= 1 }
        let name = Array(utf8[0..<cut])
        block.replaceSubrange(0..<name.count, with: name)
        Self.octal(Int64(mode), into: &block, at: 100, width: 8)
        Self.octal(0, into: &block, at: 108, width: 8)  // uid
        Self.octal(0, into: &block, at: 116, width: 8)  // gid
        Self.octal(min(size, 0o77777777777), into: &block, at: 124, width: 12)
        Self.octal(max(0, min(mtime, 0o77777777777)), into: &block, at: 136, width: 12)
        block[156] = kind.rawValue
        block.replaceSubrange(257..<263, with: Array("ustar\0".utf8))
        block.replaceSubrange(263..<265, with: Array("00".utf8))
        // The checksum is summed with its own field as spaces.
        block.replaceSubrange(148..<156, with: [UInt8](repeating: 0x20, count: 8))
        let sum = block.reduce(0) { $0 + Int64($1) }
        Self.octal(sum, into: &block, at: 148, width: 7)
        block[155] = 0x20
        return block
    }

    /// Writes `value` as zero-padded octal digits and a NUL in `width` bytes.
    static func octal(_ value: Int64, into block: inout [UInt8], at offset: Int, width: Int) {
        var digits = Array(String(value, radix: 8).utf8)
        if digits.count < width - 1 {
            digits = [UInt8](repeating: UInt8(ascii: "0"), count: width - 1 - digits.count) + digits
        }
        block.replaceSubrange(offset..<(offset + width - 1), with: digits.suffix(width - 1))
        block[offset + width - 1] = 0
    }

    /// Reads a header block strictly: the checksum, the `ustar` magic, octal numbers, a known
    /// type. `nil` for an all-zero block (the end of the archive).
    static func decode(_ block: [UInt8]) throws(BackupError) -> TarHeader? {
        guard block.count == blockSize else { throw BackupError(.truncated("a tar header")) }
        if block.allSatisfy({ $0 == 0 }) { return nil }
        var summed = block
        summed.replaceSubrange(148..<156, with: [UInt8](repeating: 0x20, count: 8))
        let expected = summed.reduce(0) { $0 + Int64($1) }
        guard let stored = try? number(block, 148, 8, "checksum"), stored == expected else {
            throw BackupError(.malformed("a tar header's checksum is wrong"))
        }
        guard Array(block[257..<263]) == Array("ustar\0".utf8), Array(block[263..<265]) == Array("00".utf8) else {
            throw BackupError(.malformed("a tar header is not ustar/pax"))
        }
        guard let kind = Kind(rawValue: block[156]) else {
            let type = block[156]
            let name = String(decoding: block[0..<100].prefix { $0 != 0 }, as: UTF8.self)
            let what: String
            switch type {
            case 0x31, 0x32: what = "a link"
            case 0x33, 0x34, 0x36: what = "a device file or a pipe"
            case 0x67: what = "a global pax header"
            default: what = "an entry of tar type \(type < 0x20 || type > 0x7E ? "\(type)" : String(UnicodeScalar(type)))"
            }
            throw BackupError(.unsafeEntry(name, "\(what) (only files and folders are restored)"))
        }
        var name = Array(block[0..<100].prefix { $0 != 0 })
        let prefix = Array(block[345..<500].prefix { $0 != 0 })
        if !prefix.isEmpty { name = prefix + [UInt8(ascii: "/")] + name }
        guard let path = String(validating: name, as: UTF8.self) else {
            throw BackupError(.malformed("a tar entry's name is not UTF-8"))
        }
        return TarHeader(
            path: path, size: try number(block, 124, 12, "size"),
            mode: UInt32(truncatingIfNeeded: try number(block, 100, 8, "mode")),
            mtime: try number(block, 136, 12, "mtime"), kind: kind)
    }

    /// An octal field: digits, then NULs or spaces.
    static func number(_ block: [UInt8], _ offset: Int, _ width: Int, _ field: String) throws(BackupError) -> Int64 {
        var value: Int64 = 0
        var index = offset
        let end = offset + width
        while index < end, block[index] == 0x20 { index += 1 }
        var digits = 0
        while index < end, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(block[index]) {
            guard value < Int64.max >> 3 else { throw BackupError(.malformed("a tar \(field) is too large")) }
            value = value << 3 | Int64(block[index] - UInt8(ascii: "0"))
            index += 1
            digits += 1
        }
        while index < end {
            guard block[index] == 0 || block[index] == 0x20 else {
                throw BackupError(.malformed("a tar \(field) field is not an octal number"))
            }
            index += 1
        }
        guard digits > 0 else { throw BackupError(.malformed("a tar \(field) field is empty")) }
        return value
    }
}
