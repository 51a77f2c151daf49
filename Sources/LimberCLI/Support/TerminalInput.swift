import Glibc
import Synchronization

/// Lines from standard input, as a person types them at a prompt.
///
/// On a terminal, Ctrl-D after some text ends the line (the terminal hands over what was
/// typed without a newline, and that is the answer), and Ctrl-D on an empty line ends the
/// input; Swift's `readLine` would wait for a second Ctrl-D. From a pipe, lines end at
/// newlines and the last one at the end of the input.
final class TerminalInput: Sendable {
    /// Standard input, shared by every prompt of the process, passphrases included: bytes read
    /// ahead for the next line stay here, so a second reader of fd 0 (stdio's `readLine`)
    /// would lose them. The process has one standard input, so this is its one reader, as
    /// `FileHandle.standardInput` is.
    static let standard = TerminalInput(descriptor: 0)

    private let descriptor: Int32
    private let pending = Mutex<[UInt8]>([])

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// The next line without its newline; `nil` at the end of the input.
    func line() -> String? {
        let isTerminal = isatty(descriptor) == 1
        return pending.withLock { buffer -> String? in
            while true {
                if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = Array(buffer[..<newline])
                    buffer.removeSubrange(...newline)
                    return Self.text(line)
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 {
                    guard !buffer.isEmpty else { return nil }
                    defer { buffer.removeAll() }
                    return Self.text(buffer)
                }
                buffer.append(contentsOf: chunk[..<count])
                if isTerminal, buffer.last != UInt8(ascii: "\n") {
                    // Ctrl-D after text: the terminal ended the line without a newline.
                    Terminal.put("\n", to: 1)
                    defer { buffer.removeAll() }
                    return Self.text(buffer)
                }
            }
        }
    }

    private static func text(_ bytes: [UInt8]) -> String {
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
