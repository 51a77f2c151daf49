/// Left against right for one per-side exercise, over some span (the period or one week).
///
/// The asymmetry of a measure is `(left − right) / max(left, right) × 100`: 0 when both sides
/// did the same, positive when the left did more, −100 when only the right did anything. It is
/// given for the measure that tells most about the exercise: load when either side carried
/// one, else seconds held, else reps.
public struct SideComparison: Sendable, Hashable, Encodable {
    /// The measures an asymmetry can be taken of.
    public enum Measure: String, Sendable, Hashable, Codable {
        case load, hold, reps
    }

    /// The ISO week; `nil` for the whole period.
    public var week: String?
    /// The left side.
    public var left: SideTotals
    /// The right side.
    public var right: SideTotals

    /// The measure ``asymmetryPercent`` is taken of.
    public var measure: Measure {
        if left.loadKilograms > 0 || right.loadKilograms > 0 { return .load }
        if left.holdSeconds > 0 || right.holdSeconds > 0 { return .hold }
        return .reps
    }

    /// Both sides in ``measure``: kilograms × reps, seconds or reps.
    public var values: (left: Double, right: Double) {
        (left.value(of: measure), right.value(of: measure))
    }

    /// Both sides in ``measure`` as text: `160 kg`, `45 s`, `12`.
    public var texts: (left: String, right: String) {
        (left.text(of: measure), right.text(of: measure))
    }

    /// The asymmetry in percent; `nil` when neither side did anything.
    public var asymmetryPercent: Double? {
        let (l, r) = values
        let larger = max(l, r)
        return larger > 0 ? (l - r) / larger * 100 : nil
    }
}

extension SideComparison {
    private enum Keys: String, CodingKey {
        case week, left, right, measure, asymmetryPercent
    }

    /// Encodes both sides with the measure and its asymmetry (`null` when neither side did
    /// anything).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(week, forKey: .week)
        try c.encode(left, forKey: .left)
        try c.encode(right, forKey: .right)
        try c.encode(measure, forKey: .measure)
        try c.encode(asymmetryPercent, forKey: .asymmetryPercent)
    }
}
