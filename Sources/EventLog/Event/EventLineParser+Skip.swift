extension EventLineParser.Reader {
    /// Skips a value `Event.init(from:)` does not decode, checking only what `JSONDecoder`'s
    /// scanner checks for such values: the structure, literals, strings up to their closing
    /// quote (contents unchecked), number tokens made of `0-9 . + - e E`, nesting depth.
    ///
    /// Iterative: hostile nesting costs one bit per level, never stack.
    mutating func skipValue() throws(EventLineParser.Failure) {
        // One bit per open container of this value: 1 for an object, 0 for an array.
        var kinds = (
            UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0)
        )
        var levels = 0
        value: while true {
            let byte = try peekToken()
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                try skipStringBody()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                let hasMembers = isObject ? try beginObject() : try beginArray()
                if hasMembers {
                    Self.setBit(&kinds, levels, isObject)
                    levels += 1
                    if isObject { try skipKey() }
                    continue value
                }
            case UInt8(ascii: "t"): try expectLiteral("true")
            case UInt8(ascii: "f"): try expectLiteral("false")
            case UInt8(ascii: "n"): try expectLiteral("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                index += 1
                while index < end, Self.isNumberByte(base[index]) { index += 1 }
            default:
                throw fail("a JSON value")
            }
            // A value is complete: close the containers it completes.
            while levels > 0 {
                let isObject = Self.bit(kinds, levels - 1)
                let more = isObject ? try nextMember() : try nextElement()
                guard !more else {
                    if isObject { try skipKey() }
                    continue value
                }
                levels -= 1
            }
            return
        }
    }

    /// Skips a key and its colon; the key is not checked (nobody decodes it).
    private mutating func skipKey() throws(EventLineParser.Failure) {
        guard index < end, base[index] == UInt8(ascii: "\"") else { throw fail("a key") }
        index += 1
        try skipStringBody()
        try expectColon()
    }

    private typealias Bits = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    private static func setBit(_ bits: inout Bits, _ position: Int, _ value: Bool) {
        withUnsafeMutableBytes(of: &bits) { raw in
            let words = raw.bindMemory(to: UInt64.self)
            let mask = UInt64(1) << UInt64(position & 63)
            if value { words[position >> 6] |= mask } else { words[position >> 6] &= ~mask }
        }
    }

    private static func bit(_ bits: Bits, _ position: Int) -> Bool {
        withUnsafeBytes(of: bits) { raw in
            raw.load(fromByteOffset: (position >> 6) * 8, as: UInt64.self)
                >> UInt64(position & 63) & 1 == 1
        }
    }
}
