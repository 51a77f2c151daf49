import JournalModel

/// What a file holds, read and checked, before anything is written: the sessions with their
/// final ids and the catalog entries they need.
public struct ImportedData: Sendable {
    /// The format that was read.
    public var format: ImportFormat
    /// The sessions, in file order. Ids are the file's own (limber formats) or derived from
    /// the source (format + source key), so a second import of the same file finds them.
    public var sessions: [Session] = []
    /// Custom exercises the sessions use that the journal's catalog lacks (from the file's
    /// catalog, or made from the names another app used).
    public var exercises: [Exercise] = []
    /// Custom routines from the file (limber formats only).
    public var routines: [Routine] = []
    /// The person's conditions from the file (limber formats only).
    public var profile: Profile?
    /// Sessions the file holds that the journal already had, counted but not kept (limber JSON:
    /// a re-import of a large export needs no memory for them).
    public var alreadyPresent = 0
    /// Rows (CSV) or elements (JSON) read.
    public var records = 0
    /// Rows that are not sets, skipped and counted by reason (such as Strong's rest timers).
    public var skipped: [String: Int] = [:]

    /// How something the file does not say was decided (a weight unit), for the person to check.
    public var assumptions: [String] = []
    /// Rows whose weights or distances have no unit, when no default unit was given: the
    /// import is refused with them as examples.
    var rowsWithoutUnit: [String] = []

    /// Creates empty data of `format`.
    public init(format: ImportFormat) { self.format = format }

    /// The sets in all sessions.
    public var setCount: Int { sessions.reduce(0) { $0 + $1.entries.reduce(0) { $0 + $1.sets.count } } }
}
