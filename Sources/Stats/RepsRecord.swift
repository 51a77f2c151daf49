import JournalModel

/// The most reps in one set, and the load they were done with (`nil`: body weight).
public struct RepsRecord: Sendable, Hashable, Codable {
    /// Reps in the set.
    public var reps: Int
    /// The load, in the unit it was logged in; `nil` for a body-weight set.
    public var weight: Weight?

    /// Creates a reps record value.
    public init(reps: Int, weight: Weight?) {
        self.reps = reps
        self.weight = weight
    }
}
