import Glibc

/// A file read in chunks, checked to be UTF-8 text as it goes (a UTF-8 byte-order mark is
/// skipped), so that memory does not grow with the file and a wrong encoding is reported with
/// the line it was found on.
struct InputFile: ~Copyable {
    /// The path as the person gave it (used in messages).
    let name: String
    /// The size in bytes when the import began.
    let size: Int64
    private let descriptor: Int32
    private var validator = UTF8Validator()
    private var first = true
    /// Bytes handed out so far, for progress.
    private(set) var consumed: Int64 = 0

    /// Bytes read per chunk.
    static let chunkSize = 1 << 20

    /// Opens `path`.
    ///
    /// - Throws: ``ImportError`` when it is missing, a folder, or unreadable.
    init(path: String) throws(ImportError) {
        name = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ImportError(file: path, .unreadable(String(cString: strerror(errno))))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw ImportError(file: path, .unreadable("it is not a regular file"))
        }
        self.descriptor = descriptor
        size = Int64(info.st_size)
    }

    deinit { close(descriptor) }

    /// Appends the next chunk to `buffer`; `false` at the end of the file.
    ///
    /// - Throws: ``ImportError`` for an empty file, UTF-16, binary data or invalid UTF-8.
    mutating func read(into buffer: inout [UInt8]) throws(ImportError) -> Bool {
        // No more than the file has left (plus one byte to see its end): small files are common.
        let left = max(0, Int(min(Int64(Self.chunkSize), size - consumed + 1)))
        var chunk = [UInt8](repeating: 0, count: max(left, 4096))
        let count = chunk.withUnsafeMutableBytes { bytes in
            var got = 0
            while got < bytes.count {
                let n = Glibc.read(descriptor, bytes.baseAddress! + got, bytes.count - got)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return got > 0 ? got : Int(n) }
                got += n
            }
            return got
        }
        guard count >= 0 else {
            throw ImportError(file: name, .unreadable(String(cString: strerror(errno))))
        }
        chunk.removeSubrange(count...)
        if first {
            first = false
            guard !chunk.isEmpty else { throw ImportError(file: name, .empty(headerOnly: false)) }
            try Self.sniff(chunk, file: name)
            if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
                chunk.removeFirst(3)
                consumed += 3
            }
        }
        guard !chunk.isEmpty else {
            if let line = validator.finish() {
                throw ImportError(file: name, .encoding("Latin-1 or another 8-bit encoding", line: line))
            }
            return false
        }
        if let line = validator.check(chunk) {
            throw ImportError(file: name, .encoding("Latin-1 or another 8-bit encoding", line: line))
        }
        consumed += Int64(chunk.count)
        buffer.append(contentsOf: chunk)
        return true
    }

    /// Recognises what is certainly not UTF-8 text from the first bytes.
    static func sniff(_ bytes: [UInt8], file: String) throws(ImportError) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportError(file: file, .encoding("UTF-16 (it starts with a byte-order mark)", line: 1))
        }
        let head = bytes.prefix(4096)
        let zeros = head.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        guard zeros > 0 else { return }
        // UTF-16 without a mark: every other byte of ASCII text is zero.
        let oddZeros = stride(from: 1, to: head.count, by: 2).reduce(0) {
            $0 + (head[head.startIndex + $1] == 0 ? 1 : 0)
        }
        let evenZeros = stride(from: 0, to: head.count, by: 2).reduce(0) {
            $0 + (head[head.startIndex + $1] == 0 ? 1 : 0)
        }
        let half = head.count / 2
        if oddZeros * 10 >= half * 9 || evenZeros * 10 >= half * 9 {
            throw ImportError(file: file, .encoding("UTF-16", line: 1))
        }
        throw ImportError(file: file, .binary)
    }
}

/// Checks UTF-8 incrementally across chunk boundaries and counts lines, to say where the
/// first invalid byte is.
struct UTF8Validator {
    /// Continuation bytes still expected.
    private var pending = 0
    /// Bounds for the next continuation byte (to refuse overlong forms and surrogates).
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// The current line, 1-based.
    private(set) var line = 1

    /// The line of the first invalid byte in `bytes`, or `nil` when all is well so far.
    mutating func check(_ bytes: [UInt8]) -> Int? {
        for byte in bytes {
            if pending > 0 {
                guard byte >= lower, byte <= upper else { return line }
                pending -= 1
                lower = 0x80
                upper = 0xBF
                continue
            }
            if byte < 0x80 {
                if byte == 0x0A { line += 1 }
                // Control bytes other than tab, newline and carriage return are not text.
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C {
                    return line
                }
                continue
            }
            switch byte {
            case 0xC2...0xDF: pending = 1
            case 0xE0: pending = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: pending = 2
            case 0xED: pending = 2; upper = 0x9F
            case 0xF0: pending = 3; lower = 0x90
            case 0xF1...0xF3: pending = 3
            case 0xF4: pending = 3; upper = 0x8F
            default: return line
            }
        }
        return nil
    }

    /// The line of a sequence cut off by the end of the file, or `nil`.
    func finish() -> Int? { pending > 0 ? line : nil }
}
