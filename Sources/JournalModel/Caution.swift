/// A warning attached to an exercise for people with a condition.
public struct Caution: Sendable, Hashable, Codable {
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
    /// One sentence a person can act on.
    public var text: String

    /// Creates a caution.
    public init(condition: Condition, severity: Severity, text: String) {
        self.condition = condition
        self.severity = severity
        self.text = text
    }
}
