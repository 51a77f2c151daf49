#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings as `JSONDecoder` reads them: decoded ones fully checked (escapes, surrogates,
/// control characters, UTF-8), skipped ones only scanned to their closing quote.
extension EventLineParser.Reader {
    typealias Failure = EventLineParser.Failure

    /// A key of an object that gets decoded: `JSONDecoder` validates every such key.
    @inline(__always)
    mutating func readKey() throws(Failure) -> UnsafeBufferPointer<UInt8> {
        guard index < end, base[index] == UInt8(ascii: "\"") else { throw fail("a key") }
        return try readStringBytes()
    }

    /// A string value as validated UTF-8, valid until the next string is read.
    mutating func readStringBytes() throws(Failure) -> UnsafeBufferPointer<UInt8> {
        guard try peekToken() == UInt8(ascii: "\"") else { throw fail("a string") }
        let start = index + 1
        var nonASCII = false
        let stop = scanPlain(from: start, nonASCII: &nonASCII)
        guard stop < end else {
            index = end
            throw fail("'\"'")
        }
        if base[stop] == UInt8(ascii: "\"") {
            let bytes = UnsafeBufferPointer(start: base + start, count: stop - start)
            if nonASCII, !Self.isValidUTF8(bytes) {
                index = start
                throw fail("UTF-8")
            }
            index = stop + 1
            return bytes
        }
        let unescaped = try unescape(from: start, plainUpTo: stop)
        guard Self.isValidUTF8(unescaped) else {
            index = start
            throw fail("UTF-8")
        }
        return unescaped
    }

    /// A string value.
    mutating func readString() throws(Failure) -> String {
        guard try peekToken() == UInt8(ascii: "\"") else { throw fail("a string") }
        let start = index + 1
        var nonASCII = false
        let stop = scanPlain(from: start, nonASCII: &nonASCII)
        guard stop < end else {
            index = end
            throw fail("'\"'")
        }
        let bytes: UnsafeBufferPointer<UInt8>
        if base[stop] == UInt8(ascii: "\"") {
            bytes = UnsafeBufferPointer(start: base + start, count: stop - start)
            index = stop + 1
            if !nonASCII { return String(decoding: bytes, as: UTF8.self) }
        } else {
            bytes = try unescape(from: start, plainUpTo: stop)
        }
        guard let string = String(validating: bytes, as: UTF8.self) else {
            index = start
            throw fail("UTF-8")
        }
        return string
    }

    /// A string value or `null`.
    @inline(__always)
    mutating func readOptionalString() throws(Failure) -> String? {
        try readNull() ? nil : try readString()
    }

    /// The offset of the first `"`, `\` or control byte from `start` (or `end`), eight
    /// bytes at a time; sets `nonASCII` if a byte ≥ 0x80 comes before it.
    @inline(__always)
    private func scanPlain(from start: Int, nonASCII: inout Bool) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var high: UInt64 = 0
        var position = start
        let raw = UnsafeRawPointer(base)
        while end - position >= 8 {
            let word = UInt64(
                littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            // Per byte: zero (a quote or a backslash), or below 0x20. The lowest flag is exact.
            let hits =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                | ((word &- ones &* 0x20) & ~word)
            let found = hits & highs
            if found != 0 {
                let offset = found.trailingZeroBitCount >> 3
                high |= word & ((1 << (UInt64(offset) << 3)) &- 1)
                nonASCII = high & highs != 0
                return position + offset
            }
            high |= word
            position += 8
        }
        while position < end {
            let byte = base[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            high |= UInt64(byte)
            position += 1
        }
        nonASCII = high & highs != 0
        return position
    }

    /// Decodes a string with escapes (or a control byte) into the scratch buffer, from the
    /// first byte after the quote; `plain` bytes need no decoding. Leaves `index` after the
    /// closing quote. Escapes are checked as `JSONDecoder` checks them.
    private mutating func unescape(from start: Int, plainUpTo plain: Int) throws(Failure)
        -> UnsafeBufferPointer<UInt8>
    {
        // Find the closing quote as JSONDecoder's scanner does, so errors agree.
        index = plain
        try skipStringBody()
        let close = index - 1
        let buffer = scratchBuffer()
        var out = plain - start
        buffer.update(from: base + start, count: out)
        var position = plain
        while position < close {
            let byte = base[position]
            if byte != UInt8(ascii: "\\") {
                guard byte >= 0x20 else {
                    throw .invalid(offset: position, expected: "an escaped control character")
                }
                buffer[out] = byte
                out += 1
                position += 1
                continue
            }
            position += 1  // the scanner guarantees a byte after "\"
            let escape = base[position]
            position += 1
            var decoded: UInt8 = 0
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded = escape
            case UInt8(ascii: "b"): decoded = 0x08
            case UInt8(ascii: "f"): decoded = 0x0C
            case UInt8(ascii: "n"): decoded = 0x0A
            case UInt8(ascii: "r"): decoded = 0x0D
            case UInt8(ascii: "t"): decoded = 0x09
            case UInt8(ascii: "u"):
                let scalar = try unicodeEscape(at: &position, close: close)
                out = Self.appendUTF8(scalar, to: buffer, at: out)
                continue
            default:
                throw .invalid(
                    offset: position - 1,
                    expected: "an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)")
            }
            buffer[out] = decoded
            out += 1
        }
        return UnsafeBufferPointer(start: buffer, count: out)
    }

