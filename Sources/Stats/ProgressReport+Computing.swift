import JournalModel

extension ProgressReport {
    /// The most weeks a report lists (about 190 years): a period wider than that keeps its
    /// latest weeks.
    public static let weekLimit = 10_000

    /// Computes the report of `sessions` for `query`: a pure function of its arguments.
    ///
    /// - Parameters:
    ///   - sessions: The journal's visible sessions, in any order.
    ///   - catalog: Names, which exercises are per side, routines and cautions.
    ///   - profile: The person's conditions, for the contraindication flags.
    ///   - query: The period, exercise and routine to report on.
    public init(sessions: [Session], catalog: Catalog, profile: Profile, query: ProgressQuery = ProgressQuery()) {
        let chosen = sessions.filter(query.includes).map { session -> Session in
            guard let exercise = query.exercise else { return session }
            var copy = session
            copy.entries = session.entries.filter { $0.exercise == exercise }
            return copy
        }
        .filter { query.exercise == nil || !$0.entries.isEmpty }
        .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        let weeks = Self.weeks(
            from: query.since ?? chosen.first?.start.localDate,
            to: query.until ?? chosen.last?.start.localDate)
        since = query.since
        until = query.until
        firstWeek = weeks.first
        lastWeek = weeks.last
        self.sessions = chosen.count
        exercises = Self.exercises(chosen, catalog: catalog)
        pain = Self.pain(chosen, weeks: weeks)
        adherence = Self.adherence(chosen, weeks: weeks, catalog: catalog, profile: profile)
        sides = Self.sides(chosen, catalog: catalog)
        flags = Self.flags(chosen, catalog: catalog, profile: profile)
        let prescriptions = Dictionary(
            Set(chosen.compactMap(\.routine)).map { ($0, Self.prescribedSets(of: $0, catalog: catalog)) },
            uniquingKeysWith: { first, _ in first })
        timeline = chosen.map { session in
            SessionPoint(
                session: session.id, date: session.start.localDate, start: session.start,
                routine: session.routine, painBefore: session.painBefore?.rawValue,
                painAfter: session.painAfter?.rawValue, exercises: session.entries.count,
                sets: session.entries.reduce(0) { $0 + Self.working($1).count },
                stoppedForPain: session.entries.reduce(0) { $0 + $1.sets.filter(\.stoppedForPain).count },
                partial: session.routine.flatMap { prescriptions[$0] }.map { Self.isPartial(session, $0) })
        }
    }

    /// What a routine prescribes per session, exercise by exercise (a repeated item adds):
    /// sets per side for a per-side item; one set, any side, when no count is given (the nerve
    /// glide is done on the painful leg only).
    static func prescribedSets(of routine: String, catalog: Catalog) -> [(exercise: String, sets: Int)] {
        var prescribed: [(exercise: String, sets: Int)] = []
        for item in catalog.routine(id: routine)?.items ?? [] {
            let count = item.prescription.sets.map { max(1, $0) }
            let sets = count.map { $0 * (item.prescription.perSide ? 2 : 1) } ?? 1
            if let index = prescribed.firstIndex(where: { $0.exercise == item.exercise }) {
                prescribed[index].sets += sets
            } else {
                prescribed.append((item.exercise, sets))
            }
        }
        return prescribed
    }

    /// Working sets of `exercise` in a session, every side together.
    static func workingSets(of exercise: String, in session: Session) -> Int {
        session.entries.filter { $0.exercise == exercise }.reduce(0) { $0 + working($1).count }
    }

    /// Whether a session did fewer working sets of some item than `prescribed`.
    static func isPartial(_ session: Session, _ prescribed: [(exercise: String, sets: Int)]) -> Bool {
        prescribed.contains { workingSets(of: $0.exercise, in: session) < $0.sets }
    }

    /// Every ISO week from the one holding `first` to the one holding `last`.
    static func weeks(from first: LocalDate?, to last: LocalDate?) -> [String] {
        guard let first, let last, first <= last else { return [] }
        let start = first.adding(days: 1 - first.isoWeekday)
        let end = last.adding(days: 1 - last.isoWeekday)
        let count = Int((end.daysSinceEpoch - start.daysSinceEpoch) / 7) + 1
        let kept = min(count, weekLimit)
        return (0..<kept).map { end.adding(days: -7 * (kept - 1 - $0)).isoWeek }
    }

    /// Working sets of an entry (every set but warm-ups).
    private static func working(_ entry: Entry) -> [ExerciseSet] {
        entry.sets.filter { $0.kind != .warmup }
    }

    // MARK: - Exercises

