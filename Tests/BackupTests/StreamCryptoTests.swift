import Foundation
import Testing

@testable import Backup

@Suite("encryption: StreamSealer and StreamOpener (STREAM, ChaCha20-Poly1305)")
struct StreamCryptoTests {
    static let chunkSize = 1024
    static let passphrase = "correct horse battery staple"

    /// `plain` sealed with a small chunk size, written in pieces of `piece` bytes.
    static func seal(_ plain: [UInt8], piece: Int = 1000, passphrase: String = passphrase) throws
        -> [UInt8]
    {
        let sink = MemorySink()
        let sealer = try StreamSealer(
            passphrase: passphrase, next: sink, N: 1024, chunkSize: chunkSize)
        var start = 0
        while start < plain.count {
            let end = min(plain.count, start + piece)
            try sealer.write(Array(plain[start..<end]))
            start = end
        }
        try sealer.finish()
        #expect(sink.finished, "finish reaches the file")
        return sink.bytes
    }

    /// What an opener hands out before it stops, and why it stopped (`nil`: at the end).
    static func open(_ sealed: [UInt8], passphrase: String = passphrase, readSize: Int = 100) -> (
        plain: [UInt8], error: BackupError?
    ) {
        var plain: [UInt8] = []
        let error = backupError {
            let opener = try StreamOpener(
                source: MemorySource(sealed, piece: 777), passphrase: passphrase)
            while true {
                let bytes = try opener.read(readSize)
                if bytes.isEmpty { break }
                #expect(opener.offset == Int64(plain.count + bytes.count))
                plain += bytes
            }
            // The end stays the end.
            #expect(try opener.read(readSize).isEmpty)
        }
        return (plain, error)
    }

    /// The length of the header line.
    static func headerLength(_ sealed: [UInt8]) throws -> Int {
        try #require(sealed.firstIndex(of: 0x0A)) + 1
    }

    static let sizes = [
        1, chunkSize - 1, chunkSize, chunkSize + 1, 2 * chunkSize, 3 * chunkSize,
        3 * chunkSize + 17,
    ]

