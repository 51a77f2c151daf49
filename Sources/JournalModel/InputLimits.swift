/// The bounds values are checked against, in one place.
///
/// Typed input (`--set`, the guided log) gets tight bounds: a person who types 1200 reps or
/// 1500 kg has made a typo. Files (imports, events from other devices) get wider ones, since
/// a plausible but rare value from another app (a jump-rope count, a sled in pounds) must not
/// make a whole file fail; they only reject what no body can do.
public enum InputLimits {
    /// The most reps a typed set may have.
    public static let typedReps = 1000
    /// The most reps a set read from a file may have.
    public static let storedReps = 10_000
    /// The heaviest load a file may give, in either unit.
    public static let storedWeight: Double = 5000
    /// The longest hold or set time a file may give: a day, in seconds.
    public static let storedSetSeconds: Double = 86_400
    /// The longest distance a file may give for one set: 1000 km, in meters.
    public static let storedDistanceMeters: Double = 1_000_000

    /// The heaviest typed load in `unit`: 1000 kg, or 2200 lb (about the same).
    public static func typedWeight(_ unit: WeightUnit) -> Double {
        switch unit {
        case .kg: 1000
        case .lb: 2200
        }
    }

    /// The earliest year a typed session start may have.
    public static let earliestTypedYear = 1900
    /// How far ahead of now a typed start may lie without `--future`, in seconds (a day, so
    /// that a time zone mix-up never refuses a session logged tonight).
    public static let futureToleranceSeconds: Int64 = 86_400
}