    /// The scalar of `XXXX` (after `\u`) at `position`, with its low surrogate if needed.
    private func unicodeEscape(at position: inout Int, close: Int) throws(Failure) -> UInt32 {
        guard let unit = hex4(at: position, close: close) else {
            throw .invalid(offset: position, expected: "4 hex digits")
        }
        position += 4
        if unit & 0xFC00 == 0xD800 {
            guard close - position >= 2, base[position] == UInt8(ascii: "\\"),
                base[position + 1] == UInt8(ascii: "u")
            else { throw .invalid(offset: position, expected: "a low surrogate") }
            guard let low = hex4(at: position + 2, close: close) else {
                throw .invalid(offset: position + 2, expected: "4 hex digits")
            }
            guard low & 0xFC00 == 0xDC00 else {
                throw .invalid(offset: position + 2, expected: "a low surrogate")
            }
            position += 6
            return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        }
        guard unit & 0xF800 != 0xD800 else {
            throw .invalid(offset: position - 4, expected: "a high surrogate first")
        }
        return unit
    }

    private func hex4(at position: Int, close: Int) -> UInt32? {
        guard close - position >= 4 else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = base[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func appendUTF8(
        _ scalar: UInt32, to buffer: UnsafeMutablePointer<UInt8>, at offset: Int
    ) -> Int {
        switch scalar {
        case ..<0x80:
            buffer[offset] = UInt8(scalar)
            return offset + 1
        case ..<0x800:
            buffer[offset] = UInt8(0xC0 | scalar >> 6)
            buffer[offset + 1] = UInt8(0x80 | scalar & 0x3F)
            return offset + 2
        case ..<0x10000:
            buffer[offset] = UInt8(0xE0 | scalar >> 12)
            buffer[offset + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            buffer[offset + 2] = UInt8(0x80 | scalar & 0x3F)
            return offset + 3
        default:
            buffer[offset] = UInt8(0xF0 | scalar >> 18)
            buffer[offset + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            buffer[offset + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            buffer[offset + 3] = UInt8(0x80 | scalar & 0x3F)
            return offset + 4
        }
    }

    /// A buffer as long as the line: no unescaped string is longer than its escaped form.
    private mutating func scratchBuffer() -> UnsafeMutablePointer<UInt8> {
        if let scratch { return scratch }
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(end, 1))
        scratch = buffer
        return buffer
    }

    /// Skips the rest of a string from `index` (just after its opening quote) the way
    /// `JSONDecoder`'s scanner does for strings it does not decode: to the first unescaped
    /// quote, any byte allowed, `\u` followed by 4 bytes that are not quotes.
    mutating func skipStringBody() throws(Failure) {
        while index < end {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            guard byte == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            guard end - index >= 2 else {
                index = end
                throw fail("'\"'")
            }
            index += 2
            guard base[index - 1] == UInt8(ascii: "u") else { continue }
            guard end - index >= 4 else { throw fail("4 hex digits") }
            for offset in 0..<4 where base[index + offset] == UInt8(ascii: "\"") {
                throw fail("4 hex digits")
            }
            index += 4
        }
        throw fail("'\"'")
    }

    // MARK: - UTF-8

    /// Whether `bytes` are well-formed UTF-8 (Unicode Table 3-7): what Swift's `String`
    /// validation, and so `JSONDecoder`, accepts.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var position = 0
        while position < count {
            let lead = base[position]
            if lead < 0x80 {
                position += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return false
            }
            guard count - position >= length else { return false }
            let second = base[position + 1]
            guard second >= low, second <= high else { return false }
            for offset in 2..<max(length, 2) where base[position + offset] & 0xC0 != 0x80 {
                return false
            }
            position += length
        }
        return true
    }
}
