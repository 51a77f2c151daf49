/// The formats `limber import` reads (DESIGN §8).
public enum ImportFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// limber's own JSON export (`limber.export`, version 1).
    case limber
    /// limber's raw event log as JSON Lines (`export --format events`).
    case events
    /// limber's own CSV export, one row per set.
    case csv
    /// The Strong app's CSV export (any of its layouts and languages).
    case strong
    /// The Hevy app's CSV export (metric or imperial).
    case hevy
    /// The FitNotes app's CSV export.
    case fitnotes

    /// The name people know the format by.
    public var displayName: String {
        switch self {
        case .limber: "limber JSON"
        case .events: "limber events"
        case .csv: "limber CSV"
        case .strong: "Strong"
        case .hevy: "Hevy"
        case .fitnotes: "FitNotes"
        }
    }
}
