import JournalModel

/// What was done of one exercise in the period, and its records; a per-side exercise has one
/// of these per side.
public struct ExerciseProgress: Sendable, Hashable {
    /// The exercise id.
    public var exercise: String
    /// Its name in the catalog (the id when the catalog does not know it).
    public var name: String
    /// The side, for a per-side exercise logged with one; `nil` otherwise.
    public var side: Side?
    /// Sessions that hold the exercise (on this side).
    public var sessions = 0
    /// Working sets: every set but warm-ups.
    public var sets = 0
    /// Warm-up sets, counted apart.
    public var warmupSets = 0
    /// Working sets filled in from a prescription (`log --routine`); counted in ``sets``,
    /// ``reps`` and ``volume``, never in ``records``.
    public var prescribedSets = 0
    /// Sets stopped for pain.
    public var stoppedForPain = 0
    /// Reps of the working sets.
    public var reps = 0
    /// Reps × load over the working sets with a load, in ``volumeUnit``; `nil` without any.
    public var volume: Double?
    /// The unit most loaded working sets were logged in (kilograms on a tie).
    public var volumeUnit: WeightUnit?
    /// Seconds held over the working sets.
    public var holdSeconds: Double = 0
    /// Meters over the working sets.
    public var distanceMeters: Double = 0
    /// The records.
    public var records = ExerciseRecords()

    /// The heaviest load (DESIGN §8's `bestWeight`).
    public var bestWeight: Weight? { records.heaviestWeight?.value }
    /// The longest hold in seconds (DESIGN §8's `bestHoldSeconds`).
    public var bestHoldSeconds: Double? { records.longestHoldSeconds?.value }

    /// Nothing done yet.
    public init(exercise: String, name: String, side: Side?) {
        self.exercise = exercise
        self.name = name
        self.side = side
    }
}
