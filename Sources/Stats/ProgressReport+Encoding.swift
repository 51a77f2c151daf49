import JournalModel

/// `stats --json`: DESIGN §8's shape, extended (docs/STATS.md names every field). Dates are
/// `YYYY-MM-DD`, weeks `YYYY-Www`. A figure that cannot be computed is `null`; inside
/// `records`, `painBaseline.before/after` and `flags`, a record or change that does not exist
/// is left out.
extension ProgressReport: Encodable {
    private enum Keys: String, CodingKey {
        case since, until, firstWeek, lastWeek, sessions, exercises, pain, painBaseline, painFlares,
            adherence, sides, flags, timeline
    }

    private enum BaselineKeys: String, CodingKey {
        case weeks, before, after
    }

    /// Encodes the report as `stats --json` prints it.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(since, forKey: .since)
        try c.encode(until, forKey: .until)
        try c.encode(firstWeek, forKey: .firstWeek)
        try c.encode(lastWeek, forKey: .lastWeek)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(exercises, forKey: .exercises)
        try c.encode(pain.weeks, forKey: .pain)
        var baseline = c.nestedContainer(keyedBy: BaselineKeys.self, forKey: .painBaseline)
        try baseline.encode(pain.baselineWeeks, forKey: .weeks)
        try baseline.encode(pain.before, forKey: .before)
        try baseline.encode(pain.after, forKey: .after)
        try c.encode(pain.flares, forKey: .painFlares)
        try c.encode(adherence, forKey: .adherence)
        try c.encode(sides, forKey: .sides)
        try c.encode(flags, forKey: .flags)
        try c.encode(timeline, forKey: .timeline)
    }
}

extension ExerciseProgress: Encodable {
    private enum Keys: String, CodingKey {
        case exercise, name, side, sessions, sets, warmupSets, prescribedSets, stoppedForPain, reps,
            volume, volumeUnit, holdSeconds, distanceMeters, bestWeight, bestHoldSeconds, records
    }

    /// Encodes one exercise (one side) with DESIGN §8's `bestWeight` and `bestHoldSeconds`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(exercise, forKey: .exercise)
        try c.encode(name, forKey: .name)
        try c.encode(side, forKey: .side)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(sets, forKey: .sets)
        try c.encode(warmupSets, forKey: .warmupSets)
        try c.encode(prescribedSets, forKey: .prescribedSets)
        try c.encode(stoppedForPain, forKey: .stoppedForPain)
        try c.encode(reps, forKey: .reps)
        try c.encode(volume, forKey: .volume)
        try c.encode(volumeUnit, forKey: .volumeUnit)
        try c.encode(holdSeconds, forKey: .holdSeconds)
        try c.encode(distanceMeters, forKey: .distanceMeters)
        try c.encode(bestWeight, forKey: .bestWeight)
        try c.encode(bestHoldSeconds, forKey: .bestHoldSeconds)
        try c.encode(records, forKey: .records)
    }
}

extension PainWeek: Encodable {
    private enum Keys: String, CodingKey {
        case week, sessions, before, after, beforeMedian, afterMedian, beforeSessions, afterSessions
    }

    /// Encodes a week as DESIGN §8 has it (`before` and `after` are means), with the medians and
    /// how many sessions recorded each score.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(week, forKey: .week)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(before?.mean, forKey: .before)
        try c.encode(after?.mean, forKey: .after)
        try c.encode(before?.median, forKey: .beforeMedian)
        try c.encode(after?.median, forKey: .afterMedian)
        try c.encode(before?.count ?? 0, forKey: .beforeSessions)
        try c.encode(after?.count ?? 0, forKey: .afterSessions)
    }
}
