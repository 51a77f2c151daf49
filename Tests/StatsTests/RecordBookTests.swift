import JournalModel
import Stats
import Testing

/// What `log` says when a session beats a record: the book of every record, its news, and
/// what tells the facade that the book must be computed again.
@Suite("record book")
struct RecordBookTests {
    typealias Sample = ProgressReportTests
    static let catalog = Catalog()
    static let lift = "single-leg-romanian-deadlift"

    static func hold(_ seconds: Double...) -> Entry {
        Entry(exercise: "double-knee-to-chest", sets: seconds.map { ExerciseSet(durationSeconds: $0) })
    }

    @Test("the first time an exercise is logged is no news; beating it is, from before the session to its best")
    func newsAgainstTheBookBefore() throws {
        var book = RecordBook()
        let first = try Sample.session("2026-11-02T08:00:00", id: 1, [Self.hold(45)])
        #expect(book.offer(first, catalog: Self.catalog).isEmpty)
        // Two sets beat 45 s in turn: one line, 45 → 70.
        let second = try Sample.session("2026-11-03T08:00:00", id: 2, [Self.hold(50, 70, 60)])
        let news = book.offer(second, catalog: Self.catalog)
        #expect(news.map(\.description) == ["Double knee-to-chest stretch: longest hold 70 s, was 45 s"])
        #expect(book.offer(try Sample.session("2026-11-04T08:00:00", id: 3, [Self.hold(70)]), catalog: Self.catalog).isEmpty)
        #expect(book.records(of: "double-knee-to-chest").longestHoldSeconds?.session == second.id)
    }

    @Test("one line per exercise and side; without a load, most reps is said once")
    func oneLinePerExerciseAndSide() throws {
        var book = RecordBook()
        let dog = { (side: Side, reps: Int) in Entry(exercise: "bird-dog", side: side, sets: Sample.sets(reps)) }
        book.offer(try Sample.session("2026-11-02T08:00:00", id: 1, [dog(.left, 10), dog(.right, 12)]), catalog: Self.catalog)
        let news = book.offer(
            try Sample.session("2026-11-03T08:00:00", id: 2, [dog(.left, 12), dog(.right, 12)]), catalog: Self.catalog)
        #expect(news.map(\.description) == ["Bird dog (left): most reps 12, was 10"])
        #expect(news.first?.side == .left && news.first?.changes.count == 1)
    }

    @Test("a heavier load in another unit: both the weight and the estimate, each in the unit logged")
    func heavierInPounds() throws {
        var book = RecordBook()
        let lift = { (reps: Int, weight: Weight) in Entry(exercise: Self.lift, side: .left, sets: Sample.sets(reps, weight)) }
        book.offer(try Sample.session("2026-11-02T08:00:00", id: 1, [lift(10, Weight(value: 8, unit: .kg))]), catalog: Self.catalog)
        // 50 lb is lighter than 22.7 kg, but heavier than 8 kg.
        let news = book.offer(
            try Sample.session("2026-11-03T08:00:00", id: 2, [lift(8, Weight(value: 50, unit: .lb))]), catalog: Self.catalog)
        let kinds = news.first?.changes.map(\.kind)
        #expect(kinds == [.heaviestWeight, .estimatedOneRepMax])
        #expect(news.first?.changes.first?.description == "heaviest weight 50lb, was 8kg")
        let lighter = book.offer(
            try Sample.session("2026-11-04T08:00:00", id: 3, [lift(8, Weight(value: 22, unit: .lb))]), catalog: Self.catalog)
        #expect(lighter.isEmpty)
    }

    @Test("warm-ups and sets logged as prescribed are never news")
    func warmupsAndPrescribed() throws {
        var book = RecordBook()
        book.offer(try Sample.session("2026-11-02T08:00:00", id: 1, [Entry(exercise: "rockback", sets: Sample.sets(10))]), catalog: Self.catalog)
        let session = try Sample.session(
            "2026-11-03T08:00:00", id: 2,
            [
                Entry(exercise: "rockback", sets: Sample.sets(30, kind: .warmup)),
                Entry(exercise: "rockback", side: .both, sets: Sample.sets(20), prescribed: true),
            ])
        #expect(book.offer(session, catalog: Self.catalog).isEmpty)
        #expect(book.records(of: "rockback").mostReps?.value.reps == 10)
    }

    @Test("which sessions hold a record, and which exercises the book covers")
    func holdersAndCoverage() throws {
        let sessions = [
            try Sample.session("2026-11-02T08:00:00", id: 1, [Self.hold(45)]),
            try Sample.session("2026-11-03T08:00:00", id: 2, [Self.hold(60)]),
            try Sample.session("2026-11-04T08:00:00", id: 3, [Self.hold(60)]),
        ]
        let book = RecordBook(sessions: sessions, catalog: Self.catalog)
        // A tie keeps the session that first reached it.
        #expect(!book.holdsRecord(session: sessions[0].id))
        #expect(book.holdsRecord(session: sessions[1].id))
        #expect(!book.holdsRecord(session: sessions[2].id))
        #expect(book.covers(exercise: "double-knee-to-chest") && !book.covers(exercise: "rockback"))
    }

    @Test("it keeps as lines that read back the same, and refuses a line it never writes")
    func lines() throws {
        let dog = Entry(exercise: "bird-dog", side: .right, sets: Sample.sets(12))
        let lift = Entry(exercise: Self.lift, side: .left, sets: Sample.sets(8, Weight(value: 22.7, unit: .kg)))
        let book = RecordBook(
            sessions: [try Sample.session("2026-11-02T08:00:00", id: 1, [dog, lift, Self.hold(30.5)])], catalog: Self.catalog)
        let lines = book.lines
        #expect(lines.count == 6, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("bird-dog:right\tmostReps\t") })
        #expect(RecordBook(lines: lines.map { Substring($0) }) == book)
        #expect(RecordBook(lines: [Substring]()) == RecordBook())
        let good = try #require(lines.first { $0.contains("\theaviestWeight\t") })
        var bad = [
            good.replacing("\tkg", with: "\tstone"),
            good.replacing("22.7", with: "nan"),
            good.replacing("22.7", with: "-1"),
            good.replacing("\theaviestWeight", with: "\theaviest"),
            good.replacing(Self.lift + ":left", with: Self.lift + ":up"),
            good + "\textra",
            String(good.split(separator: "\t").dropLast().joined(separator: "\t")),
        ]
        // Days past the range, the smallest Int64 (whose absolute value traps) among them.
        for day in ["99999999999", "-9223372036854775808", "9223372036854775807"] {
            var fields = good.split(separator: "\t").map(String.init)
            fields[2] = day
            bad.append(fields.joined(separator: "\t"))
        }
        // More than a stored set can hold (InputLimits).
        bad.append(good.replacing("22.7", with: "5000.5"))
        bad.append("rockback\tmostReps\t1\ts\t10001")
        bad.append("walk\tlongestDistance\t1\ts\t1000001")
        bad.append("plank\tlongestHold\t1\ts\t86401")
        for line in bad {
            #expect(RecordBook(lines: [Substring(line)]) == nil, "\(line)")
        }
        #expect(RecordBook(lines: [Substring(good), Substring(good)]) == nil, "a record twice")
    }
}
