import EventLog
import JournalModel
import Reconcile
import Testing
import LimberTestSupport

@Suite("the fold is order-independent")
struct FoldLawTests {
    /// The fold in the total merge order: the reference every other order must match.
    private func reference(_ events: [Event]) -> JournalState {
        JournalState(folding: events.sorted { $0.order < $1.order })
    }

    @Test("any arrival order, duplicates and merges of partitions give the same state", arguments: 0..<4)
    func orderIndependence(_ batch: Int) {
        var totals = (visible: 0, deleted: 0, entries: 0, custom: 0, conditions: 0)
        for index in 0..<100 {
            let seed = UInt64(batch * 100 + index) &* 0x2545_F491_4F6C_DD1D
            var generator = HistoryGenerator(random: SplitMix64(seed: seed))
            let (events, entities) = generator.history()
            var random = SplitMix64(seed: seed ^ 0xFFFF)
            let expected = Observed(reference(events), entities: entities)

            // Commutative: any permutation.
            let shuffled = events.shuffled(using: &random)
            let permuted = Observed(JournalState(folding: shuffled), entities: entities)
            #expect(permuted == expected, "seed \(seed): permutation")

            // Idempotent: every event any number of times, anywhere.
            var repeated = events
            for event in events where random.chance(50) {
                repeated.insert(event, at: Int.random(in: 0...repeated.count, using: &random))
            }
            repeated += events.shuffled(using: &random)
            #expect(Observed(JournalState(folding: repeated), entities: entities) == expected, "seed \(seed): duplicates")

            // Associative: fold random, overlapping parts (journals that share events) one
            // after the other, each part in its own order.
            let partCount = Int.random(in: 1...4, using: &random)
            var parts = Array(repeating: [Event](), count: partCount)
            for event in events {
                parts[Int.random(in: 0..<partCount, using: &random)].append(event)
                if random.chance(20) { parts[Int.random(in: 0..<partCount, using: &random)].append(event) }
            }
            var merged = JournalState()
            for part in parts.shuffled(using: &random) {
                for event in part.shuffled(using: &random) { merged.apply(event) }
            }
            #expect(Observed(merged, entities: entities) == expected, "seed \(seed): merged partitions")

            // (A ∪ B) ∪ C == A ∪ (B ∪ C), each side folded from scratch.
            let a = Array(events.prefix(events.count / 3)), b = Array(events.dropFirst(events.count / 3).prefix(events.count / 3))
            let c = Array(events.dropFirst(2 * (events.count / 3)))
            var left = JournalState(folding: (a + b).shuffled(using: &random))
            for event in c.reversed() { left.apply(event) }
            var right = JournalState(folding: (b + c).shuffled(using: &random))
            for event in a { right.apply(event) }
            #expect(Observed(left, entities: entities) == Observed(right, entities: entities), "seed \(seed): associativity")

            totals.visible += expected.sessions.count
            totals.deleted += expected.deleted.values.filter { $0 }.count
            totals.entries += expected.sessions.map(\.entries.count).reduce(0, +)
            totals.custom += expected.catalog.exercises.filter { !$0.builtIn }.count
            totals.conditions += expected.profile.conditions.count
        }
        // The generator must exercise every kind of state, or the laws prove little.
        #expect(totals.visible > 50 && totals.deleted > 10 && totals.entries > 50 && totals.custom > 10 && totals.conditions > 10, "\(totals)")
    }
}
