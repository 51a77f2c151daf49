import JournalModel

/// What an event says, decoded by its `type`.
public enum EventBody: Sendable, Hashable {
    /// A whole new session.
    case sessionLogged(Session)
    /// A field patch of an existing session.
    case sessionAmended(SessionPatch)
    case sessionDeleted
    case sessionRestored
    /// A custom exercise, or a new version of one.
    case exerciseDefined(Exercise)
    /// A custom routine, or a new version of one.
    case routineDefined(Routine)
    /// The person's conditions, replacing the previous set.
    case profileSet(Profile)
    /// A person's choice for a conflicted session.
    case conflictResolved(ConflictResolution)
    /// A device's readable name; the entity is `device/<id>`.
    case deviceNamed(DeviceName)
    /// Journals of different ids the person joined into one; the entity is `journal`.
    case journalJoined(JournalJoin)
    /// An event of a kind this version does not know; kept on disk, ignored by the fold.
    case unknown

    /// The `type` written in the envelope.
    public var type: EventType? {
        switch self {
        case .sessionLogged: .sessionLogged
        case .sessionAmended: .sessionAmended
        case .sessionDeleted: .sessionDeleted
        case .sessionRestored: .sessionRestored
        case .exerciseDefined: .exerciseDefined
        case .routineDefined: .routineDefined
        case .profileSet: .profileSet
        case .conflictResolved: .conflictResolved
        case .deviceNamed: .deviceNamed
        case .journalJoined: .journalJoined
        case .unknown: nil
        }
    }
}

/// The body of a `device.named` event: `{"name": "laptop"}`.
public struct DeviceName: Sendable, Hashable, Codable {
    /// The name shown by `limber devices`.
    public var name: String

    /// Creates a body.
    public init(name: String) { self.name = name }
}

/// The body of a `journal.joined` event: `{"journals": ["<id>", "<id>"]}`, the `journal` ids
/// (of `limber.json`) that the person chose to treat as one journal (`merge --join`,
/// `sync --join`). Every device that has the event accepts merges between them.
public struct JournalJoin: Sendable, Hashable, Codable {
    /// The joined journal ids, sorted.
    public var journals: [String]

    /// Creates a body; the ids are sorted and deduplicated.
    public init(journals: [String]) { self.journals = Array(Set(journals)).sorted() }
}
