/// One set of an exercise: reps, a load, a hold or a distance, as the person did it.
///
/// Encodes with every key of DESIGN §8 present, writing `null` for what was not recorded;
/// decoding accepts missing optional keys (`kind` defaults to `normal`, `stoppedForPain` to
/// `false`). Decoding does not validate: the journal never drops what a device recorded;
/// call ``validate(field:)`` on input.
public struct ExerciseSet: Sendable, Hashable, Codable {
    /// The role of the set.
    public var kind: SetKind
    /// Repetitions, or `nil` for holds and distances.
    public var reps: Int?
    /// The load, or `nil` for body weight.
    public var weight: Weight?
    /// Time under load in seconds (a hold), or `nil`.
    public var durationSeconds: Double?
    /// Distance in meters, or `nil`.
    public var distanceMeters: Double?
    /// Rate of perceived exertion, 0…10, or `nil`.
    public var rpe: Double?
    /// Whether the set was cut short by pain (`!` after the set on the command line).
    public var stoppedForPain: Bool

    /// Creates a set; every measure defaults to "not recorded".
    public init(
        kind: SetKind = .normal, reps: Int? = nil, weight: Weight? = nil,
        durationSeconds: Double? = nil, distanceMeters: Double? = nil, rpe: Double? = nil,
        stoppedForPain: Bool = false
    ) {
        self.kind = kind
        self.reps = reps
        self.weight = weight
        self.durationSeconds = durationSeconds
        self.distanceMeters = distanceMeters
        self.rpe = rpe
        self.stoppedForPain = stoppedForPain
    }

    /// Checks reps (0…10000), weight (finite, 0…5000), hold (0…24 h), distance (0…1000 km) and
    /// RPE (0…10).
    ///
    /// - Parameter field: Names the set in messages, such as `bird-dog set 2`.
    public func validate(field: @autoclosure () -> String = "set") throws(ModelError) {
        if let reps, !(0...InputLimits.storedReps).contains(reps) {
            throw Self.range(field(), "reps", String(reps), "0 to \(InputLimits.storedReps)")
        }
        try weight?.validate(field: "\(field()) weight")
        if let durationSeconds,
            !(durationSeconds.isFinite && (0...InputLimits.storedSetSeconds).contains(durationSeconds))
        {
            throw Self.range(field(), "duration", String(durationSeconds), "0 to 86400 seconds")
        }
        if let distanceMeters,
            !(distanceMeters.isFinite && (0...InputLimits.storedDistanceMeters).contains(distanceMeters))
        {
            throw Self.range(field(), "distance", String(distanceMeters), "0 to 1000000 meters")
        }
        if let rpe, !(rpe.isFinite && (0...10).contains(rpe)) {
            throw Self.range(field(), "RPE", String(rpe), "0 to 10")
        }
    }

    private static func range(_ field: String, _ what: String, _ input: String, _ bounds: String)
        -> ModelError
    {
        ModelError(
            kind: .outOfRange, field: field, input: input,
            description: "\(field): \(what) must be \(bounds), got \(ModelError.quote(input))",
            hint: "correct the \(what) of that set")
    }

    enum CodingKeys: String, CodingKey {
        case kind, reps, weight, durationSeconds, distanceMeters, rpe, stoppedForPain
    }

    /// Decodes a set, tolerating missing optional keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(SetKind.self, forKey: .kind) ?? .normal
        reps = try c.decodeIfPresent(Int.self, forKey: .reps)
        weight = try c.decodeIfPresent(Weight.self, forKey: .weight)
        durationSeconds = try c.decodeIfPresent(Double.self, forKey: .durationSeconds)
        distanceMeters = try c.decodeIfPresent(Double.self, forKey: .distanceMeters)
        rpe = try c.decodeIfPresent(Double.self, forKey: .rpe)
        stoppedForPain = try c.decodeIfPresent(Bool.self, forKey: .stoppedForPain) ?? false
    }

    /// Encodes every key, with `null` for measures not recorded.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(reps, forKey: .reps)
        try c.encode(weight, forKey: .weight)
        try c.encode(durationSeconds, forKey: .durationSeconds)
        try c.encode(distanceMeters, forKey: .distanceMeters)
        try c.encode(rpe, forKey: .rpe)
        try c.encode(stoppedForPain, forKey: .stoppedForPain)
    }
}
