import JournalModel
import Stats
import Testing

/// Exact numbers on hand-built sessions (issue #12): weeks in the session's own offset, the
/// year boundary, mixed units, warm-ups and prescriptions, sides, empty weeks, pain baselines.
@Suite("progress report")
struct ProgressReportTests {
    static let catalog = Catalog()

    /// A session at a local time with an offset in hours.
    static func session(
        _ local: String, offset hours: Double = 1, id: Int, routine: String? = nil,
        pain: (Int, Int)? = nil, _ entries: [Entry] = []
    ) throws -> Session {
        let whole = Int(abs(hours))
        let offset = (hours < 0 ? "-" : "+") + (whole < 10 ? "0" : "") + "\(whole):00"
        let parsed = try LocalTimestamp(rfc3339: local + offset)
        let digits = String(id)
        return Session(
            id: "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits,
            start: parsed, routine: routine,
            painBefore: pain.flatMap { PainScore(rawValue: $0.0) },
            painAfter: pain.flatMap { PainScore(rawValue: $0.1) }, entries: entries)
    }

    static func sets(_ reps: Int, _ weight: Weight? = nil, count: Int = 1, kind: SetKind = .normal) -> [ExerciseSet] {
        Array(repeating: ExerciseSet(kind: kind, reps: reps, weight: weight), count: count)
    }

    static func report(_ sessions: [Session], _ query: ProgressQuery = ProgressQuery(), profile: Profile = Profile())
        -> ProgressReport
    {
        ProgressReport(sessions: sessions, catalog: catalog, profile: profile, query: query)
    }

    @Test("a session at 23:30 on a Sunday at UTC−05:00 is in Sunday's week, not Monday's in UTC")
    func ownOffsetDecidesTheWeek() throws {
        let sunday = try Self.session("2026-11-29T23:30:00", offset: -5, id: 1, pain: (5, 4))
        let report = Self.report([sunday])
        #expect(report.pain.weeks.map(\.week) == ["2026-W48"])
        #expect(report.pain.weeks.first?.sessions == 1)
    }

    @Test("the year boundary: 31 December 2026 and 3 January 2027 are both in 2026-W53")
    func isoWeek53() throws {
        let sessions = [
            try Self.session("2026-12-31T08:00:00", id: 1, pain: (6, 5)),
            try Self.session("2027-01-03T08:00:00", id: 2, pain: (4, 3)),
            try Self.session("2027-01-04T08:00:00", id: 3, pain: (2, 2)),
        ]
        let weeks = Self.report(sessions).pain.weeks
        #expect(weeks.map(\.week) == ["2026-W53", "2027-W01"])
        #expect(weeks[0].sessions == 2)
        #expect(weeks[0].before?.mean == 5 && weeks[0].after?.median == 4)
    }

    @Test("across a change to summer time each session keeps the local date of its own offset")
    func daylightSaving() throws {
        // Sunday 29 March 2026 at +01:00, then Monday 30 March 00:30 at +02:00 (Sunday 22:30 UTC).
        let sessions = [
            try Self.session("2026-03-29T09:00:00", offset: 1, id: 1, pain: (3, 3)),
            try Self.session("2026-03-30T00:30:00", offset: 2, id: 2, pain: (3, 2)),
        ]
        #expect(Self.report(sessions).pain.weeks.map(\.sessions) == [1, 1])
        #expect(Self.report(sessions).pain.weeks.map(\.week) == ["2026-W13", "2026-W14"])
    }

    @Test("a week with nothing logged is listed, with no pain and no sessions")
    func emptyWeekShown() throws {
        let sessions = [
            try Self.session("2026-11-02T08:00:00", id: 1, pain: (6, 5)),
            try Self.session("2026-11-16T08:00:00", id: 2, pain: (4, 4)),
        ]
        let weeks = Self.report(sessions).pain.weeks
        #expect(weeks.map(\.week) == ["2026-W45", "2026-W46", "2026-W47"])
        #expect(weeks[1].sessions == 0 && weeks[1].before == nil && weeks[1].after == nil)
    }

