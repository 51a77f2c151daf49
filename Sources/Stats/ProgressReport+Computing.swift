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
        var accumulator = ProgressAccumulator(catalog: catalog, profile: profile, query: query)
        for session in sessions.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) }) {
            accumulator.add(session)
        }
        self = accumulator.report()
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
    static func working(_ entry: Entry) -> [ExerciseSet] {
        entry.sets.filter { $0.kind != .warmup }
    }
}
