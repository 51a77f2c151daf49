/// How a pain score moved from the baseline to the latest week that recorded it.
///
/// The change is clinically important when it reaches 2 points or 30 % of the baseline
/// (the thresholds used for the 0–10 numeric pain rating scale); both are given, and either
/// marks it.
public struct PainChange: Sendable, Hashable, Codable {
    /// The smallest change in points that counts as important.
    public static let importantPoints = 2.0
    /// The smallest change in percent of the baseline that counts as important.
    public static let importantPercent = 30.0

    /// The baseline mean.
    public var baseline: Double
    /// The latest week's mean.
    public var latest: Double
    /// The week `latest` comes from.
    public var latestWeek: String
    /// `latest − baseline`, in points (negative: less pain).
    public var points: Double
    /// The change in percent of the baseline; `nil` when the baseline is 0.
    public var percent: Double?
    /// Whether the change reaches 2 points or 30 %.
    public var important: Bool

    /// The change from `baseline` to `latest` (taken in `latestWeek`).
    public init(baseline: Double, latest: Double, latestWeek: String) {
        self.baseline = baseline
        self.latest = latest
        self.latestWeek = latestWeek
        points = latest - baseline
        percent = baseline > 0 ? points / baseline * 100 : nil
        // A small tolerance: 30 % of a mean is rarely an exact binary fraction.
        important =
            abs(points) >= Self.importantPoints - 1e-9
            || (percent.map { abs($0) >= Self.importantPercent - 1e-9 } ?? false)
    }
}
