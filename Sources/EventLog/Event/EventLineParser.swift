import FoundationEssentials
import JournalModel

/// Why a stored line is not an event: the byte offset in the line and what was expected there.
///
/// Like every message about stored data it names the place, never the content (notes are health
/// data).
package struct EventLineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Offset of the offending byte from the start of the line (0 when `JSONDecoder`, which
    /// reports no offsets, rejected the line).
    package var offset: Int
    /// What the parser expected there, such as `"',' or '}'"` or `"pain 0…10"`.
    package var expected: String

    /// Creates an error.
    package init(offset: Int, expected: String) {
        self.offset = offset
        self.expected = expected
    }

    /// `byte 17: expected ':'`.
    package var description: String { "byte \(offset): expected \(expected)" }
}

/// Decodes one stored event line (DESIGN §4) straight into an ``Event``, without `JSONDecoder`.
///
/// Produces exactly the value `JSONCoding.decoder().decode(Event.self, from:)` produces, and
/// rejects exactly the lines it rejects; that includes its leniencies: trailing commas, the
/// first of duplicate keys winning, values it never decodes (unknown keys, the body of
/// `session.deleted`) only checked for structure, integers written `12.0` or `1e2`. The
/// envelope and the bodies of `session.logged` and `session.amended` are parsed by hand;
/// rare shapes (other bodies, `v` other than 1, integers with a fraction or exponent, UTF-16
/// input) are handed to `JSONDecoder` whole.
///
/// Never traps and never reads outside `line`, on any input: nesting is bounded (512, as
/// `JSONDecoder`) and walked without recursion.
package enum EventLineParser {
    /// Parses one line, without its `\n`.
    ///
    /// - Parameter line: The stored bytes of one event.
    /// - Returns: The event.
    /// - Throws: ``EventLineError`` when the line is not a valid event.
    /// - Complexity: O(*n*) in the length of the line.
    package static func parse(_ line: UnsafeRawBufferPointer) throws(EventLineError) -> Event {
        guard let raw = line.baseAddress, !line.isEmpty else {
            throw EventLineError(offset: 0, expected: "a JSON object")
        }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let count = line.count
        // JSONDecoder reads UTF-16 and UTF-32 too, recognised by their zero bytes or a BOM.
        let first = base[0]
        if first == 0 || first == 0xFE || first == 0xFF || (count > 1 && base[1] == 0) {
            return try delegate(line)
        }
        var start = 0
        if count >= 3, first == 0xEF, base[1] == 0xBB, base[2] == 0xBF { start = 3 }  // UTF-8 BOM
        var reader = Reader(base: base, start: start, end: count)
        defer { reader.releaseScratch() }
        do {
            return try reader.readEvent()
        } catch {
            switch error {
            case .invalid(let offset, let expected):
                throw EventLineError(offset: offset, expected: expected.description)
            case .delegate:
                return try delegate(line)
            }
        }
    }

    /// Parses one line, without its `\n` (as `JSONLines.split` returns it).
    package static func parse(_ line: ArraySlice<UInt8>) throws(EventLineError) -> Event {
        let result = line.withUnsafeBytes { bytes in
            Result { () throws(EventLineError) in try parse(bytes) }
        }
        return try result.get()
    }

    /// Hands a line to the `Codable` path, for shapes not worth parsing by hand.
    static func delegate(_ line: UnsafeRawBufferPointer) throws(EventLineError) -> Event {
        do {
            return try JSONCoding.decoder().decode(Event.self, from: Data(line))
        } catch {
            throw EventLineError(
                offset: 0, expected: "a valid event (\(DecodingErrorText.describe(error)))")
        }
    }

    /// Why the reader stopped.
    enum Failure: Error {
        /// The line is not a valid event: the offset and what was expected there.
        case invalid(offset: Int, expected: StaticString)
        /// The line is (probably) valid but uses a shape left to `JSONDecoder`.
        case delegate
    }
}

extension EventLineParser.Reader {
    /// The envelope keys, as bits of a "seen" mask (the first of duplicate keys wins).
    private enum EnvelopeKey: UInt16 {
        case version = 1, id = 2, device = 4, seq = 8, hlc = 16, prev = 32, type = 64
        case entity = 128, parents = 256, body = 512

