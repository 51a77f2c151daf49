import FoundationEssentials
import JournalModel

/// Decodes one stored event line: the single place every reader (log, snapshot) goes through.
package enum EventDecoding {
    /// The event of one line (without its newline).
    package static func decode(_ line: ArraySlice<UInt8>, using decoder: JSONDecoder) throws -> Event {
        try decoder.decode(Event.self, from: Data(line))
    }
}
