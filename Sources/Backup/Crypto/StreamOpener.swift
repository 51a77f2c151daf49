import Crypto
import FoundationEssentials

/// Decrypts an encrypted archive chunk by chunk as it is read: every chunk's tag, position and
/// last flag are checked before any of its bytes are handed out.
final class StreamOpener: ByteSource {
    private let source: any ByteSource
    private let key: SymmetricKey
    private let header: [UInt8]
    private let prefix: [UInt8]
    private let chunkSize: Int
    private var raw: [UInt8] = []
    private var plain: [UInt8] = []
    private var position = 0
    private var counter: UInt32 = 0
    private var sawLast = false
    private(set) var offset: Int64 = 0

    /// Reads the header from `source` and derives the key.
    ///
    /// - Throws: ``BackupError`` `.wrongPassphrase` when the key check fails.
    init(source: any ByteSource, passphrase: String) throws(BackupError) {
        let (parsed, line) = try EncryptionHeader.read(from: source)
        guard let salt = Data(base64Encoded: parsed.kdf.salt) else {
            throw BackupError(.malformed("the encryption header's salt is not base64"))
        }
        key = try PassphraseKey.derive(passphrase, salt: Array(salt), N: parsed.kdf.N, r: parsed.kdf.r, p: parsed.kdf.p)
        guard EncryptionHeader.check(for: key) == parsed.check else { throw BackupError(.wrongPassphrase) }
        var prefix: [UInt8] = []
        var hex = parsed.nonce.utf8.makeIterator()
        while let high = hex.next(), let low = hex.next() {
            guard let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else {
                throw BackupError(.malformed("the encryption header's nonce is not hex"))
            }
            prefix.append(value)
        }
        self.prefix = prefix
        self.source = source
        header = line
        chunkSize = parsed.chunkSize
    }

    func read(_ count: Int) throws(BackupError) -> [UInt8] {
        if position >= plain.count {
            guard !sawLast else { return [] }
            try openNextChunk()
            if plain.isEmpty { return [] }
        }
        let end = min(plain.count, position + count)
        let slice = Array(plain[position..<end])
        position = end
        offset += Int64(slice.count)
        return slice
    }

    private func openNextChunk() throws(BackupError) {
        let sealed = chunkSize + 16
        // One byte beyond a full chunk tells whether another follows.
        while raw.count <= sealed {
            let more = try source.read(sealed + 1 - raw.count)
            if more.isEmpty { break }
            raw += more
        }
        let last = raw.count <= sealed
        guard raw.count >= 16 else { throw BackupError(.truncated("encrypted chunk \(counter)")) }
        let take = last ? raw.count : sealed
        let chunk = Array(raw[0..<take])
        raw.removeSubrange(0..<take)
        let nonce = StreamNonce.make(prefix: prefix, counter: counter, last: last)
        do {
            let box = try ChaChaPoly.SealedBox(
                nonce: try ChaChaPoly.Nonce(data: nonce), ciphertext: chunk.dropLast(16), tag: chunk.suffix(16))
            plain = Array(try ChaChaPoly.open(box, using: key, authenticating: header))
        } catch {
            // A file cut after a whole chunk makes that chunk fail as "last" although it opens
            // as an inner one: that is a cut. Anything else that fails is damage. (Nothing of
            // the trial opening is handed out.)
            var cut = false
            if last, take == sealed {
                let inner = StreamNonce.make(prefix: prefix, counter: counter, last: false)
                cut = (try? ChaChaPoly.open(
                    ChaChaPoly.SealedBox(
                        nonce: ChaChaPoly.Nonce(data: inner), ciphertext: chunk.dropLast(16),
                        tag: chunk.suffix(16)),
                    using: key, authenticating: header)) != nil
            }
            throw cut ? BackupError(.truncated("the encrypted archive")) : BackupError(.damagedCiphertext(chunk: Int(counter)))
        }
        position = 0
        sawLast = last
        counter += 1
    }
}
