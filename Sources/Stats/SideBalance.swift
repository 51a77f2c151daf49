/// Left against right for one per-side exercise: over the whole period and week by week.
public struct SideBalance: Sendable, Hashable, Encodable {
    /// The exercise id.
    public var exercise: String
    /// Its name.
    public var name: String
    /// The whole period.
    public var overall: SideComparison
    /// Each week either side was logged, in order.
    public var weeks: [SideComparison]
}
