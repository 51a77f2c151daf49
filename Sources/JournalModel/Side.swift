/// Which side of the body an entry worked.
public enum Side: String, Sendable, Hashable, Codable, CaseIterable {
    /// The left side.
    case left
    /// The right side.
    case right
    /// Both sides at once (or alternating within each set).
    case both

    /// Parses `left`, `right`, `both` and the abbreviations `l`, `r`, `b`, in any letter case.
    public init?(parsing text: some StringProtocol) {
        switch text.trimmingSpaces.lowercased() {
        case "left", "l": self = .left
        case "right", "r": self = .right
        case "both", "b": self = .both
        default: return nil
        }
    }
}
