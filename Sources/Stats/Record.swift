import JournalModel

/// A best value and where it was first reached.
public struct Record<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The value (a weight in the unit it was logged in, seconds, meters or reps).
    public var value: Value
    /// The local date of the session that set it.
    public var date: LocalDate
    /// The session that set it.
    public var session: String

    /// Creates a record.
    public init(value: Value, date: LocalDate, session: String) {
        self.value = value
        self.date = date
        self.session = session
    }
}
