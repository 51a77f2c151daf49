import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed gzip member header (RFC 1952 §2.3), with limber's `LB` subfield if present.
struct GzipHeader {
    /// The `LB` extra subfield (DESIGN §3).
    struct Index: Equatable {
        /// Total bytes of the member, header to trailer.
        var memberSize: UInt32
        /// The `seq` of the member's first event.
        var firstSeq: UInt64
        /// The number of events in the member.
        var count: UInt32
    }

    /// The header's size in bytes; the deflate data starts right after it.
    var length: Int
    /// The `LB` subfield, or `nil` for a plain gzip member.
    var index: Index?
    /// The XFL byte (compression hints: 0, 2 or 4 from known writers).
    var extraFlags: UInt8
    /// The OS byte (0…13, or 255 for unknown).
    var operatingSystem: UInt8

    /// The outcome of ``parse(_:at:)``.
    enum Parsed {
        case header(GzipHeader)
        /// The bytes do not start with the gzip magic `1f 8b`.
        case notGzip
        /// The file ends inside the header.
        case truncated
        /// A gzip header that breaks the format; the string says how.
        case bad(String)
    }

    static let magic1: UInt8 = 0x1F
    static let magic2: UInt8 = 0x8B
    static let methodDeflate: UInt8 = 8
    static let flagText: UInt8 = 0x01
    static let flagHeaderCRC: UInt8 = 0x02
    static let flagExtra: UInt8 = 0x04
    static let flagName: UInt8 = 0x08
    static let flagComment: UInt8 = 0x10
    static let reservedFlags: UInt8 = 0xE0
    /// The `LB` subfield id and data length.
    static let indexID: (UInt8, UInt8) = (UInt8(ascii: "L"), UInt8(ascii: "B"))
    static let indexLength = 16

    /// Parses the header that starts at `offset`.
    ///
    /// Every read is bounds-checked against `bytes.count`; `offset` must be in
    /// `0..<bytes.count`.
    static func parse(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Parsed {
        let available = bytes.count - offset
        // Check the magic byte by byte so that a file cut inside a header reads as truncated,
        // and anything else as not gzip.
        guard bytes[offset] == magic1 else { return .notGzip }
        guard available >= 2 else { return .truncated }
        guard bytes[offset + 1] == magic2 else { return .notGzip }
        guard available >= 3 else { return .truncated }
        guard bytes[offset + 2] == methodDeflate else {
            return .bad("compression method \(bytes[offset + 2]) is not deflate (8)")
        }
        guard available >= 10 else { return .truncated }
        let flags = bytes[offset + 3]
        guard flags & reservedFlags == 0 else { return .bad("reserved header flags are set") }

        var position = 10  // relative to offset
        var index: Index?
        if flags & flagExtra != 0 {
            guard available >= position + 2 else { return .truncated }
            let extraLength = Int(bytes.littleEndianUInt16(at: offset + position))
            position += 2
            guard available >= position + extraLength else { return .truncated }
            let extraEnd = position + extraLength
            while position < extraEnd {
                guard extraEnd - position >= 4 else {
                    return .bad("the extra field ends inside a subfield header")
                }
                let id = (bytes[offset + position], bytes[offset + position + 1])
                let length = Int(bytes.littleEndianUInt16(at: offset + position + 2))
                position += 4
                guard extraEnd - position >= length else {
                    return .bad("an extra subfield runs past the extra field")
                }
                if id == indexID {
                    guard length == indexLength else {
                        return .bad("the LB subfield has length \(length), not 16")
                    }
                    guard index == nil else { return .bad("the header has two LB subfields") }
                    let at = offset + position
                    let first = bytes.littleEndianUInt64(at: at + 4)
                    let count = UInt64(bytes.littleEndianUInt32(at: at + 12))
                    // Bounded here, so that no sum of a first seq and a count overflows.
                    guard first >= 1, count >= 1, first <= Event.maxSeq - count + 1 else {
                        return .bad("the LB subfield's first_seq \(first) and count \(count) are out of range")
                    }
                    index = Index(
                        memberSize: bytes.littleEndianUInt32(at: at),
                        firstSeq: bytes.littleEndianUInt64(at: at + 4),
                        count: bytes.littleEndianUInt32(at: at + 12))
                }
                position += length
            }
        }
        // FNAME and FCOMMENT: zero-terminated strings, in that order.
        var stringCount = (flags & flagName != 0 ? 1 : 0) + (flags & flagComment != 0 ? 1 : 0)
        while stringCount > 0 {
            guard let base = bytes.baseAddress, available > position,
                let zero = memchr(base + offset + position, 0, available - position)
            else { return .truncated }
            position = UnsafeRawPointer(zero) - (base + offset) + 1
            stringCount -= 1
        }
        if flags & flagHeaderCRC != 0 {
            guard available >= position + 2 else { return .truncated }
            let stored = bytes.littleEndianUInt16(at: offset + position)
            let computed = UInt16(
                truncatingIfNeeded: CRC32.checksum(
                    UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + position])))
            guard stored == computed else { return .bad("the header CRC does not match") }
            position += 2
        }
        return .header(
            GzipHeader(
                length: position, index: index, extraFlags: bytes[offset + 8],
                operatingSystem: bytes[offset + 9]))
    }

    /// Whether XFL and OS hold values that real gzip writers use; a cheap filter for
    /// candidate headers when searching damaged data for the next plain gzip member.
    var looksWritten: Bool {
        (extraFlags == 0 || extraFlags == 2 || extraFlags == 4)
            && (operatingSystem <= 13 || operatingSystem == 255)
    }
}
