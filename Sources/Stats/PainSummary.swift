/// Pain scores of some sessions: how many, their mean and their median.
public struct PainSummary: Sendable, Hashable, Codable {
    /// Sessions that recorded this score.
    public var count: Int
    /// The mean score.
    public var mean: Double
    /// The median score (the mean of the middle two for an even count).
    public var median: Double

    /// Summarises `scores`; `nil` when there are none.
    public init?(_ scores: [Int]) {
        guard !scores.isEmpty else { return nil }
        let sorted = scores.sorted()
        count = sorted.count
        mean = Double(sorted.reduce(0, +)) / Double(sorted.count)
        let middle = sorted.count / 2
        median =
            sorted.count % 2 == 1
            ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
