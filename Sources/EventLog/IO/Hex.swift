import Crypto

/// Lowercase hexadecimal text and the chain hash of DESIGN §4.
package enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lowercase hex of `bytes`.
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `prev` of a device's first event.
    package static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 hex of one stored line, without its newline: the next event's `prev`.
    package static func chainHash(_ line: UnsafeRawBufferPointer) -> String {
        var hasher = SHA256()
        hasher.update(bufferPointer: line)
        return encode(hasher.finalize())
    }

    /// SHA-256 hex of one stored line, without its newline.
    package static func chainHash(_ line: [UInt8]) -> String {
        line.withUnsafeBytes { chainHash($0) }
    }
}
