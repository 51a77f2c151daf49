import JournalModel

/// A session after which pain was 2 or more points above what it was before.
public struct PainFlare: Sendable, Hashable, Codable {
    /// The smallest rise that is listed.
    public static let threshold = 2

    /// The session.
    public var session: String
    /// Its local date.
    public var date: LocalDate
    /// Pain before.
    public var before: Int
    /// Pain after.
    public var after: Int
}
