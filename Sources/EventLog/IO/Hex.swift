import Crypto

/// Lowercase hexadecimal text and the chain hash of DESIGN §4.
package enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lowercase hex of `bytes`.
    ///
    /// Not generic: an unspecialized generic call from another module made the runtime look up
    /// a conformance, a scan of every conformance record (about 0.26 M instructions) on the
    /// open path (docs/PERFORMANCE.md).
    package static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (index, byte) in bytes.enumerated() {
                out[2 * index] = digits[Int(byte >> 4)]
                out[2 * index + 1] = digits[Int(byte & 0x0F)]
            }
            return bytes.count * 2
        }
    }

    /// Lowercase hex of `bytes`.
    package static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { encode($0) }
    }

    /// Lowercase hex of a SHA-256 digest.
    package static func encode(_ digest: SHA256.Digest) -> String {
        digest.withUnsafeBytes { encode($0) }
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
