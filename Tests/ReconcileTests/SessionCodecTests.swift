import Foundation
import JournalModel
import LimberTestSupport
import Reconcile
import Testing

@Suite("the session store's compact form of a folded session")
struct SessionCodecTests {
    static let id = "0f8e2f0a-1b2c-4d3e-8f40-123456789abc"

    /// A session with every field set, every set kind, side and measure.
    static let full = Session(
        id: id, start: LocalTimestamp(epochSeconds: 1_795_500_000, utcOffsetSeconds: -5 * 3600 - 30 * 60),
        durationSeconds: 1500, routine: "sciatica", painBefore: PainScore(rawValue: 6),
        painAfter: PainScore(rawValue: 0), notes: "stiff \"morning\"\nbetter after ✓",
        entries: [
            Entry(exercise: "bird-dog", side: .left, notes: "slow", sets: [
                ExerciseSet(kind: .warmup, reps: 5),
                ExerciseSet(reps: 12, weight: Weight(value: 2.5, unit: .kg), rpe: 7.5),
                ExerciseSet(kind: .failure, reps: 0, stoppedForPain: true),
            ]),
            Entry(exercise: "bird-dog", side: .right, sets: [ExerciseSet(kind: .drop, reps: 10, weight: Weight(value: 12.5, unit: .lb))]),
            Entry(exercise: "double-knee-to-chest", side: .both, sets: [ExerciseSet(durationSeconds: 45.25)], prescribed: true),
            Entry(exercise: "walk", sets: [ExerciseSet(durationSeconds: 1800, distanceMeters: 2412.5)]),
            Entry(exercise: "rockback"),
        ],
        symptomsBefore: Symptoms(
            back: PainScore(rawValue: 4), legLeft: PainScore(rawValue: 7), legRight: PainScore(rawValue: 0),
            reachLeft: .foot, reachRight: PainReach.none, numbness: .left, tingling: .both, weakness: .right),
        symptomsAfter: Symptoms(back: PainScore(rawValue: 10), reachLeft: .buttock))

    private func encoded(_ session: Session) -> [UInt8] {
        var bytes: [UInt8] = []
        SessionCodec.encode(session, into: &bytes)
        return bytes
    }

    private func decoded(_ bytes: [UInt8], id: String = Self.id) throws -> Session {
        try bytes.withUnsafeBytes { try SessionCodec.decode($0, id: id) }
    }

    @Test("every field survives a round trip, and the bytes are a fraction of the JSON")
    func roundTrip() throws {
        let minimal = Session(id: Self.id, start: LocalTimestamp(epochSeconds: 0, utcOffsetSeconds: 0))
        for session in [Self.full, minimal] {
            #expect(try decoded(encoded(session)) == session)
        }
        let json = try JSONCoding.encoder().encode(Self.full)
        #expect(encoded(Self.full).count * 4 < json.count, "\(encoded(Self.full).count) vs \(json.count) bytes of JSON")
    }

