import JournalModel

/// Builds a ``ProgressReport`` one session at a time, so that a report over years of sessions
/// holds their totals, not the sessions (issue #13: at most 150 MB for any command).
///
/// Sessions must be added oldest first, by start then id, as the journal lists them: the date
/// a record was first reached and the timeline follow that order.
public struct ProgressAccumulator {
    private let catalog: Catalog
    private let profile: Profile
    private let query: ProgressQuery

    private var count = 0
    private var firstDate: LocalDate?
    private var lastDate: LocalDate?
    private var timeline: [SessionPoint] = []
    /// What each routine prescribes per session, computed once per routine.
    private var prescriptions: [String: [(exercise: String, sets: Int)]] = [:]

    // Exercises.
    private var progress: [ExerciseKey: ExerciseProgress] = [:]
    private var units: [ExerciseKey: [WeightUnit: Int]] = [:]
    private var volumeKilograms: [ExerciseKey: Double] = [:]

    // Pain: the scores of each week, and the flares.
    private var painByWeek: [String: (sessions: Int, before: [Int], after: [Int])] = [:]
    private var flares: [PainFlare] = []

    // Adherence: per routine and week, the sessions, the partial ones, the sets done per item.
    private var routines: [String] = []
    private var doses: [String: [String: (sessions: Int, partial: Int, done: [Int])]] = [:]

    // Sides.
    private var overall: [String: SideComparison] = [:]
    private var weekly: [String: [String: SideComparison]] = [:]

    // Flags.
    private var flags = ProgressFlags()
    private var stopped: [String: ProgressFlags.StoppedForPain] = [:]

    /// Starts an empty report.
    ///
    /// - Parameters:
    ///   - catalog: Names, which exercises are per side, routines and cautions.
    ///   - profile: The person's conditions, for the contraindication flags.
    ///   - query: The period, exercise and routine to report on.
    public init(catalog: Catalog, profile: Profile, query: ProgressQuery = ProgressQuery()) {
        self.catalog = catalog
        self.profile = profile
        self.query = query
    }

    /// Counts `session` in, if the query admits it (with only the query's exercise, when it
    /// names one).
    public mutating func add(_ session: Session) {
        guard query.includes(session) else { return }
        var session = session
        if let exercise = query.exercise {
            session.entries = session.entries.filter { $0.exercise == exercise }
            guard !session.entries.isEmpty else { return }
        }
        count += 1
        let date = session.start.localDate
        if firstDate == nil { firstDate = date }
        lastDate = date
        let week = session.start.isoWeek
        addExercises(session, date: date)
        addPain(session, week: week, date: date)
        addAdherence(session, week: week)
        addSides(session, week: week)
        addFlags(session, week: week, date: date)
        timeline.append(
            SessionPoint(
                session: session.id, date: date, start: session.start, routine: session.routine,
                painBefore: session.painBefore?.rawValue, painAfter: session.painAfter?.rawValue,
                exercises: session.entries.count,
                sets: session.entries.reduce(0) { $0 + ProgressReport.working($1).count },
                stoppedForPain: session.entries.reduce(0) { $0 + $1.sets.filter(\.stoppedForPain).count },
                partial: session.routine.map { ProgressReport.isPartial(session, prescribed(of: $0)) }))
    }

    /// The report of every session added.
    public func report() -> ProgressReport {
        let weeks = ProgressReport.weeks(from: query.since ?? firstDate, to: query.until ?? lastDate)
        return ProgressReport(
            since: query.since, until: query.until, firstWeek: weeks.first, lastWeek: weeks.last,
            sessions: count, exercises: exercises(), pain: pain(weeks: weeks),
            adherence: adherence(weeks: weeks), sides: sides(), flags: finishedFlags(),
            timeline: timeline)
    }

    private mutating func prescribed(of routine: String) -> [(exercise: String, sets: Int)] {
        if let known = prescriptions[routine] { return known }
        let sets = ProgressReport.prescribedSets(of: routine, catalog: catalog)
        prescriptions[routine] = sets
        return sets
    }

