/// Decodes one stored event line: the single place every reader (log, snapshot, verify) goes
/// through.
package enum EventDecoding {
    /// The event of one line (without its newline), by the hand-written ``EventLineParser``,
    /// which delegates the rare body types to the Codable path and agrees with it exactly.
    package static func decode(_ line: ArraySlice<UInt8>) throws -> Event {
        try EventLineParser.parse(line)
    }
}
