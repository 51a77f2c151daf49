import JournalModel

/// The body of `session.amended`, decoded as `SessionPatch.init(from:)` does.
extension EventLineParser.Reader {
    /// A `SessionPatch` object: `{"changes": {field: value}}`.
    mutating func readPatch() throws(Failure) -> SessionPatch {
        guard try peekToken() == UInt8(ascii: "{") else { throw fail("a patch object") }
        var changes: [SessionChange]?
        var origin: String??
        var more = try beginObject()
        while more {
            let key = try readKey()
            try expectColon()
            if changes == nil, Self.equals(key, "changes") {
                changes = try readChanges()
            } else if origin == nil, Self.equals(key, "origin") {
                origin = .some(try readOptionalString())
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        guard let changes else { throw fail("patch key \"changes\"") }
        let stated: String? = origin ?? nil
        return SessionPatch(changes, byImport: stated == SessionPatch.importOrigin)
    }

    /// The changes object. Keys are compared as `String`s (canonical equivalence), as
    /// `JSONDecoder`'s key dictionary does; fields this version does not know are skipped.
    private mutating func readChanges() throws(Failure) -> [SessionChange] {
        guard try peekToken() == UInt8(ascii: "{") else { throw fail("an object of changes") }
        var changes: [SessionChange] = []
        var keys = SeenKeys()
        var more = try beginObject()
        while more {
            let key = String(decoding: try readKey(), as: UTF8.self)
            try expectColon()
            if keys.insert(key), let field = SessionField(key: key) {
                switch field {
                case .start: changes.append(.start(try readTimestamp()))
                case .durationSeconds: changes.append(.durationSeconds(try readOptionalInt()))
                case .routine: changes.append(.routine(try readOptionalString()))
                case .painBefore: changes.append(.painBefore(try readOptionalPain()))
                case .painAfter: changes.append(.painAfter(try readOptionalPain()))
                case .notes: changes.append(.notes(try readOptionalString()))
                case .symptomsBefore: changes.append(.symptomsBefore(try readOptionalSymptoms()))
                case .symptomsAfter: changes.append(.symptomsAfter(try readOptionalSymptoms()))
                case .entry(let entryKey):
                    changes.append(.entry(entryKey, try readNull() ? nil : try readEntry()))
                }
            } else {
                try skipValue()
            }
            more = try nextMember()
        }
        return changes
    }
}

/// The keys of one object seen so far: a short list, a set once it grows (hostile patches).
private struct SeenKeys {
    private var list: [String] = []
    private var set: Set<String>?

    /// Adds `key`; `false` if an equal key was there already.
    mutating func insert(_ key: String) -> Bool {
        if set != nil { return set?.insert(key).inserted ?? false }
        if list.contains(key) { return false }
        list.append(key)
        if list.count > 16 { set = Set(list) }
        return true
    }
}
