/// A session as `list --json` and `show --json` print it: the DESIGN §8 session object plus
/// `"conflicted"` (and `"deleted": true` for a deleted session).
public struct SessionListing: Sendable, Hashable, Encodable {
    public var session: Session
    public var conflicted: Bool
    public var deleted: Bool

    public init(_ session: Session, conflicted: Bool, deleted: Bool) {
        self.session = session
        self.conflicted = conflicted
        self.deleted = deleted
    }

    private enum CodingKeys: String, CodingKey { case conflicted, deleted }

    public func encode(to encoder: any Encoder) throws {
        try session.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(conflicted, forKey: .conflicted)
        if deleted { try container.encode(true, forKey: .deleted) }
    }
}

extension Journal {
    /// The listing form of a session.
    public func listing(_ session: Session) -> SessionListing {
        SessionListing(
            session, conflicted: isConflicted(session.id), deleted: isDeleted(session.id))
    }
}
