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

extension SideTotals {
    /// The side's amount in `measure`.
    public func value(of measure: SideComparison.Measure) -> Double {
        switch measure {
        case .load: loadKilograms
        case .hold: holdSeconds
        case .reps: Double(reps)
        }
    }

    /// The side's amount in `measure`, as text: `160 kg`, `45 s`, `12`.
    public func text(of measure: SideComparison.Measure) -> String {
        switch measure {
        case .load: ProgressFormat.number(loadKilograms) + " kg"
        case .hold: ProgressFormat.seconds(holdSeconds)
        case .reps: String(reps)
        }
    }
}

extension SideTotals {
    /// Adds another set of totals to these.
    mutating func add(_ other: SideTotals) {
        reps += other.reps
        loadKilograms += other.loadKilograms
        holdSeconds += other.holdSeconds
    }
}
