import Glibc

/// An unlinked temporary file holding one input, for readers that take a path (the import and
/// archive readers).
///
/// It lives on `/dev/shm` when there is one, and is reached through `/proc/self/fd`: nothing is
/// left behind when a fuzzing run is killed. That path is a link, so a reader that opens with
/// `O_NOFOLLOW` (`Snapshot(path:journal:)`) cannot open it: write such an input into a
/// ``ScratchFolder`` with ``ScratchFolder/write(_:as:)`` instead.
struct ScratchFile {
    /// Why the file could not be made.
    struct Failure: Error, CustomStringConvertible {
        /// The call that failed and its `errno`.
        var description: String
    }

    /// The file's descriptor, open for reading and writing.
    let descriptor: Int32

    /// A path that opens this file.
    var path: String { "/proc/self/fd/\(descriptor)" }

    /// Creates the file and writes `contents` to it.
    ///
    /// - Throws: ``Failure`` when the file cannot be created or written.
    init(contents: UnsafeRawBufferPointer) throws(Failure) {
        let folder = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        var template = Array("\(folder)/limber-fuzz-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { name in
            name.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw Failure(description: "mkstemp: errno \(errno)") }
        // Unlinked at once: the open descriptor keeps the file, the path opens it again.
        let name = template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        _ = unlink(String(decoding: name, as: UTF8.self))
        self.descriptor = descriptor
        var written = 0
        while written < contents.count, let base = contents.baseAddress {
            let result = write(descriptor, base + written, contents.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                let error = errno
                Glibc.close(descriptor)
                throw Failure(description: "write: errno \(error)")
            }
            written += result
        }
    }

    /// Closes (and so deletes) the file.
    func close() {
        _ = Glibc.close(descriptor)
    }
}

extension FuzzTarget {
    /// Writes `input` to a scratch file, runs `body` on it and removes it; a failure to write
    /// the file is this target's failure.
    func withScratchFile(
        _ input: UnsafeRawBufferPointer, _ body: (ScratchFile) -> FuzzFailure?
    ) -> FuzzFailure? {
        let file: ScratchFile
        do {
            file = try ScratchFile(contents: input)
        } catch {
            return failure("could not write the input to a scratch file: \(error)")
        }
        defer { file.close() }
        return body(file)
    }
}
