import JournalModel

/// The records one exercise (one side of it) beat in a session, as `log` says them.
public struct RecordNews: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The exercise id.
    public var exercise: String
    /// Its name in the catalog.
    public var name: String
    /// The side, for a per-side exercise.
    public var side: Side?
    /// Each record beaten: what it was before the session and what it is after.
    public var changes: [RecordChange]

    /// Creates the news of one exercise.
    public init(exercise: String, name: String, side: Side?, changes: [RecordChange]) {
        self.exercise = exercise
        self.name = name
        self.side = side
        self.changes = changes
    }

    /// `Plank: longest hold 60 s, was 45 s`, or `Bird dog (left): most reps 14, was 12; …`.
    public var description: String {
        name + (side.map { " (\($0.rawValue))" } ?? "") + ": "
            + changes.map(\.description).joined(separator: "; ")
    }
}
