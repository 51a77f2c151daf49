/// The unit a weight was entered in. Weights keep their unit; limber never converts silently.
public enum WeightUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Kilograms.
    case kg
    /// Pounds.
    case lb

    /// Parses `kg`, `kgs`, `lb`, `lbs` in any letter case; `nil` for anything else.
    public init?(parsing text: some StringProtocol) {
        switch text.lowercased() {
        case "kg", "kgs": self = .kg
        case "lb", "lbs": self = .lb
        default: return nil
        }
    }
}