    @Test("sessions without pain count as sessions, not as pain")
    func sessionsWithoutPain() throws {
        let sessions = [
            try Self.session("2026-11-02T08:00:00", id: 1, pain: (6, 2)),
            try Self.session("2026-11-03T08:00:00", id: 2),
        ]
        let week = try #require(Self.report(sessions).pain.weeks.first)
        #expect(week.sessions == 2)
        #expect(week.before == PainSummary([6]))
        #expect(week.after?.count == 1)
    }

    @Test("baseline: the first two weeks that recorded pain; the change is marked at 2 points or 30 %")
    func baselineAndImportantChange() throws {
        let sessions = [
            // No pain recorded: not part of the baseline.
            try Self.session("2026-10-26T08:00:00", id: 1),
            try Self.session("2026-11-02T08:00:00", id: 2, pain: (6, 5)),
            try Self.session("2026-11-04T08:00:00", id: 3, pain: (7, 6)),
            try Self.session("2026-11-09T08:00:00", id: 4, pain: (5, 7)),
            try Self.session("2026-11-23T08:00:00", id: 5, pain: (5, 4)),
        ]
        let pain = Self.report(sessions).pain
        #expect(pain.baselineWeeks == ["2026-W45", "2026-W46"])
        // Before: baseline (6 + 7 + 5) / 3 = 6, latest 5: −1 point, −16.7 %: not important.
        let before = try #require(pain.before)
        #expect(before.baseline == 6 && before.latest == 5 && before.points == -1)
        #expect(abs(before.percent! + 16.666_666) < 0.001)
        #expect(!before.important)
        // After: baseline (5 + 6 + 7) / 3 = 6, latest 4: −2 points, −33 %: important.
        let after = try #require(pain.after)
        #expect(after.points == -2 && after.important && after.latestWeek == "2026-W48")
        // Pain after 2 or more above before: session 4 (5 → 7).
        #expect(pain.flares.map(\.before) == [5] && pain.flares.map(\.after) == [7])
    }

    @Test("30 % of a small baseline is important though under 2 points")
    func percentAloneIsImportant() {
        let change = PainChange(baseline: 3, latest: 2, latestWeek: "2026-W50")
        #expect(change.points == -1 && abs(change.percent! + 33.333) < 0.01 && change.important)
        #expect(!PainChange(baseline: 8, latest: 7, latestWeek: "2026-W50").important)
        #expect(PainChange(baseline: 0, latest: 2, latestWeek: "2026-W50").percent == nil)
    }

    @Test("heaviest weight compares converted and keeps the unit logged: 50 lb is lighter than 22.7 kg")
    func mixedUnits() throws {
        let lift = "single-leg-romanian-deadlift"
        let sessions = [
            try Self.session("2026-11-02T08:00:00", id: 1, [Entry(exercise: lift, side: .left, sets: Self.sets(8, Weight(value: 22.7, unit: .kg)))]),
            try Self.session("2026-11-03T08:00:00", id: 2, [Entry(exercise: lift, side: .left, sets: Self.sets(10, Weight(value: 50, unit: .lb)))]),
        ]
        let left = try #require(Self.report(sessions).exercises.first { $0.side == .left })
        #expect(left.records.heaviestWeight?.value == Weight(value: 22.7, unit: .kg))
        #expect(left.records.heaviestWeight?.date.description == "2026-11-02")
        // Brzycki: 22.7 × 36 / 29 = 28.18 kg; 50 × 36 / 27 = 66.67 lb = 30.24 kg: the lb set wins.
        let estimate = try #require(left.records.estimatedOneRepMax?.value)
        #expect(estimate.unit == .lb && abs(estimate.value - 66.667) < 0.001)
        // Volume in the unit most sets used (a tie: kg): 8 × 22.7 + 10 × 22.68 = 408.4 kg.
        #expect(left.volumeUnit == .kg)
        #expect(abs(left.volume! - (8 * 22.7 + 500 * Weight.kilogramsPerPound)) < 1e-9)
    }

