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
