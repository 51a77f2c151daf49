/// What one side did: reps, load (reps × kilograms) and seconds held, over working sets.
public struct SideTotals: Sendable, Hashable, Codable {
    /// Reps.
    public var reps = 0
    /// Reps × load in kilograms (loads logged in pounds are converted).
    public var loadKilograms: Double = 0
    /// Seconds held.
    public var holdSeconds: Double = 0

    /// Nothing yet.
    public init() {}
}