    // MARK: - Exercises

    private mutating func addExercises(_ session: Session, date: LocalDate) {
        var seen: Set<ExerciseKey> = []
        for entry in session.entries {
            let key = ExerciseKey(entry, catalog: catalog)
            var item =
                progress[key]
                ?? ExerciseProgress(
                    exercise: entry.exercise, name: catalog.exercise(id: entry.exercise)?.name ?? entry.exercise,
                    side: key.side)
            if seen.insert(key).inserted { item.sessions += 1 }
            for set in entry.sets {
                item.stoppedForPain += set.stoppedForPain ? 1 : 0
                guard set.kind != .warmup else {
                    item.warmupSets += 1
                    continue
                }
                item.sets += 1
                item.prescribedSets += entry.prescribed ? 1 : 0
                item.reps += set.reps ?? 0
                item.holdSeconds += set.durationSeconds ?? 0
                item.distanceMeters += set.distanceMeters ?? 0
                if let weight = set.weight, weight.value > 0, let reps = set.reps, reps > 0 {
                    units[key, default: [:]][weight.unit, default: 0] += 1
                    volumeKilograms[key, default: 0] += Double(reps) * weight.kilograms
                }
                item.records.offer(set, prescribed: entry.prescribed, date: date, session: session.id)
            }
            progress[key] = item
        }
    }

    private func exercises() -> [ExerciseProgress] {
        var progress = progress
        for (key, counts) in units {
            let unit: WeightUnit = (counts[.lb] ?? 0) > (counts[.kg] ?? 0) ? .lb : .kg
            progress[key]?.volumeUnit = unit
            progress[key]?.volume = Weight(value: volumeKilograms[key] ?? 0, unit: .kg).converted(to: unit).value
        }
        let order = catalogOrder()
        return progress.sorted {
            let a = (order[$0.key.exercise] ?? Int.max, $0.key.exercise, $0.key.sideRank)
            let b = (order[$1.key.exercise] ?? Int.max, $1.key.exercise, $1.key.sideRank)
            return a < b
        }
        .map(\.value)
    }