    @Test(
        "what is sealed opens to the same bytes, at chunk boundaries and between them",
        arguments: sizes)
    func roundTrip(_ size: Int) throws {
        let plain = randomBytes(size, seed: UInt64(size))
        for piece in [1, 333, Self.chunkSize, 5000] {
            let sealed = try Self.seal(plain, piece: piece)
            let chunks = (size + Self.chunkSize - 1) / Self.chunkSize
            #expect(
                sealed.count == (try Self.headerLength(sealed)) + size + 16 * chunks,
                "one 16-byte tag per chunk")
            let opened = Self.open(sealed, readSize: piece == 1 ? 1 : 4096)
            #expect(opened.error == nil, "\(String(describing: opened.error))")
            #expect(opened.plain == plain, "size \(size), written in pieces of \(piece)")
        }
    }

    @Test(
        "the header line is the documented JSON with the chunk size, scrypt parameters, nonce and key check"
    )
    func headerLine() throws {
        let sealed = try Self.seal([1, 2, 3])
        let line = String(decoding: sealed.prefix(try Self.headerLength(sealed)), as: UTF8.self)
        let pattern =
            #/\{"format":"limber\.archive\.encrypted","version":1,"cipher":"ChaCha20-Poly1305","chunkSize":1024,"kdf":\{"name":"scrypt","N":1024,"r":8,"p":1,"salt":"[A-Za-z0-9+/]{22}=="\},"nonce":"[0-9a-f]{14}","check":"[0-9a-f]{32}"\}\n/#
        #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
        #expect(try Self.seal([1, 2, 3]) != sealed, "a fresh salt and nonce every time")
    }

    @Test("a wrong passphrase is told by the key check, exit 5, before any chunk is opened")
    func wrongPassphrase() throws {
        let sealed = try Self.seal(randomBytes(3000, seed: 1))
        for wrong in [
            "", "correct horse battery stapl", "Correct horse battery staple",
            Self.passphrase + " ",
        ] {
            let opened = Self.open(sealed, passphrase: wrong)
            #expect(opened.error?.kind == .wrongPassphrase)
            #expect(opened.error?.exitCode == 5)
            #expect(opened.plain.isEmpty)
        }
        // Only the header is needed to tell: the chunks may be gone.
        let header = Array(sealed.prefix(try Self.headerLength(sealed)))
        #expect(Self.open(header, passphrase: "nope").error?.kind == .wrongPassphrase)
    }

    @Test("a passphrase is its UTF-8 bytes: non-ASCII passphrases open, and NFC differs from NFD")
    func unicodePassphrase() throws {
        let nfc = "caf\u{E9} \u{1F510}"
        let sealed = try Self.seal([1, 2, 3], passphrase: nfc)
        #expect(Self.open(sealed, passphrase: nfc).plain == [1, 2, 3])
        #expect(
            Self.open(sealed, passphrase: "cafe\u{301} \u{1F510}").error?.kind == .wrongPassphrase)
    }

    @Test("a flipped byte in the header fails before any plaintext is handed out")
    func flippedHeader() throws {
        let sealed = try Self.seal(randomBytes(2500, seed: 2))
        let length = try Self.headerLength(sealed)
        for position in stride(from: 0, to: length, by: 3) {
            for mask: UInt8 in [0x01, 0x20] {
                var damaged = sealed
                damaged[position] ^= mask
                let opened = Self.open(damaged)
                #expect(opened.error != nil, "flip at \(position) of the header went unnoticed")
                #expect(opened.plain.isEmpty, "plaintext handed out after a flip at \(position)")
                #expect(
                    [3, 5].contains(opened.error?.exitCode), "\(String(describing: opened.error))")
            }
        }
    }

    @Test("a changed nonce or chunk size with the key check intact fails the first chunk")
    func changedParameters() throws {
        let sealed = try Self.seal(randomBytes(2500, seed: 3))
        var line = String(decoding: sealed.prefix(try Self.headerLength(sealed)), as: UTF8.self)
        let body = Array(sealed.dropFirst(try Self.headerLength(sealed)))
        let nonce = try #require(line.firstMatch(of: #/"nonce":"([0-9a-f]{14})"/#)?.output.1)
        let changed = String(nonce.dropLast()) + (nonce.last == "0" ? "1" : "0")
        line = line.replacingOccurrences(
            of: "\"nonce\":\"\(nonce)\"", with: "\"nonce\":\"\(changed)\"")
        let opened = Self.open(Array(line.utf8) + body)
        #expect(opened.error?.kind == .damagedCiphertext(chunk: 0))
        #expect(opened.plain.isEmpty)
        let bigger = String(decoding: sealed.prefix(try Self.headerLength(sealed)), as: UTF8.self)
            .replacingOccurrences(of: "\"chunkSize\":1024", with: "\"chunkSize\":2048")
        let resized = Self.open(Array(bigger.utf8) + body)
        #expect(resized.error?.exitCode == 3)
        #expect(resized.plain.isEmpty)
    }

    @Test(
        "a flipped byte in any chunk fails that chunk; only the chunks before it are handed out",
        arguments: [3 * chunkSize + 500, 3 * chunkSize])
    func flippedChunk(_ size: Int) throws {
        let plain = randomBytes(size, seed: 4)
        let sealed = try Self.seal(plain)
        let header = try Self.headerLength(sealed)
        let sealedChunk = Self.chunkSize + 16
        let chunks = (size + Self.chunkSize - 1) / Self.chunkSize
        for chunk in 0..<chunks {
            let start = header + chunk * sealedChunk
            let end = min(sealed.count, start + sealedChunk)
            // The first byte, a middle one, the last ciphertext byte, the tag's first and last.
            for position in [start, (start + end) / 2, end - 17, end - 16, end - 1] {
                var damaged = sealed
                damaged[position] ^= 0x80
                let opened = Self.open(damaged)
                #expect(opened.error?.exitCode == 3, "flip at \(position) (chunk \(chunk))")
                // A full last chunk: see damageIsNotTruncation.
                if chunk < chunks - 1 || size % Self.chunkSize != 0 {
                    #expect(
                        opened.error?.kind == .damagedCiphertext(chunk: chunk),
                        "flip at \(position) (chunk \(chunk)): \(String(describing: opened.error))")
                }
                #expect(
                    opened.plain == Array(plain.prefix(chunk * Self.chunkSize)), "chunk \(chunk)")
            }
        }
    }

    @Test("chunks swapped, repeated or dropped fail at the first one out of place")
    func reordered() throws {
        let plain = randomBytes(4 * Self.chunkSize + 100, seed: 5)
        let sealed = try Self.seal(plain)
        let header = try Self.headerLength(sealed)
        let size = Self.chunkSize + 16
        let chunks = stride(from: header, to: sealed.count, by: size).map {
            Array(sealed[$0..<min(sealed.count, $0 + size)])
        }
        let head = Array(sealed.prefix(header))
        #expect(chunks.count == 5)
        var swapped = chunks
        swapped.swapAt(1, 2)
        let cases: [(String, [[UInt8]], Int)] = [
            ("1 and 2 swapped", swapped, 1),
            ("0 twice", [chunks[0]] + chunks, 1),
            ("1 dropped", [chunks[0]] + chunks.dropFirst(2), 1),
            ("0 dropped", Array(chunks.dropFirst()), 0),
            ("last moved first", [chunks[4]] + chunks.dropLast(), 0),
        ]
        for (name, order, failing) in cases {
            let opened = Self.open(head + order.flatMap { $0 })
            #expect(opened.error?.exitCode == 3, "\(name): \(String(describing: opened.error))")
            #expect(opened.plain == Array(plain.prefix(failing * Self.chunkSize)), "\(name)")
        }
    }

    @Test(
        "a file cut at a chunk boundary is refused as truncated, handing out only whole chunks before it",
        arguments: [3 * chunkSize + 500, 3 * chunkSize])
    func cutAtBoundary(_ size: Int) throws {
        let plain = randomBytes(size, seed: 6)
        let sealed = try Self.seal(plain)
        let header = try Self.headerLength(sealed)
        let chunks = (size + Self.chunkSize - 1) / Self.chunkSize
        for kept in 0..<chunks {
            let cut = Array(sealed.prefix(header + kept * (Self.chunkSize + 16)))
            let opened = Self.open(cut)
            #expect(
                opened.error?.kind.label == "truncated",
                "\(kept) chunk(s) kept: \(String(describing: opened.error))")
            #expect(
                opened.plain.count <= max(0, kept - 1) * Self.chunkSize, "\(kept) chunk(s) kept")
            #expect(opened.plain == Array(plain.prefix(opened.plain.count)))
        }
    }

    @Test(
        "a file cut inside a chunk or inside the header is refused, never handing out the cut chunk"
    )
    func cutInside() throws {
        let plain = randomBytes(3 * Self.chunkSize + 500, seed: 7)
        let sealed = try Self.seal(plain)
        let header = try Self.headerLength(sealed)
        let size = Self.chunkSize + 16
        var lengths = [
            1, header / 2, header - 1, header + 1, header + 15, header + 16, header + 17,
            header + size / 2,
        ]
        lengths += [
            header + size + 1, header + 2 * size + 100, header + 3 * size + 16,
            header + 3 * size + 17, sealed.count - 1,
        ]
        for length in lengths {
            let opened = Self.open(Array(sealed.prefix(length)))
            let label = opened.error?.kind.label
            #expect(
                label == "truncated" || label == "damagedCiphertext",
                "cut at \(length): \(String(describing: opened.error))")
            let whole = max(0, (length - header) / size)
            #expect(
                opened.plain == Array(plain.prefix(min(opened.plain.count, whole * Self.chunkSize)))
            )
            #expect(
                opened.plain.count <= whole * Self.chunkSize,
                "cut at \(length) handed out part of the cut chunk")
        }
    }

    @Test(
        "bytes appended after the last chunk are refused",
        arguments: [3 * chunkSize + 500, 3 * chunkSize])
    func appended(_ size: Int) throws {
        let plain = randomBytes(size, seed: 8)
        let sealed = try Self.seal(plain)
        for extra in [
            [UInt8(0)], [UInt8](repeating: 0, count: 16), randomBytes(17, seed: 9),
            randomBytes(Self.chunkSize + 16, seed: 10), sealed.suffix(100).map { $0 },
        ] {
            let opened = Self.open(sealed + extra)
            #expect(
                opened.error?.exitCode == 3,
                "\(extra.count) byte(s) appended: \(String(describing: opened.error))")
            #expect(
                opened.plain.count < size,
                "\(extra.count) byte(s) appended: all plaintext handed out")
        }
        // A second archive's chunks appended to the first.
        let other = try Self.seal(plain)
        let opened = Self.open(sealed + other.dropFirst(try Self.headerLength(other)))
        #expect(opened.error?.exitCode == 3)
    }

    @Test("a flipped byte in a full last chunk is reported as damage, not as a cut file")
    func damageIsNotTruncation() throws {
        let plain = randomBytes(3 * Self.chunkSize, seed: 11)
        let sealed = try Self.seal(plain)
        var damaged = sealed
        damaged[sealed.count - 1] ^= 1
        #expect(Self.open(damaged).error?.kind == .damagedCiphertext(chunk: 2))
        // While the same chunks cut after chunk 1 are a truncation.
        #expect(
            Self.open(Array(sealed.dropLast(Self.chunkSize + 16))).error?.kind
                == .truncated("the encrypted archive"))
    }

    @Test(
        "the header must use limber's parameters: another cipher, KDF, a huge N or chunk size are refused",
        arguments: [
            ("\"cipher\":\"ChaCha20-Poly1305\"", "\"cipher\":\"AES-256-GCM\""),
            ("\"name\":\"scrypt\"", "\"name\":\"pbkdf2\""),
            ("\"N\":1024", "\"N\":1000"), ("\"N\":1024", "\"N\":8388608"),
            ("\"chunkSize\":1024", "\"chunkSize\":16"),
            ("\"chunkSize\":1024", "\"chunkSize\":33554432"),
            ("\"format\":\"limber.archive.encrypted\"", "\"format\":\"other\""),
            ("\"version\":1", "\"version\":2"),
        ])
    func parameters(_ from: String, _ to: String) throws {
        let sealed = try Self.seal([1, 2, 3])
        let header = try Self.headerLength(sealed)
        let line = String(decoding: sealed.prefix(header), as: UTF8.self)
        #expect(line.contains(from))
        let changed =
            Array(line.replacingOccurrences(of: from, with: to).utf8) + sealed.dropFirst(header)
        let error = Self.open(changed).error
        let expected = to == "\"version\":2" ? "newerFormat" : "malformed"
        #expect(error?.kind.label == expected, "\(String(describing: error))")
    }

    @Test("a header line without an end or over 4 KiB is refused")
    func endlessHeader() throws {
        #expect(
            Self.open(Array(#"{"format":"limber.archive.encrypted""#.utf8)).error?.kind.label
                == "truncated")
        #expect(Self.open([UInt8](repeating: 0x20, count: 5000)).error?.kind.label == "malformed")
    }
}