        init?(_ key: UnsafeBufferPointer<UInt8>) {
            switch key.count {
            case 1: if Self.equals(key, "v") { self = .version; return }
            case 2: if Self.equals(key, "id") { self = .id; return }
            case 3:
                if Self.equals(key, "dev") { self = .device; return }
                if Self.equals(key, "seq") { self = .seq; return }
                if Self.equals(key, "hlc") { self = .hlc; return }
            case 4:
                if Self.equals(key, "prev") { self = .prev; return }
                if Self.equals(key, "type") { self = .type; return }
                if Self.equals(key, "body") { self = .body; return }
            case 6: if Self.equals(key, "entity") { self = .entity; return }
            case 7: if Self.equals(key, "parents") { self = .parents; return }
            default: break
            }
            return nil
        }

        private static func equals(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool
        {
            EventLineParser.Reader.equals(key, name)
        }

        /// The key with its quotes, and the key after it in sorted order: the likely next one.
        var quoted: (StaticString, Self?) {
            switch self {
            case .body: (#""body""#, .device)
            case .device: (#""dev""#, .entity)
            case .entity: (#""entity""#, .hlc)
            case .hlc: (#""hlc""#, .id)
            case .id: (#""id""#, .parents)
            case .parents: (#""parents""#, .prev)
            case .prev: (#""prev""#, .seq)
            case .seq: (#""seq""#, .type)
            case .type: (#""type""#, .version)
            case .version: (#""v""#, nil)
            }
        }
    }

    /// What `Event.init(from:)` does with the body of each type.
    private enum BodyKind {
        case session, patch, ignored, delegated
    }

    private static func bodyKind(_ type: EventType) -> BodyKind {
        switch type {
        case .sessionLogged: .session
        case .sessionAmended: .patch
        case .exerciseDefined, .routineDefined, .profileSet, .conflictResolved, .deviceNamed,
            .journalJoined:
            .delegated
        default: .ignored
        }
    }

    /// Reads the whole line as an event envelope.
    mutating func readEvent() throws(EventLineParser.Failure) -> Event {
        guard try peekToken() == UInt8(ascii: "{") else { throw fail("'{'") }
        var seen: UInt16 = 0
        var id = "", device = "", prev = "", entity = ""
        var seq: UInt64 = 0
        var hlc = HLC.zero
        var type: EventType?
        var parents: [String] = []
        var body: EventBody?
        // The body usually comes first (keys are sorted), before the type says what it is: it
        // is parsed as what its first key suggests, and again from here if that guess was wrong.
        var bodyStart = -1
        var guess: EnvelopeKey? = .body
        var more = try beginObject()
        while more {
            var field: EnvelopeKey?
            if let next = guess, take(next.quoted.0) {
                field = next
            } else {
                field = EnvelopeKey(try readKey())
            }
            guess = field?.quoted.1
            try expectColon()
            if let field, seen & field.rawValue == 0 {
                seen |= field.rawValue
                switch field {
                case .version:
                    // Event.init(from:) keeps any version; Event.init(id:…) always says 1.
                    guard try readInt() == 1 else { throw .delegate }
                case .id: id = try readString()
                case .device: device = try readString()
                case .seq:
                    seq = try readUInt64()
                    guard seq >= 1, seq <= Event.maxSeq else { throw fail("a seq from 1 to 2^53-1") }
                case .hlc: hlc = try readHLC()
                case .prev: prev = try readString()
                case .type: type = try readEventType()
                case .entity: entity = try readString()
                case .parents: parents = try readParents()
                case .body:
                    if let type {
                        body = try readBody(Self.bodyKind(type), type: type)
                    } else {
                        bodyStart = index
                        body = try speculateBody()
                    }
                }
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        skipWhitespace()
        guard index == end else { throw fail("the end of the line after the event") }
        guard seen & 0xFF == 0xFF, let type else { throw fail("every envelope key") }
        let kind = Self.bodyKind(type)
        switch (kind, body) {
        case (.session, .sessionLogged?), (.patch, .sessionAmended?): break
        case (.ignored, _): body = Self.ignoredBody(type)
        case (.delegated, _): throw .delegate
        case (.session, _), (.patch, _):
            guard bodyStart >= 0 else { throw fail("key \"body\"") }
            index = bodyStart
            depth = 1
            body = try readBody(kind, type: type)
        }
        guard let body else { throw fail("a body") }
        return Event(
            id: id, device: device, seq: seq, hlc: hlc, prev: prev, entity: entity,
            parents: parents, body: body, type: type)
    }

    /// Reads a body whose type is known; one `Event.init(from:)` never decodes is only
    /// checked for structure, as `JSONDecoder` does.
    private mutating func readBody(_ kind: BodyKind, type: EventType) throws(EventLineParser
        .Failure)
        -> EventBody
    {
        switch kind {
        case .session: return .sessionLogged(try readSession())
        case .patch: return .sessionAmended(try readPatch())
        case .delegated: throw .delegate
        case .ignored:
            try skipValue()
            return Self.ignoredBody(type)
        }
    }

    /// The body of a type whose body is not decoded (it may even be missing).
    private static func ignoredBody(_ type: EventType) -> EventBody {
        switch type {
        case .sessionDeleted: .sessionDeleted
        case .sessionRestored: .sessionRestored
        default: .unknown
        }
    }

    /// Parses a body before its type is known: as a patch when its first key is `changes`,
    /// else as a session. On failure the body is only skipped, to be parsed again once the
    /// type is known (and then fail for real, or not matter).
    private mutating func speculateBody() throws(EventLineParser.Failure) -> EventBody? {
        let start = index
        let savedDepth = depth
        do {
            guard try peekToken() == UInt8(ascii: "{") else {
                try skipValue()
                return nil
            }
            if firstKeyIsChanges() {
                return .sessionAmended(try readPatch())
            }
            return .sessionLogged(try readSession())
        } catch {
            index = start
            depth = savedDepth
            try skipValue()
            return nil
        }
    }

    /// Whether the object at `index` starts with the key `"changes"` written plainly.
    private func firstKeyIsChanges() -> Bool {
        var j = index + 1
        while j < end, base[j] == 0x20 || base[j] == 0x09 || base[j] == 0x0A || base[j] == 0x0D {
            j += 1
        }
        let name: StaticString = "\"changes\""
        guard end - j >= name.utf8CodeUnitCount else { return false }
        return Self.equals(
            UnsafeBufferPointer(start: base + j, count: name.utf8CodeUnitCount), name)
    }

    /// `parents`: absent or `null` mean none.
    private mutating func readParents() throws(EventLineParser.Failure) -> [String] {
        if try readNull() { return [] }
        guard try peekToken() == UInt8(ascii: "[") else { throw fail("an array of event ids") }
        var parents: [String] = []
        var more = try beginArray()
        while more {
            parents.append(try readString())
            more = try nextElement()
        }
        return parents
    }

    /// The event type, sharing the static instances for known types.
    private mutating func readEventType() throws(EventLineParser.Failure) -> EventType {
        if take(#""session.logged""#) { return .sessionLogged }
        if take(#""session.amended""#) { return .sessionAmended }
        let bytes = try readStringBytes()
        for (name, type) in [
            ("session.logged", EventType.sessionLogged), ("session.amended", .sessionAmended),
            ("session.deleted", .sessionDeleted), ("session.restored", .sessionRestored),
            ("exercise.defined", .exerciseDefined), ("routine.defined", .routineDefined),
            ("profile.set", .profileSet), ("conflict.resolved", .conflictResolved),
        ] as [(StaticString, EventType)] where Self.equals(bytes, name) {
            return type
        }
        return EventType(rawValue: String(decoding: bytes, as: UTF8.self))
    }

    /// `hlc`: exactly what `HLC(_:)` accepts (16 digits, `-`, 4 digits), without a `String`.
    private mutating func readHLC() throws(EventLineParser.Failure) -> HLC {
        let start = index
        let bytes = try readStringBytes()
        guard bytes.count == 21, bytes[16] == UInt8(ascii: "-") else {
            throw .invalid(offset: start, expected: "an hlc (16 digits, '-', 4 digits)")
        }
        var millis: Int64 = 0
        for position in 0..<16 {
            let digit = bytes[position] &- 48
            guard digit < 10 else {
                throw .invalid(offset: start, expected: "an hlc (16 digits, '-', 4 digits)")
            }
            millis = millis * 10 + Int64(digit)
        }
        var counter: UInt16 = 0
        for position in 17..<21 {
            let digit = bytes[position] &- 48
            guard digit < 10 else {
                throw .invalid(offset: start, expected: "an hlc (16 digits, '-', 4 digits)")
            }
            counter = counter * 10 + UInt16(digit)
        }
        guard millis <= HLC.latestAccepted.millis else {
            throw .invalid(offset: start, expected: "an hlc before the year 10000")
        }
        return HLC(millis: millis, counter: counter)
    }
}
