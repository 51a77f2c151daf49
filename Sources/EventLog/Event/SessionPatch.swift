import JournalModel

/// Names one entry of a session: the exercise and, for one-sided work, the side.
public struct EntryKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The exercise's slug, as in the catalog.
    public var exercise: String
    /// The side worked, or `nil` for an exercise that is not done one side at a time.
    public var side: Side?

    /// Creates the key of the entry for `exercise` on `side`.
    ///
    /// - Parameters:
    ///   - exercise: The exercise's slug.
    ///   - side: The side, or `nil` when the exercise has none.
    public init(exercise: String, side: Side?) {
        self.exercise = exercise
        self.side = side
    }

    /// The key of `entry`.
    public init(_ entry: Entry) {
        self.init(exercise: entry.exercise, side: entry.side)
    }

    /// `"bird-dog:left"`, or `"rockback"` without a side.
    public var description: String {
        side.map { "\(exercise):\($0.rawValue)" } ?? exercise
    }

    public static func < (lhs: EntryKey, rhs: EntryKey) -> Bool {
        lhs.description < rhs.description
    }
}

/// One field of a session that an amendment can change; the unit of merging and of conflicts.
public enum SessionField: Sendable, Hashable, Comparable, CustomStringConvertible {
    case start, durationSeconds, routine, painBefore, painAfter, notes
    case symptomsBefore, symptomsAfter
    case entry(EntryKey)

    /// The key used in the stored patch, e.g. `"painAfter"` or `"entry:bird-dog:left"`.
    public var description: String {
        switch self {
        case .start: "start"
        case .durationSeconds: "durationSeconds"
        case .routine: "routine"
        case .painBefore: "painBefore"
        case .painAfter: "painAfter"
        case .notes: "notes"
        case .symptomsBefore: "symptomsBefore"
        case .symptomsAfter: "symptomsAfter"
        case .entry(let key): "entry:\(key)"
        }
    }

    /// Parses a stored key; `nil` for a field this version does not know.
    public init?(key: String) {
        switch key {
        case "start": self = .start
        case "durationSeconds": self = .durationSeconds
        case "routine": self = .routine
        case "painBefore": self = .painBefore
        case "painAfter": self = .painAfter
        case "notes": self = .notes
        case "symptomsBefore": self = .symptomsBefore
        case "symptomsAfter": self = .symptomsAfter
        default:
            guard key.hasPrefix("entry:") else { return nil }
            let parts = key.dropFirst(6).split(separator: ":", omittingEmptySubsequences: false)
            guard let exercise = parts.first, !exercise.isEmpty, parts.count <= 2 else {
                return nil
            }
            var side: Side?
            if parts.count == 2 {
                guard let parsed = Side(rawValue: String(parts[1])) else { return nil }
                side = parsed
            }
            self = .entry(EntryKey(exercise: String(exercise), side: side))
        }
    }

    public static func < (lhs: SessionField, rhs: SessionField) -> Bool {
        lhs.description < rhs.description
    }
}

/// A new value for one session field. `nil` payloads clear the field (or remove the entry).
public enum SessionChange: Sendable, Hashable {
    case start(LocalTimestamp)
    case durationSeconds(Int?)
    case routine(String?)
    case painBefore(PainScore?)
    case painAfter(PainScore?)
    case notes(String?)
    case symptomsBefore(Symptoms?)
    case symptomsAfter(Symptoms?)
    case entry(EntryKey, Entry?)

    /// The field this change writes.
    public var field: SessionField {
        switch self {
        case .start: .start
        case .durationSeconds: .durationSeconds
        case .routine: .routine
        case .painBefore: .painBefore
        case .painAfter: .painAfter
        case .notes: .notes
        case .symptomsBefore: .symptomsBefore
        case .symptomsAfter: .symptomsAfter
        case .entry(let key, _): .entry(key)
        }
    }
}

