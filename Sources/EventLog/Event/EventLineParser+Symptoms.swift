import JournalModel

/// The `symptomsBefore` and `symptomsAfter` objects of a session, decoded as
/// `Symptoms.init(from:)` does: missing keys and `null` mean not recorded, the first of
/// duplicate keys wins, other keys are skipped.
extension EventLineParser.Reader {
    private enum SymptomKey: UInt8 {
        case back = 1, legLeft = 2, legRight = 4, numbness = 8, reachLeft = 16, reachRight = 32
        case tingling = 64, weakness = 128

        init?(_ key: UnsafeBufferPointer<UInt8>) {
            switch key.count {
            case 4: if symptomKey(key, "back") { self = .back; return }
            case 7: if symptomKey(key, "legLeft") { self = .legLeft; return }
            case 8:
                if symptomKey(key, "legRight") { self = .legRight; return }
                if symptomKey(key, "numbness") { self = .numbness; return }
                if symptomKey(key, "tingling") { self = .tingling; return }
                if symptomKey(key, "weakness") { self = .weakness; return }
            case 9: if symptomKey(key, "reachLeft") { self = .reachLeft; return }
            case 10: if symptomKey(key, "reachRight") { self = .reachRight; return }
            default: break
            }
            return nil
        }
    }

    /// A `Symptoms` object, or `nil` for `null`.
    mutating func readOptionalSymptoms() throws(Failure) -> Symptoms? {
        if try readNull() { return nil }
        guard try peekToken() == UInt8(ascii: "{") else { throw fail("a symptoms object") }
        var seen: UInt8 = 0
        var symptoms = Symptoms()
        var more = try beginObject()
        while more {
            let field = SymptomKey(try readKey())
            try expectColon()
            if let field, seen & field.rawValue == 0 {
                seen |= field.rawValue
                switch field {
                case .back: symptoms.back = try readOptionalPain()
                case .legLeft: symptoms.legLeft = try readOptionalPain()
                case .legRight: symptoms.legRight = try readOptionalPain()
                case .reachLeft: symptoms.reachLeft = try readOptionalReach()
                case .reachRight: symptoms.reachRight = try readOptionalReach()
                case .numbness: symptoms.numbness = try readLegs()
                case .tingling: symptoms.tingling = try readLegs()
                case .weakness: symptoms.weakness = try readLegs()
                }
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        return symptoms
    }

    private mutating func readOptionalReach() throws(Failure) -> PainReach? {
        if try readNull() { return nil }
        let start = index
        guard let reach = PainReach(rawValue: try readString()) else {
            throw .invalid(offset: start, expected: "none, buttock, thigh, knee, calf or foot")
        }
        return reach
    }

    /// An array of `"left"` and `"right"`; `null` means none.
    private mutating func readLegs() throws(Failure) -> Legs {
        if try readNull() { return [] }
        guard try peekToken() == UInt8(ascii: "[") else { throw fail("an array of legs") }
        var legs: Legs = []
        var more = try beginArray()
        while more {
            let start = index
            switch try readString() {
            case "left": legs.insert(.left)
            case "right": legs.insert(.right)
            default: throw .invalid(offset: start, expected: "left or right")
            }
            more = try nextElement()
        }
        return legs
    }
}

@inline(__always)
private func symptomKey(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
    EventLineParser.Reader.equals(bytes, literal)
}
