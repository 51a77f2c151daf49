/// A warning attached to an exercise for people with a condition.
public struct Caution: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How strongly to warn.
    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
        /// Do not do this exercise with the condition.
        case contraindicated
        /// Take care; adapt or stop if symptoms rise.
        case caution
    }

    /// The condition the warning is for.
    public var condition: Condition
    /// How strongly to warn.
    public var severity: Severity
    /// One sentence a person can act on (why, what to do); may be empty.
    public var text: String

    /// `contraindicated with herniated-disc: flexing both knees…`, or `take care with …`.
    public var description: String {
        let head =
            (severity == .contraindicated ? "contraindicated" : "take care") + " with "
            + condition.rawValue
        return text.isEmpty ? head : head + ": " + text
    }

    /// Creates a caution.
    public init(condition: Condition, severity: Severity, text: String) {
        self.condition = condition
        self.severity = severity
        self.text = text
    }
}