    private func catalogOrder() -> [String: Int] {
        Dictionary(catalog.exercises.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: - Pain

    private mutating func addPain(_ session: Session, week: String, date: LocalDate) {
        var held = painByWeek[week] ?? (0, [], [])
        held.sessions += 1
        if let before = session.painBefore?.rawValue { held.before.append(before) }
        if let after = session.painAfter?.rawValue { held.after.append(after) }
        painByWeek[week] = held
        if let before = session.painBefore?.rawValue, let after = session.painAfter?.rawValue,
            after - before >= PainFlare.threshold
        {
            flares.append(PainFlare(session: session.id, date: date, before: before, after: after))
        }
    }

    private func pain(weeks: [String]) -> PainTrend {
        let painWeeks = weeks.map { week in
            let held = painByWeek[week] ?? (0, [], [])
            return PainWeek(
                week: week, sessions: held.sessions, before: PainSummary(held.before),
                after: PainSummary(held.after))
        }
        let recorded = painWeeks.filter { $0.before != nil || $0.after != nil }
        let baseline = Array(recorded.prefix(2))
        let later = recorded.dropFirst(2)
        func change(_ score: KeyPath<PainWeek, PainSummary?>) -> PainChange? {
            let scores = baseline.compactMap { $0[keyPath: score] }
            let count = scores.reduce(0) { $0 + $1.count }
            guard count > 0, let latest = later.last(where: { $0[keyPath: score] != nil }),
                let summary = latest[keyPath: score]
            else { return nil }
            let mean = scores.reduce(0) { $0 + $1.mean * Double($1.count) } / Double(count)
            return PainChange(baseline: mean, latest: summary.mean, latestWeek: latest.week)
        }
        return PainTrend(
            weeks: painWeeks, baselineWeeks: baseline.map(\.week), before: change(\.before),
            after: change(\.after), flares: flares)
    }

    // MARK: - Adherence

    private mutating func addAdherence(_ session: Session, week: String) {
        guard let routine = session.routine else { return }
        if !routines.contains(routine) { routines.append(routine) }
        let items = prescribed(of: routine)
        var held = doses[routine]?[week] ?? (0, 0, [Int](repeating: 0, count: items.count))
        held.sessions += 1
        for (index, item) in items.enumerated() {
            held.done[index] += ProgressReport.workingSets(of: item.exercise, in: session)
        }
        held.partial += ProgressReport.isPartial(session, items) ? 1 : 0
        doses[routine, default: [:]][week] = held
    }

    private func adherence(weeks: [String]) -> [WeeklyAdherence] {
        routines.sorted().flatMap { routine -> [WeeklyAdherence] in
            let items = prescriptions[routine] ?? []
            return weeks.map { week in
                let held = doses[routine]?[week] ?? (0, 0, [Int](repeating: 0, count: items.count))
                return WeeklyAdherence(
                    week: week, routine: routine, prescribedSessions: profile.sessionsPerWeek[routine],
                    loggedSessions: held.sessions, partialSessions: held.partial,
                    doses: items.enumerated().map {
                        .init(exercise: $1.exercise, setsDone: held.done[$0], setsPrescribed: $1.sets * held.sessions)
                    })
            }
        }
    }

    // MARK: - Sides

    private mutating func addSides(_ session: Session, week: String) {
        for entry in session.entries where entry.side == .left || entry.side == .right {
            var totals = SideTotals()
            for set in ProgressReport.working(entry) {
                totals.reps += set.reps ?? 0
                totals.holdSeconds += set.durationSeconds ?? 0
                if let weight = set.weight, let reps = set.reps {
                    totals.loadKilograms += Double(reps) * weight.kilograms
                }
            }
            let empty = SideComparison(week: nil, left: SideTotals(), right: SideTotals())
            var whole = overall[entry.exercise] ?? empty
            var inWeek = weekly[entry.exercise]?[week] ?? SideComparison(week: week, left: SideTotals(), right: SideTotals())
            if entry.side == .left {
                whole.left.add(totals)
                inWeek.left.add(totals)
            } else {
                whole.right.add(totals)
                inWeek.right.add(totals)
            }
            overall[entry.exercise] = whole
            weekly[entry.exercise, default: [:]][week] = inWeek
        }
    }

    private func sides() -> [SideBalance] {
        let order = catalogOrder()
        return overall.keys.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }.compactMap { exercise in
            guard let whole = overall[exercise] else { return nil }
            return SideBalance(
                exercise: exercise, name: catalog.exercise(id: exercise)?.name ?? exercise, overall: whole,
                weeks: (weekly[exercise] ?? [:]).values.sorted { ($0.week ?? "") < ($1.week ?? "") })
        }
    }

    // MARK: - Flags

    private mutating func addFlags(_ session: Session, week: String, date: LocalDate) {
        var flagged: Set<String> = []
        for entry in session.entries {
            let count = entry.sets.filter(\.stoppedForPain).count
            if count > 0 {
                var item = stopped[entry.exercise] ?? .init(exercise: entry.exercise, sets: 0, dates: [])
                item.sets += count
                if item.dates.last != date { item.dates.append(date) }
                stopped[entry.exercise] = item
                flags.stoppedForPainByWeek[week, default: 0] += count
            }
            guard flagged.insert(entry.exercise).inserted else { continue }
            for caution in catalog.warnings(for: entry.exercise, profile: profile)
            where caution.severity == .contraindicated {
                flags.contraindicated.append(
                    .init(
                        exercise: entry.exercise, condition: caution.condition.rawValue,
                        session: session.id, date: date))
            }
        }
    }

    private func finishedFlags() -> ProgressFlags {
        var flags = flags
        flags.stoppedForPain = stopped.values.sorted { $0.exercise < $1.exercise }
        return flags
    }
}
