/// The role of a set: a working set, a warm-up, a drop set, or a set taken to failure.
public enum SetKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An ordinary working set.
    case normal
    /// A warm-up set (Strong's `W`, Hevy's `warmup`).
    case warmup
    /// A drop set (Strong's `D`, Hevy's `dropset`).
    case drop
    /// A set taken to failure (Strong's `F`, Hevy's `failure`).
    case failure

    /// Parses the names used by limber and by other apps' exports, in any letter case:
    /// `normal`, `warmup`/`warm-up`/`w`, `drop`/`dropset`/`d`, `failure`/`f`; an empty text
    /// is `normal`. `nil` for anything else.
    public init?(parsing text: some StringProtocol) {
        switch text.trimmingSpaces.lowercased() {
        case "", "normal", "n": self = .normal
        case "warmup", "warm-up", "warm up", "w": self = .warmup
        case "drop", "dropset", "drop set", "drop-set", "d": self = .drop
        case "failure", "f": self = .failure
        default: return nil
        }
    }
}
