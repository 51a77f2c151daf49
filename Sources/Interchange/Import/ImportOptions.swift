import JournalModel

/// How to read a file.
public struct ImportOptions: Sendable {
    /// The format, or `nil` to recognise it from the content.
    public var format: ImportFormat?
    /// The zone the source app's local times are in (its exports carry no offset).
    public var zone: LocalTimestamp.Zone
    /// `true` when the person named the zone (`--timezone`): only then may a re-import move
    /// the starts of sessions imported before, which were read in whatever zone the machine
    /// that imported them had.
    public var zoneIsExplicit = false
    /// The weight unit for exports that do not say which they use (Strong's plain layout);
    /// `nil` refuses such a file (``ImportError/Kind/unitNotStated(samples:)``) rather than
    /// guess.
    public var defaultWeightUnit: WeightUnit?
    /// Receives progress while the file is read.
    public var progress: ProgressHandler?

    /// Creates options; by default the format is recognised, times are in the machine's zone
    /// and a file with unlabelled weights is refused.
    public init(
        format: ImportFormat? = nil, zone: LocalTimestamp.Zone = .system,
        defaultWeightUnit: WeightUnit? = nil, progress: ProgressHandler? = nil
    ) {
        self.format = format
        self.zone = zone
        self.defaultWeightUnit = defaultWeightUnit
        self.progress = progress
    }
}
