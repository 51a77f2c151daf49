import JournalModel

/// Writes an event line byte for byte as `JSONCoding.encoder()` would (sorted keys, `/` not
/// escaped, doubles as their shortest description without a trailing `.0`), without
/// `JSONEncoder`'s boxing: an import of 100k sessions spent 60% of its time there.
///
/// Handles the envelope and the bodies of `session.logged`, `session.deleted` and
/// `session.restored`; for any other body it returns `false` and the caller uses
/// `JSONEncoder`. A differential test holds the two to the same bytes.
package enum EventLineEncoder {
    /// Appends the line of `event` (without newline) to `out`; `false` (and `out` unchanged)
    /// when the body is not one this encoder writes.
    package static func encode(_ event: Event, into out: inout [UInt8]) -> Bool {
        let bodyWriter: ((inout [UInt8]) -> Void)
        switch event.body {
        case .sessionLogged(let session): bodyWriter = { session.write(to: &$0) }
        case .sessionDeleted, .sessionRestored: bodyWriter = { $0.append(contentsOf: "{}".utf8) }
        default: return false
        }
        out.append(contentsOf: #"{"body":"#.utf8)
        bodyWriter(&out)
        out.append(contentsOf: #","dev":"#.utf8)
        string(event.device, &out)
        out.append(contentsOf: #","entity":"#.utf8)
        string(event.entity, &out)
        out.append(contentsOf: #","hlc":"#.utf8)
        string(event.hlc.description, &out)
        out.append(contentsOf: #","id":"#.utf8)
        string(event.id, &out)
        out.append(contentsOf: #","parents":["#.utf8)
        for (index, parent) in event.parents.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            string(parent, &out)
        }
        out.append(contentsOf: #"],"prev":"#.utf8)
        string(event.prev, &out)
        out.append(contentsOf: #","seq":"#.utf8)
        out.append(contentsOf: String(event.seq).utf8)
        out.append(contentsOf: #","type":"#.utf8)
        string(event.type.rawValue, &out)
        out.append(contentsOf: #","v":"#.utf8)
        out.append(contentsOf: String(event.version).utf8)
        out.append(UInt8(ascii: "}"))
        return true
    }

    /// A JSON string as `JSONEncoder` writes it: `"` and `\` escaped, `\b \t \n \f \r`, other
    /// control characters as `\u00xx`, everything else as its UTF-8.
    static func string(_ text: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case 0x08: out.append(contentsOf: #"\b"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0C: out.append(contentsOf: #"\f"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0x0F)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A double as `JSONEncoder` writes it: its description, without a trailing `.0`.
    static func number(_ value: Double, _ out: inout [UInt8]) {
        let text = value.description
        if text.hasSuffix(".0") {
            out.append(contentsOf: text.utf8.dropLast(2))
        } else {
            out.append(contentsOf: text.utf8)
        }
    }

    static func optional<Value>(_ value: Value?, _ out: inout [UInt8], _ write: (Value, inout [UInt8]) -> Void) {
        if let value { write(value, &out) } else { out.append(contentsOf: "null".utf8) }
    }

    static func integer(_ value: Int, _ out: inout [UInt8]) { out.append(contentsOf: String(value).utf8) }
}

extension Session {
    /// Appends the session object as `JSONCoding.encoder()` writes it (DESIGN §8).
    package func write(to out: inout [UInt8]) {
        typealias E = EventLineEncoder
        out.append(contentsOf: #"{"durationSeconds":"#.utf8)
        E.optional(durationSeconds, &out, E.integer)
        out.append(contentsOf: #","entries":["#.utf8)
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            entry.write(to: &out)
        }
        out.append(contentsOf: #"],"id":"#.utf8)
        E.string(id, &out)
        out.append(contentsOf: #","notes":"#.utf8)
        E.optional(notes, &out, E.string)
        out.append(contentsOf: #","painAfter":"#.utf8)
        E.optional(painAfter?.rawValue, &out, E.integer)
        out.append(contentsOf: #","painBefore":"#.utf8)
        E.optional(painBefore?.rawValue, &out, E.integer)
        out.append(contentsOf: #","routine":"#.utf8)
        E.optional(routine, &out, E.string)
        out.append(contentsOf: #","start":"#.utf8)
        E.string(start.rfc3339, &out)
        if let symptomsAfter {
            out.append(contentsOf: #","symptomsAfter":"#.utf8)
            symptomsAfter.write(to: &out)
        }
        if let symptomsBefore {
            out.append(contentsOf: #","symptomsBefore":"#.utf8)
            symptomsBefore.write(to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}

extension Symptoms {
    func write(to out: inout [UInt8]) {
        typealias E = EventLineEncoder
        out.append(contentsOf: #"{"back":"#.utf8)
        E.optional(back?.rawValue, &out, E.integer)
        out.append(contentsOf: #","legLeft":"#.utf8)
        E.optional(legLeft?.rawValue, &out, E.integer)
        out.append(contentsOf: #","legRight":"#.utf8)
        E.optional(legRight?.rawValue, &out, E.integer)
        out.append(contentsOf: #","numbness":"#.utf8)
        Self.write(numbness, &out)
        out.append(contentsOf: #","reachLeft":"#.utf8)
        E.optional(reachLeft?.rawValue, &out, E.string)
        out.append(contentsOf: #","reachRight":"#.utf8)
        E.optional(reachRight?.rawValue, &out, E.string)
        out.append(contentsOf: #","tingling":"#.utf8)
        Self.write(tingling, &out)
        out.append(contentsOf: #","weakness":"#.utf8)
        Self.write(weakness, &out)
        out.append(UInt8(ascii: "}"))
    }

    private static func write(_ legs: Legs, _ out: inout [UInt8]) {
        switch legs {
        case .left: out.append(contentsOf: #"["left"]"#.utf8)
        case .right: out.append(contentsOf: #"["right"]"#.utf8)
        case .both: out.append(contentsOf: #"["left","right"]"#.utf8)
        default: out.append(contentsOf: "[]".utf8)
        }
    }
}

extension Entry {
    func write(to out: inout [UInt8]) {
        typealias E = EventLineEncoder
        out.append(contentsOf: #"{"exercise":"#.utf8)
        E.string(exercise, &out)
        out.append(contentsOf: #","notes":"#.utf8)
        E.optional(notes, &out, E.string)
        if prescribed { out.append(contentsOf: #","prescribed":true"#.utf8) }
        out.append(contentsOf: #","sets":["#.utf8)
        for (index, set) in sets.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            set.write(to: &out)
        }
        out.append(contentsOf: #"],"side":"#.utf8)
        E.optional(side?.rawValue, &out, E.string)
        out.append(UInt8(ascii: "}"))
    }
}

extension ExerciseSet {
    func write(to out: inout [UInt8]) {
        typealias E = EventLineEncoder
        out.append(contentsOf: #"{"distanceMeters":"#.utf8)
        E.optional(distanceMeters, &out, E.number)
        out.append(contentsOf: #","durationSeconds":"#.utf8)
        E.optional(durationSeconds, &out, E.number)
        out.append(contentsOf: #","kind":"#.utf8)
        E.string(kind.rawValue, &out)
        out.append(contentsOf: #","reps":"#.utf8)
        E.optional(reps, &out, E.integer)
        out.append(contentsOf: #","rpe":"#.utf8)
        E.optional(rpe, &out, E.number)
        out.append(contentsOf: #","stoppedForPain":"#.utf8)
        out.append(contentsOf: (stoppedForPain ? "true" : "false").utf8)
        out.append(contentsOf: #","weight":"#.utf8)
        if let weight {
            out.append(contentsOf: #"{"unit":"#.utf8)
            E.string(weight.unit.rawValue, &out)
            out.append(contentsOf: #","value":"#.utf8)
            E.number(weight.value, &out)
            out.append(UInt8(ascii: "}"))
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(UInt8(ascii: "}"))
    }
}
