import JournalModel

/// What an export writes: the sessions chosen and the catalog and profile they refer to.
public struct ExportContent: Sendable {
    /// The sessions, oldest first.
    public var sessions: [Session]
    /// The catalog (built-in and custom); the JSON export lists the custom part.
    public var catalog: Catalog
    /// The person's conditions.
    public var profile: Profile
    /// When the export was made.
    public var exportedAt: LocalTimestamp

    /// Creates export content.
    public init(sessions: [Session], catalog: Catalog, profile: Profile, exportedAt: LocalTimestamp) {
        self.sessions = sessions
        self.catalog = catalog
        self.profile = profile
        self.exportedAt = exportedAt
    }

    /// The display name of an exercise id.
    func name(of exercise: String) -> String { catalog.exercise(id: exercise)?.name ?? exercise }
}
