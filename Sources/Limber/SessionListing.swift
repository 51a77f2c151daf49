/// A session as `list --json` and `show --json` print it: the DESIGN §8 session object plus
/// `"conflicted"` (and `"deleted": true` for a deleted session).
public struct SessionListing: Sendable, Hashable, Encodable {
    /// The session as folded, encoded as the DESIGN §8 session object.
    public var session: Session
    /// Whether concurrent edits from different devices left a field of the session in conflict.
    public var conflicted: Bool
    /// Whether the session is deleted; encoded only when `true`.
    public var deleted: Bool

    /// Creates the listing form of a session.
    ///
    /// - Parameters:
    ///   - session: The session as folded.
    ///   - conflicted: Whether a field of it is in conflict.
    ///   - deleted: Whether it is deleted.
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
