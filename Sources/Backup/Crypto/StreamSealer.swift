import Crypto
import EventLog
import FoundationEssentials

/// Encrypts what is written into chunks (STREAM with ChaCha20-Poly1305, docs/ARCHIVE.md) and
/// writes them to `next`, after the header line.
final class StreamSealer: ByteSink {
    private let next: any ByteSink
    private let key: SymmetricKey
    private let header: [UInt8]
    private let prefix: [UInt8]
    private let chunkSize: Int
    private var pending: [UInt8] = []
    private var counter: UInt32 = 0

    /// Writes the header for a key derived from `passphrase` to `next`.
    init(passphrase: String, next: any ByteSink, N: Int, chunkSize: Int = 1 << 16) throws(BackupError) {
        let salt = PassphraseKey.random(16)
        key = try PassphraseKey.derive(passphrase, salt: salt, N: N, r: 8, p: 1)
        prefix = PassphraseKey.random(7)
        let header = EncryptionHeader(
            format: EncryptionHeader.formatName, version: 1, cipher: "ChaCha20-Poly1305",
            chunkSize: chunkSize,
            kdf: .init(name: "scrypt", N: N, r: 8, p: 1, salt: Data(salt).base64EncodedString()),
            nonce: Hex.encode(prefix),
            check: EncryptionHeader.check(for: key))
        self.header = header.line
        self.next = next
        self.chunkSize = chunkSize
        try next.write(self.header)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(BackupError) {
        pending.append(contentsOf: bytes)
        // A chunk is sealed as "not last" only once more data follows it.
        while pending.count > chunkSize {
            try seal(Array(pending[0..<chunkSize]), last: false)
            pending.removeSubrange(0..<chunkSize)
        }
    }

    func finish() throws(BackupError) {
        try seal(pending, last: true)
        pending = []
        try next.finish()
    }

    private func seal(_ plaintext: [UInt8], last: Bool) throws(BackupError) {
        let nonce = StreamNonce.make(prefix: prefix, counter: counter, last: last)
        do {
            let box = try ChaChaPoly.seal(
                plaintext, using: key, nonce: try ChaChaPoly.Nonce(data: nonce), authenticating: header)
            try next.write(Array(box.ciphertext) + Array(box.tag))
        } catch let error as BackupError {
            throw error
        } catch {
            throw BackupError(.malformed("encryption failed"))
        }
        guard counter < UInt32.max else { throw BackupError(.malformed("the archive is too large to encrypt")) }
        counter += 1
    }
}

/// The nonce of chunk `counter`: the 7-byte prefix, the counter big-endian, the last flag.
enum StreamNonce {
    static func make(prefix: [UInt8], counter: UInt32, last: Bool) -> [UInt8] {
        prefix + [UInt8(counter >> 24), UInt8(counter >> 16 & 0xFF), UInt8(counter >> 8 & 0xFF), UInt8(counter & 0xFF)]
            + [last ? 1 : 0]
    }
}