    @Test("random sessions round trip")
    func randomSessions() throws {
        var random = SplitMix64(seed: 13)
        for _ in 0..<500 {
            var entries: [Entry] = []
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let sets = (0..<Int.random(in: 0...5, using: &random)).map { _ in
                    ExerciseSet(
                        kind: random.pick(SetKind.allCases),
                        reps: random.maybe(80) { Int.random(in: 0...InputLimits.storedReps, using: &$0) },
                        weight: random.maybe(40) {
                            Weight(value: Double(Int.random(in: 0...20_000, using: &$0)) / 4, unit: $0.pick(WeightUnit.allCases))
                        },
                        durationSeconds: random.maybe(20) { Double(Int.random(in: 0...86_400, using: &$0)) },
                        distanceMeters: random.maybe(10) { Double.random(in: 0...1_000_000, using: &$0) },
                        rpe: random.maybe(10) { Double(Int.random(in: 0...20, using: &$0)) / 2 },
                        stoppedForPain: random.chance(10))
                }
                entries.append(
                    Entry(
                        exercise: random.pick(["bird-dog", "rockback", "single-leg-romanian-deadlift"]),
                        side: random.maybe(50) { $0.pick(Side.allCases) },
                        notes: random.maybe(10) { _ in "note" }, sets: sets, prescribed: random.chance(20)))
            }
            let session = Session(
                id: Self.id,
                start: LocalTimestamp(
                    epochSeconds: Int64.random(in: -2_000_000_000...4_000_000_000, using: &random),
                    utcOffsetSeconds: Int32(Int.random(in: -1439...1439, using: &random) * 60)),
                durationSeconds: random.maybe(50) { Int.random(in: 0...86_400, using: &$0) },
                routine: random.maybe(30) { _ in "sciatica" },
                painBefore: random.maybe(60) { PainScore(rawValue: Int.random(in: 0...10, using: &$0))! },
                painAfter: random.maybe(60) { PainScore(rawValue: Int.random(in: 0...10, using: &$0))! },
                notes: random.maybe(20) { _ in "ok" }, entries: entries,
                symptomsBefore: random.maybe(30) { random in
                    Symptoms(
                        back: random.maybe(50) { PainScore(rawValue: Int.random(in: 0...10, using: &$0))! },
                        legRight: random.maybe(50) { PainScore(rawValue: Int.random(in: 0...10, using: &$0))! },
                        reachRight: random.maybe(50) { $0.pick(PainReach.allCases) },
                        numbness: random.pick([[], Legs.left, .right, .both]))
                },
                symptomsAfter: random.maybe(20) { _ in Symptoms() })
            #expect(try decoded(encoded(session)) == session)
        }
    }

    @Test("every cut, every flipped flag and garbage are refused, never a trap")
    func damagedBytes() throws {
        let bytes = encoded(Self.full)
        for length in 0..<bytes.count {
            #expect(throws: SessionCodec.Malformed.self) { try decoded(Array(bytes.prefix(length))) }
        }
        #expect(throws: SessionCodec.Malformed.self, "a byte past the end") { try decoded(bytes + [0]) }
        // Every single byte changed to every value either decodes to a valid session that
        // encodes back to those very bytes, or is refused.
        for index in bytes.indices {
            for value in [0, 1, 0x7f, 0x80, 0xff] as [UInt8] {
                var damaged = bytes
                damaged[index] = value
                if let session = try? decoded(damaged) {
                    #expect(encoded(session) == damaged, "byte \(index) = \(value)")
                    #expect(SessionCodec.isEncodable(session))
                }
            }
        }
        var random = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let garbage = (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            if let session = try? decoded(garbage) { #expect(encoded(session) == garbage) }
        }
    }

    @Test("values the codec does not keep are refused: pain 11, reps over the limit, a start past year 9999, overlong numbers, seconds in an offset, another id")
    func outOfRange() throws {
        // start 0, offset 0, no fields, no entries: the smallest session.
        #expect(try decoded([0, 0, 0, 0]).start.epochSeconds == 0)
        #expect(throws: SessionCodec.Malformed.self, "pain before 11") { try decoded([0, 0, 4, 11, 0]) }
        #expect(throws: SessionCodec.Malformed.self, "an unknown session flag") { try decoded([0, 0, 32, 0]) }
        #expect(throws: SessionCodec.Malformed.self, "0 written in two bytes") { try decoded([0x80, 0x00, 0, 0, 0]) }
        #expect(throws: SessionCodec.Malformed.self, "an offset of 1 s") { try decoded([0, 2, 0, 0]) }
        #expect(throws: SessionCodec.Malformed.self, "an id that is not a UUID") { try decoded([0, 0, 0, 0], id: "not-an-id") }
        var late: [UInt8] = []
        SessionCodec.encode(Session(id: Self.id, start: LocalTimestamp(epochSeconds: 253_402_300_800, utcOffsetSeconds: 0)), into: &late)
        #expect(throws: SessionCodec.Malformed.self, "year 10000") { try decoded(late) }
        let heavy = Session(
            id: Self.id, start: Self.full.start,
            entries: [Entry(exercise: "squat", sets: [ExerciseSet(reps: InputLimits.storedReps + 1)])])
        #expect(!SessionCodec.isEncodable(heavy), "a synced session the fold keeps is stored by its events")
        #expect(throws: SessionCodec.Malformed.self) { try decoded(encoded(heavy)) }
        #expect(!SessionCodec.isEncodable(
            Session(id: Self.id, start: Self.full.start, entries: [Entry(exercise: "squat", sets: [ExerciseSet(weight: Weight(value: .nan, unit: .kg))])])))
    }
}
