/// The formats `limber export` writes (DESIGN §8).
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    /// The lossless `limber.export` document.
    case json
    /// One row per set (see ``LimberCSVLayout``).
    case csv
    /// A readable training log.
    case markdown
    /// The raw event log, every device, in merge order (JSON Lines).
    case events
}
