/// The body of a `conflict.resolved` event: the values a person chose for a conflicted session.
///
/// Its `parents` are every head of the session, so it follows all the concurrent writes it
/// settles; its changes are written like an amendment's, and `deleted` (when set) settles a
/// deletion concurrent with an amendment. Stored as
/// `{"conflict": "<id>", "changes": {…}, "deleted": true|false|null}`.
public struct ConflictResolution: Sendable, Hashable, Codable {
    /// The id of the conflict it settles (the same on every device).
    public var conflict: String
    /// The chosen field values.
    public var patch: SessionPatch
    /// The chosen deletion state, when the conflict was about a deletion.
    public var deleted: Bool?

    /// Creates a resolution.
    public init(conflict: String, patch: SessionPatch, deleted: Bool?) {
        self.conflict = conflict
        self.patch = patch
        self.deleted = deleted
    }

    private enum CodingKeys: String, CodingKey { case conflict, deleted }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        conflict = try container.decode(String.self, forKey: .conflict)
        deleted = try container.decodeIfPresent(Bool.self, forKey: .deleted)
        patch = try SessionPatch(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try patch.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(conflict, forKey: .conflict)
        try container.encode(deleted, forKey: .deleted)
    }
}
