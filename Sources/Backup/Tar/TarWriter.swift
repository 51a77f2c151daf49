/// Writes a POSIX pax tar stream: ustar headers, a pax extended header for a name over 100
/// bytes or a size over 8 GiB, contents padded to 512 bytes, two zero blocks, and padding to
/// a multiple of 10240 bytes, as `tar` writes.
struct TarWriter {
    private let sink: any ByteSink
    private var written: Int64 = 0
    private var remaining: Int64 = 0
    private let mtime: Int64

    init(sink: any ByteSink, mtime: Int64) {
        self.sink = sink
        self.mtime = mtime
    }

    mutating func addDirectory(_ path: String) throws(BackupError) {
        let name = path.hasSuffix("/") ? path : path + "/"
        try header(TarHeader(path: name, size: 0, mode: 0o700, mtime: mtime, kind: .directory))
    }

    /// Starts a file of `size` bytes; write exactly that many with ``write(_:)``.
    mutating func beginFile(_ path: String, size: Int64) throws(BackupError) {
        try header(TarHeader(path: path, size: size, mode: 0o600, mtime: mtime, kind: .file))
        remaining = size
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(BackupError) {
        guard Int64(bytes.count) <= remaining else {
            throw BackupError(.mismatch("a file grew while it was archived"))
        }
        try sink.write(bytes)
        written += Int64(bytes.count)
        remaining -= Int64(bytes.count)
    }

    /// Ends the file: pads its content to a whole block.
    mutating func endFile() throws(BackupError) {
        guard remaining == 0 else { throw BackupError(.mismatch("a file shrank while it was archived")) }
        try pad(to: TarHeader.blockSize)
    }

    /// Ends the archive.
    mutating func finish() throws(BackupError) {
        try blocks([UInt8](repeating: 0, count: 2 * TarHeader.blockSize))
        try pad(to: 20 * TarHeader.blockSize)
    }

    private mutating func header(_ header: TarHeader) throws(BackupError) {
        var records: [UInt8] = []
        if header.path.utf8.count > 100 { records += Self.paxRecord("path", header.path) }
        if header.size > 0o77777777777 { records += Self.paxRecord("size", String(header.size)) }
        if !records.isEmpty {
            let pax = TarHeader(
                path: "PaxHeaders/" + String(header.path.suffix(80)), size: Int64(records.count),
                mode: 0o600, mtime: mtime, kind: .paxExtended)
            try blocks(pax.encoded())
            try blocks(records)
            try pad(to: TarHeader.blockSize)
        }
        try blocks(header.encoded())
    }

    /// One pax record, `"<length> key=value\n"`, where the length counts itself.
    static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while String(length).utf8.count + body.utf8.count > length { length += 1 }
        return Array((String(length) + body).utf8)
    }

    private mutating func blocks(_ bytes: [UInt8]) throws(BackupError) {
        try sink.write(bytes)
        written += Int64(bytes.count)
    }

    private mutating func pad(to multiple: Int) throws(BackupError) {
        let rest = Int(written % Int64(multiple))
        if rest != 0 { try blocks([UInt8](repeating: 0, count: multiple - rest)) }
    }
}
