import Crypto

/// Makes event and session ids: lowercase RFC 9562 UUID strings.
package enum EventID {
    /// A time-ordered UUID version 7: 48 bits of Unix milliseconds, then random bits.
    package static func makeV7(millis: Int64 = HybridClock.wallClockMillis()) -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 16)
        let time = UInt64(max(0, millis))
        for index in 0..<6 {
            bytes[index] = UInt8(truncatingIfNeeded: time >> (40 - 8 * UInt64(index)))
        }
        let random = generator.next() as UInt64
        let random2 = generator.next() as UInt64
        for index in 6..<16 {
            let source = index < 14 ? random : random2
            bytes[index] = UInt8(truncatingIfNeeded: source >> (8 * UInt64(index % 8)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return format(bytes)
    }

    /// A random UUID version 4. Session ids are random so that short prefixes of them are
    /// unique, as git's are (v7 ids made in the same minute share their first 8 digits).
    package static func makeRandom() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return format(bytes)
    }

    /// A name-based UUID version 5 (SHA-1) in limber's namespace: the same name always gives the
    /// same id, on every machine. Imports use it so re-importing a file adds nothing.
    package static func makeNameBased(_ name: String) -> String {
        var hasher = Insecure.SHA1()
        hasher.update(data: namespace)
        hasher.update(data: Array(name.utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return format(bytes)
    }

    /// `true` when `text` is a lowercase UUID in the canonical 8-4-4-4-12 form.
    package static func isCanonical(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                if byte != UInt8(ascii: "-") { return false }
            } else if !((48...57).contains(byte) || (97...102).contains(byte)) {
                return false
            }
        }
        return true
    }

    /// limber's UUID namespace (itself a v4 UUID, fixed forever).
    private static let namespace: [UInt8] = [
        0x6c, 0x1b, 0x3e, 0x2a, 0x9d, 0x4f, 0x4e, 0x61, 0x8a, 0x2e, 0x57, 0x0b, 0xd3, 0x11, 0x7c,
        0x45,
    ]

    private static func format(_ bytes: [UInt8]) -> String {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
