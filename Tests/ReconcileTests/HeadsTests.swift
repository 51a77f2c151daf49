import EventLog
import JournalModel
import Reconcile
import Testing
import LimberTestSupport

@Suite("history heads")
struct HeadsTests {
    /// The events of `entity` that no other event of it names as a parent.
    private func expectedHeads(_ events: [Event], of entity: String) -> [String] {
        let mine = events.filter { $0.entity == entity }
        let named = Set(mine.flatMap(\.parents))
        return Set(mine.map(\.id)).subtracting(named).sorted()
    }

    @Test("heads are the events no other names as a parent, in any arrival order")
    func concurrentBranches() {
        let id = "s-1"
        let logged = Make.event(seq: 1, millis: 1_000, entity: id, body: .sessionLogged(Make.session(id)))
        let left = Make.event(Make.deviceA, seq: 2, millis: 2_000, entity: id, parents: [logged.id], body: Make.patch(.notes("a")))
        let right = Make.event(Make.deviceB, seq: 1, millis: 2_000, entity: id, parents: [logged.id], body: Make.patch(.notes("b")))
        let onLeft = Make.event(Make.deviceA, seq: 3, millis: 3_000, entity: id, parents: [left.id], body: .sessionDeleted)
        let events = [logged, left, right, onLeft]
        var random = SplitMix64(seed: 7)
        for _ in 0..<50 {
            let state = JournalState(folding: events.shuffled(using: &random))
            #expect(state.heads(of: id) == [right.id, onLeft.id].sorted())
        }
        let merge = Make.event(Make.deviceC, seq: 1, millis: 4_000, entity: id, parents: [onLeft.id, right.id], body: .sessionRestored)
        #expect(JournalState(folding: [merge] + events).heads(of: id) == [merge.id])
        #expect(JournalState().heads(of: id) == [])
        #expect(JournalState(folding: events).heads(of: "s-other") == [])
    }

    @Test("heads of random histories, any arrival order", arguments: 0..<2)
    func randomHistories(_ batch: Int) {
        for index in 0..<150 {
            let seed = UInt64(0xBEEF + batch * 1000 + index)
            var generator = HistoryGenerator(random: SplitMix64(seed: seed))
            let (events, entities) = generator.history()
            var random = SplitMix64(seed: seed &* 31)
            let state = JournalState(folding: events.shuffled(using: &random))
            for entity in entities {
                #expect(state.heads(of: entity) == expectedHeads(events, of: entity), "seed \(seed), \(entity)")
            }
        }
    }

    @Test("an event of a type this version does not know still supersedes the heads it names")
    func unknownTypeCountsForHeads() {
        // A newer limber's `conflict.resolved` (or any new kind) names the heads it settles.
        let id = "s-1"
        let logged = Make.event(seq: 1, millis: 1_000, entity: id, body: .sessionLogged(Make.session(id)))
        let left = Make.event(Make.deviceA, seq: 2, millis: 2_000, entity: id, parents: [logged.id], body: Make.patch(.notes("a")))
        let right = Make.event(Make.deviceB, seq: 1, millis: 2_000, entity: id, parents: [logged.id], body: Make.patch(.notes("b")))
        let resolved = Make.event(Make.deviceC, seq: 1, millis: 3_000, entity: id, parents: [left.id, right.id], body: .unknown, type: .conflictResolved)
        for events in [[logged, left, right, resolved], [resolved, right, left, logged]] {
            let state = JournalState(folding: events)
            #expect(state.heads(of: id) == [resolved.id], "the next write must name the resolution as its parent")
        }
    }
}
