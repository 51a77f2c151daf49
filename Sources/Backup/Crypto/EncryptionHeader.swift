import Crypto
import EventLog
import FoundationEssentials

/// The first line of an encrypted archive (docs/ARCHIVE.md): the cipher, the chunk size, the
/// scrypt parameters and salt, the nonce prefix, and a key check that tells a wrong
/// passphrase from a damaged file. The line's bytes are the associated data of every chunk.
struct EncryptionHeader: Codable, Equatable {
    struct KDF: Codable, Equatable {
        var name: String
        var N: Int
        var r: Int
        var p: Int
        var salt: String
    }

    var format: String
    var version: Int
    var cipher: String
    var chunkSize: Int
    var kdf: KDF
    var nonce: String
    var check: String

    static let formatName = "limber.archive.encrypted"
    static let maximumLine = 4096

    /// The line as written, keys in a fixed order, ending in `\n`.
    var line: [UInt8] {
        Array(
            (#"{"format":"\#(format)","version":\#(version),"cipher":"\#(cipher)","chunkSize":\#(chunkSize),"kdf":{"name":"\#(kdf.name)","N":\#(kdf.N),"r":\#(kdf.r),"p":\#(kdf.p),"salt":"\#(kdf.salt)"},"nonce":"\#(nonce)","check":"\#(check)"}"#
                + "\n").utf8)
    }

    /// The key check: the first 16 bytes of HMAC-SHA256(key, "limber archive key check"), hex.
    static func check(for key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("limber archive key check".utf8), using: key)
        return Hex.encode(Array(Array(mac).prefix(16)))
    }

    /// Reads the header line at the start of `source`.
    static func read(from source: any ByteSource) throws(BackupError) -> (EncryptionHeader, [UInt8]) {
        var line: [UInt8] = []
        while line.last != 0x0A {
            guard line.count < maximumLine else { throw BackupError(.malformed("the encryption header is too long")) }
            let byte = try source.read(1)
            guard !byte.isEmpty else { throw BackupError(.truncated("the encryption header")) }
            line += byte
        }
        let header: EncryptionHeader
        do { header = try JSONDecoder().decode(EncryptionHeader.self, from: Data(line)) } catch {
            throw BackupError(.malformed("the encryption header is not valid"))
        }
        guard header.format == formatName else { throw BackupError(.malformed("the encryption header names another format")) }
        guard header.version == 1 else { throw BackupError(.newerFormat(header.version)) }
        guard header.cipher == "ChaCha20-Poly1305", header.kdf.name == "scrypt",
            (1024...(1 << 24)).contains(header.chunkSize), header.kdf.N >= 2, header.kdf.N & (header.kdf.N - 1) == 0,
            // At most 1 GiB of scrypt memory (128·N·r·p): a hostile header must not make a
            // wrong passphrase cost gigabytes and minutes.
            header.kdf.N <= 1 << 20, (1...32).contains(header.kdf.r), (1...16).contains(header.kdf.p),
            128 * header.kdf.N * header.kdf.r * header.kdf.p <= 1 << 30,
            header.nonce.count == 14
        else { throw BackupError(.malformed("the encryption header has parameters limber does not use")) }
        return (header, line)
    }
}