/// The body of a `session.amended` event: a field patch, stored as
/// `{"changes": {"painAfter": 3, "entry:bird-dog:left": {…}, "notes": null}}`, plus
/// `"origin": "import"` when an import wrote it (a correction or an extension of a session the
/// import made), so that later imports can tell the person's own changes from their own.
public struct SessionPatch: Sendable, Hashable, Codable {
    /// The changes, at most one per field, in field order.
    public private(set) var changes: [SessionChange]
    /// `true` when an import wrote the patch, not the person.
    public var byImport: Bool

    /// Creates a patch from changes, keeping the last change given for each field.
    ///
    /// - Parameters:
    ///   - changes: The changes, in any order; a later change to the same field replaces an
    ///     earlier one.
    ///   - byImport: Whether an import writes it.
    public init(_ changes: [SessionChange], byImport: Bool = false) {
        var byField: [SessionField: SessionChange] = [:]
        for change in changes { byField[change.field] = change }
        self.changes = byField.keys.sorted().compactMap { byField[$0] }
        self.byImport = byImport
    }

    /// The stored value of `origin` for a patch an import wrote.
    static let importOrigin = "import"

    /// Whether the patch changes nothing.
    public var isEmpty: Bool { changes.isEmpty }

    private struct FieldKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private enum CodingKeys: String, CodingKey { case changes, origin }

    public init(from decoder: any Decoder) throws {
        let outer = try decoder.container(keyedBy: CodingKeys.self)
        let container = try outer.nestedContainer(keyedBy: FieldKey.self, forKey: .changes)
        var changes: [SessionChange] = []
        for key in container.allKeys {
            // A field from a newer version is skipped, not fatal: the fold ignores it.
            guard let field = SessionField(key: key.stringValue) else { continue }
            switch field {
            case .start:
                changes.append(.start(try container.decode(LocalTimestamp.self, forKey: key)))
            case .durationSeconds:
                changes.append(
                    .durationSeconds(try container.decodeIfPresent(Int.self, forKey: key)))
            case .routine:
                changes.append(.routine(try container.decodeIfPresent(String.self, forKey: key)))
            case .painBefore:
                changes.append(
                    .painBefore(try container.decodeIfPresent(PainScore.self, forKey: key)))
            case .painAfter:
                changes.append(
                    .painAfter(try container.decodeIfPresent(PainScore.self, forKey: key)))
            case .notes:
                changes.append(.notes(try container.decodeIfPresent(String.self, forKey: key)))
            case .symptomsBefore:
                changes.append(
                    .symptomsBefore(try container.decodeIfPresent(Symptoms.self, forKey: key)))
            case .symptomsAfter:
                changes.append(
                    .symptomsAfter(try container.decodeIfPresent(Symptoms.self, forKey: key)))
            case .entry(let entryKey):
                changes.append(
                    .entry(entryKey, try container.decodeIfPresent(Entry.self, forKey: key)))
            }
        }
        let origin = try outer.decodeIfPresent(String.self, forKey: .origin)
        self.init(changes, byImport: origin == Self.importOrigin)
    }

    public func encode(to encoder: any Encoder) throws {
        var outer = encoder.container(keyedBy: CodingKeys.self)
        if byImport { try outer.encode(Self.importOrigin, forKey: .origin) }
        var container = outer.nestedContainer(keyedBy: FieldKey.self, forKey: .changes)
        for change in changes {
            let key = FieldKey(stringValue: change.field.description)
            switch change {
            case .start(let value): try container.encode(value, forKey: key)
            case .durationSeconds(let value): try container.encode(value, forKey: key)
            case .routine(let value): try container.encode(value, forKey: key)
            case .painBefore(let value): try container.encode(value, forKey: key)
            case .painAfter(let value): try container.encode(value, forKey: key)
            case .notes(let value): try container.encode(value, forKey: key)
            case .symptomsBefore(let value): try container.encode(value, forKey: key)
            case .symptomsAfter(let value): try container.encode(value, forKey: key)
            case .entry(_, let value): try container.encode(value, forKey: key)
            }
        }
    }
}
