import EventLog
import FoundationEssentials
import JournalModel

extension FuzzTarget {
    /// Decodes the input as one event line with `EventLineParser` (what every reader uses,
    /// through `EventDecoding`) and with the `Codable` path (`JSONDecoder` and
    /// `Event.init(from:)`, the reference the parser promises to match); when both accept, the
    /// events must be equal.
    ///
    /// The parser reads libFuzzer's buffer, of exactly the input's size, so that a sanitizer
    /// sees any read past the line; `EventDecoding` gets a slice that does not start at 0.
    ///
    /// - Parameter strict: Whether both must also accept and reject the same lines.
    static func checkEvent(_ input: UnsafeRawBufferPointer, strict: Bool) -> FuzzFailure? {
        let target: FuzzTarget = strict ? .eventStrict : .event
        let reference = try? JSONCoding.decoder().decode(Event.self, from: Data(input))
        let parsed = Result { () throws(EventLineError) in try EventLineParser.parse(input) }
        let padded = [0x0A] + [UInt8](input)
        let decoded = try? EventDecoding.decode(padded[1...])
        guard decoded == (try? parsed.get()) else {
            return target.failure("EventDecoding and EventLineParser disagree on the same line")
        }
        switch (reference, parsed) {
        case (let expected?, .success(let event)):
            guard expected == event else {
                return target.failure(
                    "EventLineParser's event differs from JSONDecoder's in "
                        + differingFields(expected, event).joined(separator: ", "))
            }
        case (let expected, .failure(let error)):
            guard (0...input.count).contains(error.offset) else {
                return target.failure(
                    "EventLineParser's error offset \(error.offset) is outside the line "
                        + "(\(input.count) bytes)")
            }
            if strict, expected != nil {
                return target.failure(
                    "JSONDecoder accepts the line, EventLineParser rejects it: \(error)")
            }
        case (nil, .success(let event)):
            if strict {
                return target.failure(
                    "JSONDecoder rejects the line, EventLineParser accepts it as a "
                        + "\(event.type.rawValue) event")
            }
        }
        return nil
    }

    /// The names of the fields in which two events differ (never their values).
    private static func differingFields(_ lhs: Event, _ rhs: Event) -> [String] {
        var fields: [String] = []
        if lhs.version != rhs.version { fields.append("v") }
        if lhs.id != rhs.id { fields.append("id") }
        if lhs.device != rhs.device { fields.append("dev") }
        if lhs.seq != rhs.seq { fields.append("seq") }
        if lhs.hlc != rhs.hlc { fields.append("hlc") }
        if lhs.prev != rhs.prev { fields.append("prev") }
        if lhs.type != rhs.type { fields.append("type") }
        if lhs.entity != rhs.entity { fields.append("entity") }
        if lhs.parents != rhs.parents { fields.append("parents") }
        if lhs.body != rhs.body { fields.append("body") }
        return fields.isEmpty ? ["(no field: equality itself)"] : fields
    }
}
