import FoundationEssentials
import JournalModel

extension ProgressReport {
    /// Points of the timeline encoded at once by ``writeJSON(_:)``.
    static let timelineChunk = 1000

    /// Writes the report as `stats --json` prints it, byte for byte what `JSONCoding.encoder()`
    /// with `.prettyPrinted` makes of the whole report, in pieces: the timeline (a point per
    /// session) is encoded ``timelineChunk`` points at a time, so the encoder's tree holds a
    /// thousand points, not every session of the history (259 MB for 100k sessions).
    ///
    /// - Parameter write: Receives the text in order; the pieces joined are the document
    ///   (without a final newline).
    public func writeJSON(_ write: (String) throws -> Void) throws {
        let encoder = JSONCoding.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        var shell = self
        shell.timeline = []
        let text = [UInt8](try encoder.encode(shell))
        // The timeline is a key of the top-level object (two spaces in); a newline cannot be
        // inside a string, so this is the one place it can be.
        let empty = Array("\n  \"timeline\" : [\n\n  ]".utf8)
        guard !timeline.isEmpty, let place = Self.firstIndex(of: empty, in: text) else {
            try write(String(decoding: text, as: UTF8.self))
            return
        }
        try write(String(decoding: text[..<place], as: UTF8.self) + "\n  \"timeline\" : [\n")
        var start = 0
        while start < timeline.count {
            let end = min(timeline.count, start + Self.timelineChunk)
            let chunk = String(decoding: try encoder.encode(Array(timeline[start..<end])), as: UTF8.self)
            // The chunk's own `[` and `]` lines dropped, its lines moved in under the key.
            let lines = chunk.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
            try write((start > 0 ? ",\n" : "") + lines.map { "  " + $0 }.joined(separator: "\n"))
            start = end
        }
        try write("\n  ]" + String(decoding: text[(place + empty.count)...], as: UTF8.self))
    }

    /// Where `pattern` first starts in `bytes`.
    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count)
        where bytes[start] == pattern[0] && bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            return start
        }
        return nil
    }
}