    @Test("warm-ups and prescribed sets never set a record; warm-ups are counted apart")
    func warmupsAndPrescriptions() throws {
        let session = try Self.session(
            "2026-11-02T08:00:00", id: 1,
            [
                Entry(exercise: "rockback", sets: Self.sets(30, kind: .warmup) + Self.sets(12, count: 2)),
                Entry(exercise: "rockback", sets: Self.sets(20), prescribed: true),
            ])
        let rockback = try #require(Self.report([session]).exercises.first)
        #expect(rockback.sessions == 1 && rockback.sets == 3 && rockback.warmupSets == 1)
        #expect(rockback.prescribedSets == 1 && rockback.reps == 44)
        #expect(rockback.records.mostReps?.value == RepsRecord(reps: 12, weight: nil))
        #expect(rockback.records.mostRepsWithoutWeight?.value == 12)
        #expect(rockback.volume == nil && rockback.bestWeight == nil)
    }

    @Test("holds and body-weight records, and the first date a record was reached")
    func holdsAndBodyWeight() throws {
        let hold = { (seconds: Double) in Entry(exercise: "double-knee-to-chest", sets: [ExerciseSet(durationSeconds: seconds)]) }
        let sessions = [
            try Self.session("2026-11-02T08:00:00", id: 1, [hold(45)]),
            try Self.session("2026-11-03T08:00:00", id: 2, [hold(60)]),
            try Self.session("2026-11-04T08:00:00", id: 3, [hold(60)]),
        ]
        let stretch = try #require(Self.report(sessions).exercises.first)
        #expect(stretch.bestHoldSeconds == 60 && stretch.holdSeconds == 165)
        #expect(stretch.records.longestHoldSeconds?.date.description == "2026-11-03")
        #expect(stretch.records.mostReps == nil)
    }

    @Test("a set that beats a record says which, what it was and what it is")
    func recordChanges() {
        var records = ExerciseRecords()
        let date = try! LocalDate(year: 2026, month: 11, day: 2)
        let first = records.offer(ExerciseSet(durationSeconds: 45), prescribed: false, date: date, session: "a")
        #expect(first.map(\.description) == ["longest hold 45 s"])
        let second = records.offer(ExerciseSet(durationSeconds: 60), prescribed: false, date: date, session: "b")
        #expect(second.map(\.description) == ["longest hold 60 s, was 45 s"])
        #expect(records.offer(ExerciseSet(durationSeconds: 60), prescribed: false, date: date, session: "c").isEmpty)
        #expect(records.offer(ExerciseSet(kind: .warmup, durationSeconds: 90), prescribed: false, date: date, session: "d").isEmpty)
    }

    @Test("left and right apart, and their asymmetry over the period and by week")
    func sides() throws {
        let dog = { (side: Side, reps: Int) in Entry(exercise: "bird-dog", side: side, sets: Self.sets(reps, count: 3)) }
        let sessions = [
            try Self.session("2026-11-02T08:00:00", id: 1, [dog(.left, 8), dog(.right, 12)]),
            try Self.session("2026-11-09T08:00:00", id: 2, [dog(.left, 12), dog(.right, 12)]),
        ]
        let report = Self.report(sessions)
        #expect(report.exercises.map(\.side) == [.left, .right])
        #expect(report.exercises.map(\.reps) == [60, 72])
        let balance = try #require(report.sides.first)
        #expect(balance.overall.measure == .reps)
        // (60 − 72) / 72 = −16.7 %: the left did less.
        #expect(abs(balance.overall.asymmetryPercent! + 16.667) < 0.001)
        #expect(balance.weeks.map(\.week) == ["2026-W45", "2026-W46"])
        #expect(abs(balance.weeks[0].asymmetryPercent! + 33.333) < 0.001)
        #expect(balance.weeks[1].asymmetryPercent == 0)
    }