    private static func exercises(_ sessions: [Session], catalog: Catalog) -> [ExerciseProgress] {
        var progress: [ExerciseKey: ExerciseProgress] = [:]
        var units: [ExerciseKey: [WeightUnit: Int]] = [:]
        var volumeKilograms: [ExerciseKey: Double] = [:]
        for session in sessions {
            let date = session.start.localDate
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
        for (key, counts) in units {
            let unit: WeightUnit = (counts[.lb] ?? 0) > (counts[.kg] ?? 0) ? .lb : .kg
            progress[key]?.volumeUnit = unit
            progress[key]?.volume = Weight(value: volumeKilograms[key] ?? 0, unit: .kg).converted(to: unit).value
        }
        let order = Dictionary(
            catalog.exercises.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return progress.sorted {
            let a = (order[$0.key.exercise] ?? Int.max, $0.key.exercise, $0.key.sideRank)
            let b = (order[$1.key.exercise] ?? Int.max, $1.key.exercise, $1.key.sideRank)
            return a < b
        }
        .map(\.value)
    }

    // MARK: - Pain

    private static func pain(_ sessions: [Session], weeks: [String]) -> PainTrend {
        var byWeek: [String: [Session]] = [:]
        for session in sessions { byWeek[session.start.isoWeek, default: []].append(session) }
        let painWeeks = weeks.map { week in
            let held = byWeek[week] ?? []
            return PainWeek(
                week: week, sessions: held.count,
                before: PainSummary(held.compactMap { $0.painBefore?.rawValue }),
                after: PainSummary(held.compactMap { $0.painAfter?.rawValue }))
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
        let flares = sessions.compactMap { session -> PainFlare? in
            guard let before = session.painBefore?.rawValue, let after = session.painAfter?.rawValue,
                after - before >= PainFlare.threshold
            else { return nil }
            return PainFlare(session: session.id, date: session.start.localDate, before: before, after: after)
        }
        return PainTrend(
            weeks: painWeeks, baselineWeeks: baseline.map(\.week), before: change(\.before),
            after: change(\.after), flares: flares)
    }

    // MARK: - Adherence

    private static func adherence(
        _ sessions: [Session], weeks: [String], catalog: Catalog, profile: Profile
    ) -> [WeeklyAdherence] {
        var routines: [String] = []
        var byWeek: [String: [String: [Session]]] = [:]
        for session in sessions {
            guard let routine = session.routine else { continue }
            if !routines.contains(routine) { routines.append(routine) }
            byWeek[routine, default: [:]][session.start.isoWeek, default: []].append(session)
        }
        return routines.sorted().flatMap { routine -> [WeeklyAdherence] in
            let prescribed = prescribedSets(of: routine, catalog: catalog)
            return weeks.map { week in
                let held = byWeek[routine]?[week] ?? []
                var done = [Int](repeating: 0, count: prescribed.count)
                var partial = 0
                for session in held {
                    for (index, item) in prescribed.enumerated() {
                        done[index] += workingSets(of: item.exercise, in: session)
                    }
                    partial += isPartial(session, prescribed) ? 1 : 0
                }
                return WeeklyAdherence(
                    week: week, routine: routine, prescribedSessions: profile.sessionsPerWeek[routine],
                    loggedSessions: held.count,
                    partialSessions: partial,
                    doses: prescribed.enumerated().map {
                        .init(exercise: $1.exercise, setsDone: done[$0], setsPrescribed: $1.sets * held.count)
                    })
            }
        }
    }

    // MARK: - Sides

    private static func sides(_ sessions: [Session], catalog: Catalog) -> [SideBalance] {
        var overall: [String: SideComparison] = [:]
        var weekly: [String: [String: SideComparison]] = [:]
        for session in sessions {
            let week = session.start.isoWeek
            for entry in session.entries where entry.side == .left || entry.side == .right {
                var totals = SideTotals()
                for set in working(entry) {
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
        let order = Dictionary(
            catalog.exercises.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        return overall.keys.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }.map { exercise in
            SideBalance(
                exercise: exercise, name: catalog.exercise(id: exercise)?.name ?? exercise,
                overall: overall[exercise]!,
                weeks: (weekly[exercise] ?? [:]).values.sorted { ($0.week ?? "") < ($1.week ?? "") })
        }
    }

    // MARK: - Flags

    private static func flags(_ sessions: [Session], catalog: Catalog, profile: Profile) -> ProgressFlags {
        var flags = ProgressFlags()
        var stopped: [String: ProgressFlags.StoppedForPain] = [:]
        for session in sessions {
            let date = session.start.localDate
            var flagged: Set<String> = []
            for entry in session.entries {
                let count = entry.sets.filter(\.stoppedForPain).count
                if count > 0 {
                    var item = stopped[entry.exercise] ?? .init(exercise: entry.exercise, sets: 0, dates: [])
                    item.sets += count
                    if item.dates.last != date { item.dates.append(date) }
                    stopped[entry.exercise] = item
                    flags.stoppedForPainByWeek[session.start.isoWeek, default: 0] += count
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
        flags.stoppedForPain = stopped.values.sorted { $0.exercise < $1.exercise }
        return flags
    }
}

extension SideTotals {
    mutating func add(_ other: SideTotals) {
        reps += other.reps
        loadKilograms += other.loadKilograms
        holdSeconds += other.holdSeconds
    }
}
