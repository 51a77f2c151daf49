/// The kind of an event (DESIGN §4). New kinds may be added; a kind's meaning never changes.
public struct EventType: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let sessionLogged = EventType(rawValue: "session.logged")
    public static let sessionAmended = EventType(rawValue: "session.amended")
    public static let sessionDeleted = EventType(rawValue: "session.deleted")
    public static let sessionRestored = EventType(rawValue: "session.restored")
    public static let exerciseDefined = EventType(rawValue: "exercise.defined")
    public static let routineDefined = EventType(rawValue: "routine.defined")
    public static let profileSet = EventType(rawValue: "profile.set")
    public static let conflictResolved = EventType(rawValue: "conflict.resolved")
    /// A device's readable name (its host name), written with its first commit.
    public static let deviceNamed = EventType(rawValue: "device.named")
    /// Two journals (folders of different `journal` ids) joined into one by `--join`.
    public static let journalJoined = EventType(rawValue: "journal.joined")

    public var description: String { rawValue }
}
