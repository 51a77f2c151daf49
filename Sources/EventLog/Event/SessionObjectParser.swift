import FoundationEssentials
import JournalModel

/// Decodes one DESIGN §8 session object (the body of `session.logged`, an element of an
/// export's `sessions`) with the hand-written event parser, falling back to `JSONDecoder` for
/// the rare shapes it leaves to it. Whitespace is allowed anywhere JSON allows it.
package enum SessionObjectParser {
    /// Parses `bytes`, which must hold exactly one session object (and whitespace).
    ///
    /// - Throws: ``EventLineError`` with the byte offset within `bytes`.
    package static func parse(_ bytes: UnsafeRawBufferPointer) throws(EventLineError) -> Session {
        guard let raw = bytes.baseAddress, !bytes.isEmpty else {
            throw EventLineError(offset: 0, expected: "a session object")
        }
        var reader = EventLineParser.Reader(
            base: raw.assumingMemoryBound(to: UInt8.self), start: 0, end: bytes.count)
        defer { reader.releaseScratch() }
        do throws(EventLineParser.Failure) {
            let session = try reader.readSession()
            reader.skipWhitespace()
            guard reader.index == reader.end else {
                throw EventLineParser.Failure.invalid(
                    offset: reader.index, expected: "the end of the session object")
            }
            return session
        } catch {
            switch error {
            case .invalid(let offset, let expected):
                throw EventLineError(offset: offset, expected: expected.description)
            case .delegate:
                do {
                    return try JSONCoding.decoder().decode(Session.self, from: Data(bytes))
                } catch {
                    throw EventLineError(
                        offset: 0,
                        expected: "a valid session (\(DecodingErrorText.describe(error)))")
                }
            }
        }
    }
}
