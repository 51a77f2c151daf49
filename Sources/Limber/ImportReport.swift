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
    /// Sessions this file made before that it now corrects (read again with other options,
    /// such as `--unit` or `--timezone`, or changed in the app): the person has not changed
    /// them in limber since.
    public var correctedSessions = 0
    /// Sessions already present for which the file has nothing new.
    public var unchangedSessions = 0
    /// Sessions the file would correct that the person changed in limber since: left as they
    /// are (ids).
    public var leftChanged: [String] = []
    /// Sessions of the file that the person deleted: left deleted (ids).
    public var leftDeleted: [String] = []
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
    /// For other apps' exports, whose times carry no offset: the zone they were read in
    /// (`this machine's time zone`, `UTC+01:00`); `nil` for limber's own formats.
    public var localTimesIn: String?
    /// `true` when nothing was written (`--dry-run`).
    public var dryRun: Bool

    /// `true` when the import changes the journal.
    public var changesJournal: Bool {
        newSessions > 0 || extendedSessions > 0 || correctedSessions > 0 || !newExercises.isEmpty || !newRoutines.isEmpty || !addedConditions.isEmpty
    }
}
