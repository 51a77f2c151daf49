@_exported import Backup
@_exported import Interchange

/// What an import did (or, with `--dry-run`, would do).
public struct ImportReport: Sendable, Encodable {
    /// The file as named.
    public var file: String
    /// The format read.
    public var format: ImportFormat
    /// Rows (CSV) or records (JSON) read.
    public var records = 0
    /// Sessions the journal did not have.
    public var newSessions = 0
    /// Sessions already in the journal (imported before, here or on another device); left as
    /// they are, with any changes made since.
    public var presentSessions = 0
    /// Sessions already present to which this file added entries or sets (a later export of
    /// the same app with more of that workout).
    public var extendedSessions = 0
    /// Sets in the new sessions and added to present ones.
    public var newSets = 0
    /// Custom exercises defined by the import.
    public var newExercises: [String] = []
    /// Custom routines defined by the import.
    public var newRoutines: [String] = []
    /// Conditions added to the profile.
    public var addedConditions: [String] = []
    /// Rows that are not sets, by reason.
    public var skipped: [String: Int] = [:]
    /// `true` when nothing was written (`--dry-run`).
    public var dryRun: Bool

    /// `true` when the import changes the journal.
    public var changesJournal: Bool {
        newSessions > 0 || extendedSessions > 0 || !newExercises.isEmpty || !newRoutines.isEmpty || !addedConditions.isEmpty
    }
}
