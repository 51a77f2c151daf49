import JournalModel

/// The bodies of `session.logged` and `session.amended`, decoded as their `init(from:)` do:
/// missing optional keys and `null` both mean absent, the first of duplicate keys wins, other
/// keys are skipped.
extension EventLineParser.Reader {
    // MARK: - Session

    private enum SessionKey: UInt16 {
        case id = 1, start = 2, durationSeconds = 4, routine = 8, painBefore = 16, painAfter = 32
        case notes = 64, entries = 128, symptomsAfter = 256, symptomsBefore = 512

        init?(_ key: UnsafeBufferPointer<UInt8>) {
            switch key.count {
            case 2: if matches(key, "id") { self = .id; return }
            case 5:
                if matches(key, "start") { self = .start; return }
                if matches(key, "notes") { self = .notes; return }
            case 7:
                if matches(key, "entries") { self = .entries; return }
                if matches(key, "routine") { self = .routine; return }
            case 9: if matches(key, "painAfter") { self = .painAfter; return }
            case 10: if matches(key, "painBefore") { self = .painBefore; return }
            case 13: if matches(key, "symptomsAfter") { self = .symptomsAfter; return }
            case 14: if matches(key, "symptomsBefore") { self = .symptomsBefore; return }
            case 15: if matches(key, "durationSeconds") { self = .durationSeconds; return }
            default: break
            }
            return nil
        }

