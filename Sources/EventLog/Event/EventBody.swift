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
        case .unknown: nil
        }
    }
}
