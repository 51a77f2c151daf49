import JournalModel

/// What an export writes: the sessions chosen and the catalog and profile they refer to.
///
/// The sessions are handed to the exporter one at a time, so an export of any size holds one
/// session in memory, not the journal's history.
public struct ExportContent {
    /// Hands each session, oldest first, to the closure it is given.
    public typealias Visit = ((Session) throws -> Void) throws -> Void

    /// How many sessions ``visitSessions`` hands out.
    public var count: Int
    /// The local dates of the first and last session (for Markdown's summary line).
    public var span: (first: LocalDate, last: LocalDate)?
    /// The catalog (built-in and custom); the JSON export lists the custom part.
    public var catalog: Catalog
    /// The person's conditions.
    public var profile: Profile
    /// When the export was made.
    public var exportedAt: LocalTimestamp
    /// Hands each session, oldest first, to its argument; may be called more than once.
    public var visitSessions: Visit

    /// Creates export content that streams its sessions.
    ///
    /// - Parameters:
    ///   - count: How many sessions `visit` hands out.
    ///   - span: The local dates of the first and last of them; `nil` when there are none.
    ///   - visit: Hands each session, oldest first, to its argument.
    public init(
        count: Int, span: (first: LocalDate, last: LocalDate)?, catalog: Catalog,
        profile: Profile, exportedAt: LocalTimestamp, visit: @escaping Visit
    ) {
        self.count = count
        self.span = span
        self.catalog = catalog
        self.profile = profile
        self.exportedAt = exportedAt
        self.visitSessions = visit
    }

    /// Creates export content of sessions already in memory, oldest first.
    public init(sessions: [Session], catalog: Catalog, profile: Profile, exportedAt: LocalTimestamp) {
        let span = sessions.first.flatMap { first in
            sessions.last.map { (first.start.localDate, $0.start.localDate) }
        }
        self.init(
            count: sessions.count, span: span, catalog: catalog, profile: profile,
            exportedAt: exportedAt
        ) { body in for session in sessions { try body(session) } }
    }

    /// Hands each session with its index, oldest first, to `body`.
    func forEachSession(_ body: (Int, Session) throws -> Void) throws {
        var index = 0
        try visitSessions { session in
            try body(index, session)
            index += 1
        }
    }

    /// The display name of an exercise id.
    func name(of exercise: String) -> String { catalog.exercise(id: exercise)?.name ?? exercise }
}