        /// The key with its quotes, and the key after it in sorted order: the likely next one.
        var quoted: (StaticString, Self?) {
            switch self {
            case .durationSeconds: (#""durationSeconds""#, .entries)
            case .entries: (#""entries""#, .id)
            case .id: (#""id""#, .notes)
            case .notes: (#""notes""#, .painAfter)
            case .painAfter: (#""painAfter""#, .painBefore)
            case .painBefore: (#""painBefore""#, .routine)
            case .routine: (#""routine""#, .start)
            // Most sessions record no symptoms: no guess after `start`.
            case .start: (#""start""#, nil)
            case .symptomsAfter: (#""symptomsAfter""#, .symptomsBefore)
            case .symptomsBefore: (#""symptomsBefore""#, nil)
            }
        }
    }

    /// A `Session` object.
    mutating func readSession() throws(Failure) -> Session {
        guard try peekToken() == UInt8(ascii: "{") else { throw fail("a session object") }
        var seen: UInt16 = 0
        var id: String?
        var start: LocalTimestamp?
        var durationSeconds: Int?
        var routine: String?
        var painBefore: PainScore?
        var painAfter: PainScore?
        var notes: String?
        var entries: [Entry] = []
        var symptomsBefore: Symptoms?
        var symptomsAfter: Symptoms?
        var guess: SessionKey? = .durationSeconds
        var more = try beginObject()
        while more {
            var field: SessionKey?
            if let next = guess, take(next.quoted.0) {
                field = next
            } else {
                field = SessionKey(try readKey())
            }
            guess = field?.quoted.1
            try expectColon()
            if let field, seen & field.rawValue == 0 {
                seen |= field.rawValue
                switch field {
                case .id: id = try readString()
                case .start: start = try readTimestamp()
                case .durationSeconds: durationSeconds = try readOptionalInt()
                case .routine: routine = try readOptionalString()
                case .painBefore: painBefore = try readOptionalPain()
                case .painAfter: painAfter = try readOptionalPain()
                case .notes: notes = try readOptionalString()
                case .entries: entries = try readEntries()
                case .symptomsAfter: symptomsAfter = try readOptionalSymptoms()
                case .symptomsBefore: symptomsBefore = try readOptionalSymptoms()
                }
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        guard let id, let start else { throw fail("session keys \"id\" and \"start\"") }
        return Session(
            id: id, start: start, durationSeconds: durationSeconds, routine: routine,
            painBefore: painBefore, painAfter: painAfter, notes: notes, entries: entries,
            symptomsBefore: symptomsBefore, symptomsAfter: symptomsAfter)
    }

    /// An RFC 3339 string, parsed by `LocalTimestamp` itself.
    mutating func readTimestamp() throws(Failure) -> LocalTimestamp {
        let start = index
        let text = try readString()
        do {
            return try LocalTimestamp(rfc3339: text)
        } catch {
            throw .invalid(offset: start, expected: "an RFC 3339 time")
        }
    }

    /// A pain score 0…10, or `null`.
    mutating func readOptionalPain() throws(Failure) -> PainScore? {
        if try readNull() { return nil }
        let start = index
        guard let score = PainScore(rawValue: try readInt()) else {
            throw .invalid(offset: start, expected: "pain 0…10")
        }
        return score
    }

    /// `entries`: absent or `null` mean none.
    private mutating func readEntries() throws(Failure) -> [Entry] {
        if try readNull() { return [] }
        guard try peekToken() == UInt8(ascii: "[") else { throw fail("an array of entries") }
        var entries: [Entry] = []
        var more = try beginArray()
        if more { entries.reserveCapacity(4) }
        while more {
            entries.append(try readEntry())
            more = try nextElement()
        }
        return entries
    }

    // MARK: - Entry

    private enum EntryKey: UInt8 {
        case exercise = 1, side = 2, notes = 4, sets = 8, prescribed = 16

        init?(_ key: UnsafeBufferPointer<UInt8>) {
            switch key.count {
            case 4:
                if matches(key, "sets") { self = .sets; return }
                if matches(key, "side") { self = .side; return }
            case 5: if matches(key, "notes") { self = .notes; return }
            case 8: if matches(key, "exercise") { self = .exercise; return }
            case 10: if matches(key, "prescribed") { self = .prescribed; return }
            default: break
            }
            return nil
        }

        /// The key with its quotes, and the key after it in sorted order.
        var quoted: (StaticString, Self?) {
            switch self {
            case .exercise: (#""exercise""#, .notes)
            // `prescribed` is rare (only written when true): guess `sets`.
            case .notes: (#""notes""#, .sets)
            case .prescribed: (#""prescribed""#, .sets)
            case .sets: (#""sets""#, .side)
            case .side: (#""side""#, nil)
            }
        }
    }

    /// An `Entry` object.
    mutating func readEntry() throws(Failure) -> Entry {
        guard try peekToken() == UInt8(ascii: "{") else { throw fail("an entry object") }
        var seen: UInt8 = 0
        var exercise: String?
        var side: Side?
        var notes: String?
        var sets: [ExerciseSet] = []
        var prescribed = false
        var guess: EntryKey? = .exercise
        var more = try beginObject()
        while more {
            var field: EntryKey?
            if let next = guess, take(next.quoted.0) {
                field = next
            } else {
                field = EntryKey(try readKey())
            }
            guess = field?.quoted.1
            try expectColon()
            if let field, seen & field.rawValue == 0 {
                seen |= field.rawValue
                switch field {
                case .exercise: exercise = try readString()
                case .side: side = try readOptionalSide()
                case .notes: notes = try readOptionalString()
                case .sets: sets = try readSets()
                case .prescribed: prescribed = try readNull() ? false : try readBool()
                }
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        guard let exercise else { throw fail("entry key \"exercise\"") }
        return Entry(
            exercise: exercise, side: side, notes: notes, sets: sets, prescribed: prescribed)
    }

    private mutating func readOptionalSide() throws(Failure) -> Side? {
        if try readNull() { return nil }
        if take(#""left""#) { return .left }
        if take(#""right""#) { return .right }
        let start = index
        let bytes = try readStringBytes()
        if equals(bytes, "left") { return .left }
        if equals(bytes, "right") { return .right }
        if equals(bytes, "both") { return .both }
        throw .invalid(offset: start, expected: "left, right or both")
    }

    /// `sets`: absent or `null` mean none.
    private mutating func readSets() throws(Failure) -> [ExerciseSet] {
        if try readNull() { return [] }
        guard try peekToken() == UInt8(ascii: "[") else { throw fail("an array of sets") }
        var sets: [ExerciseSet] = []
        var more = try beginArray()
        if more { sets.reserveCapacity(4) }
        while more {
            sets.append(try readSet())
            more = try nextElement()
        }
        return sets
    }

    // MARK: - ExerciseSet

    private enum SetKey: UInt8 {
        case kind = 1, reps = 2, weight = 4, durationSeconds = 8, distanceMeters = 16, rpe = 32
        case stoppedForPain = 64

        init?(_ key: UnsafeBufferPointer<UInt8>) {
            switch key.count {
            case 3: if matches(key, "rpe") { self = .rpe; return }
            case 4:
                if matches(key, "kind") { self = .kind; return }
                if matches(key, "reps") { self = .reps; return }
            case 6: if matches(key, "weight") { self = .weight; return }
            case 14:
                if matches(key, "distanceMeters") { self = .distanceMeters; return }
                if matches(key, "stoppedForPain") { self = .stoppedForPain; return }
            case 15: if matches(key, "durationSeconds") { self = .durationSeconds; return }
            default: break
            }
            return nil
        }

        /// The key with its quotes, and the key after it in sorted order.
        var quoted: (StaticString, Self?) {
            switch self {
            case .distanceMeters: (#""distanceMeters""#, .durationSeconds)
            case .durationSeconds: (#""durationSeconds""#, .kind)
            case .kind: (#""kind""#, .reps)
            case .reps: (#""reps""#, .rpe)
            case .rpe: (#""rpe""#, .stoppedForPain)
            case .stoppedForPain: (#""stoppedForPain""#, .weight)
            case .weight: (#""weight""#, nil)
            }
        }
    }

    /// An `ExerciseSet` object.
    private mutating func readSet() throws(Failure) -> ExerciseSet {
        guard try peekToken() == UInt8(ascii: "{") else { throw fail("a set object") }
        var seen: UInt8 = 0
        var set = ExerciseSet()
        var guess: SetKey? = .distanceMeters
        var more = try beginObject()
        while more {
            var field: SetKey?
            if let next = guess, take(next.quoted.0) {
                field = next
            } else {
                field = SetKey(try readKey())
            }
            guess = field?.quoted.1
            try expectColon()
            if let field, seen & field.rawValue == 0 {
                seen |= field.rawValue
                switch field {
                case .kind: set.kind = try readOptionalSetKind() ?? .normal
                case .reps: set.reps = try readOptionalInt()
                case .weight: set.weight = try readNull() ? nil : try readWeight()
                case .durationSeconds: set.durationSeconds = try readOptionalDouble()
                case .distanceMeters: set.distanceMeters = try readOptionalDouble()
                case .rpe: set.rpe = try readOptionalDouble()
                case .stoppedForPain: set.stoppedForPain = try readNull() ? false : try readBool()
                }
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        return set
    }

    private mutating func readOptionalSetKind() throws(Failure) -> SetKind? {
        if try readNull() { return nil }
        if take(#""normal""#) { return .normal }
        let start = index
        let bytes = try readStringBytes()
        if equals(bytes, "normal") { return .normal }
        if equals(bytes, "warmup") { return .warmup }
        if equals(bytes, "drop") { return .drop }
        if equals(bytes, "failure") { return .failure }
        throw .invalid(offset: start, expected: "normal, warmup, drop or failure")
    }

    /// A `Weight` object: both keys required.
    private mutating func readWeight() throws(Failure) -> Weight {
        guard try peekToken() == UInt8(ascii: "{") else { throw fail("a weight object") }
        var value: Double?
        var unit: WeightUnit?
        var more = try beginObject()
        while more {
            let isUnit: Bool
            let isValue: Bool
            if take(#""unit""#) {
                (isUnit, isValue) = (true, false)
            } else if take(#""value""#) {
                (isUnit, isValue) = (false, true)
            } else {
                let key = try readKey()
                (isUnit, isValue) = (equals(key, "unit"), equals(key, "value"))
            }
            try expectColon()
            if isValue, value == nil {
                value = try readDouble()
            } else if isUnit, unit == nil {
                unit = try readUnit()
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        guard let value, let unit else { throw fail("weight keys \"value\" and \"unit\"") }
        return Weight(value: value, unit: unit)
    }

    private mutating func readUnit() throws(Failure) -> WeightUnit {
        _ = try peekToken()
        if take(#""kg""#) { return .kg }
        if take(#""lb""#) { return .lb }
        let start = index
        let bytes = try readStringBytes()
        if equals(bytes, "kg") { return .kg }
        if equals(bytes, "lb") { return .lb }
        throw .invalid(offset: start, expected: "kg or lb")
    }

    @inline(__always)
    private func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        Self.equals(bytes, literal)
    }
}

@inline(__always)
private func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
    EventLineParser.Reader.equals(bytes, literal)
}