    @Test("adherence: sessions per week, a partial session, the dose against the prescription, empty weeks")
    func adherence() throws {
        let full = try #require(Self.catalog.routine(id: "sciatica")).items.flatMap { $0.prescribedEntries() }
        let partial = [Entry(exercise: "rockback", sets: Self.sets(10, count: 3))]
        let sessions = [
            try Self.session("2026-11-02T08:00:00", id: 1, routine: "sciatica", full),
            try Self.session("2026-11-04T08:00:00", id: 2, routine: "sciatica", partial),
            try Self.session("2026-11-16T08:00:00", id: 3, routine: "sciatica", full),
        ]
        let weeks = Self.report(sessions).adherence
        #expect(weeks.map(\.week) == ["2026-W45", "2026-W46", "2026-W47"])
        #expect(weeks.map(\.loggedSessions) == [2, 0, 1])
        #expect(weeks.map(\.partialSessions) == [1, 0, 0])
        #expect(weeks.allSatisfy { $0.prescribedSessions == nil })
        var profile = Profile()
        profile.setSessionsPerWeek(3, for: "sciatica")
        let planned = Self.report(sessions, profile: profile).adherence
        #expect(planned.map(\.prescribedSessions) == [3, 3, 3])
        let rockback = try #require(weeks[0].doses.first { $0.exercise == "rockback" })
        #expect(rockback.setsDone == 6 && rockback.setsPrescribed == 6)
        let dog = try #require(weeks[0].doses.first { $0.exercise == "bird-dog" })
        #expect(dog.setsDone == 6 && dog.setsPrescribed == 12)
    }

    @Test("flags: sets stopped for pain per exercise and week; a contraindicated exercise logged with the condition")
    func flags() throws {
        let stopped = Entry(exercise: "bird-dog", side: .left, sets: [ExerciseSet(reps: 4, stoppedForPain: true)])
        let stretch = Entry(exercise: "double-knee-to-chest", sets: [ExerciseSet(durationSeconds: 30)])
        let sessions = [
            try Self.session("2026-11-02T08:00:00", id: 1, [stopped, stretch]),
            try Self.session("2026-11-03T08:00:00", id: 2, [stopped]),
        ]
        let none = Self.report(sessions)
        #expect(none.flags.contraindicated.isEmpty)
        #expect(none.flags.stoppedForPain.map(\.sets) == [2])
        #expect(none.flags.stoppedForPain.first?.dates.count == 2)
        #expect(none.flags.stoppedForPainByWeek == ["2026-W45": 2])
        let disc = Self.report(sessions, profile: Profile(conditions: [.herniatedDisc]))
        #expect(disc.flags.contraindicated.map(\.exercise) == ["double-knee-to-chest"])
        #expect(disc.flags.contraindicated.first?.date.description == "2026-11-02")
    }

    @Test("the query: a period (weeks from its start, empty ones too), one exercise, one routine")
    func query() throws {
        let sessions = [
            try Self.session("2026-11-02T08:00:00", id: 1, routine: "sciatica", [Entry(exercise: "rockback", sets: Self.sets(10))]),
            try Self.session("2026-11-10T08:00:00", id: 2, [Entry(exercise: "bird-dog", side: .left, sets: Self.sets(10))]),
        ]
        let since = try LocalDate(year: 2026, month: 10, day: 20)
        let until = try LocalDate(year: 2026, month: 11, day: 5)
        let period = Self.report(sessions, ProgressQuery(since: since, until: until))
        #expect(period.sessions == 1)
        #expect(period.pain.weeks.map(\.week) == ["2026-W43", "2026-W44", "2026-W45"])
        #expect(Self.report(sessions, ProgressQuery(exercise: "bird-dog")).exercises.map(\.exercise) == ["bird-dog"])
        #expect(Self.report(sessions, ProgressQuery(routine: "sciatica")).sessions == 1)
        #expect(Self.report([]).pain.weeks.isEmpty)
    }
}
