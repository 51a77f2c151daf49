import CZlib

/// The gzip CRC32, computed by zlib's `crc32`.
enum CRC32 {
    /// Returns the CRC32 of `bytes`, continuing from `initial` (0 to start).
    static func checksum(_ bytes: UnsafeRawBufferPointer, continuing initial: UInt32 = 0)
        -> UInt32
    {
        guard var base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return initial
        }
        var crc = uLong(initial)
        var remaining = bytes.count
        // zlib takes a 32-bit length.
        while remaining > 0 {
            let chunk = min(remaining, 1 << 30)
            crc = crc32(crc, base, uInt(chunk))
            base += chunk
            remaining -= chunk
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
