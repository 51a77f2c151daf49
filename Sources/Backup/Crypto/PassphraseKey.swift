import Crypto
import FoundationEssentials
import _CryptoExtras

/// The archive key: scrypt of the passphrase (docs/ARCHIVE.md).
enum PassphraseKey {
    /// scrypt's cost: 2^17 × 8 × 128 bytes = 128 MiB of memory, about half a second. Tests
    /// lower it with `LIMBER_SCRYPT_N` (the value used is recorded in the archive).
    static let defaultN = 1 << 17

    static func derive(_ passphrase: String, salt: [UInt8], N: Int, r: Int, p: Int) throws(BackupError) -> SymmetricKey {
        do {
            return try KDF.Scrypt.deriveKey(
                from: Array(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: N,
                blockSize: r, parallelism: p)
        } catch {
            throw BackupError(.malformed("scrypt refused its parameters"))
        }
    }

    /// Random bytes from the system's generator.
    static func random(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
