import EventLog
import JournalModel
@testable import Reconcile
import Testing
import LimberTestSupport

@Suite("conflicts: concurrent writes found from parents")
struct ConflictTests {
    private let logged = Make.event(Make.deviceA, seq: 1, millis: 1_000, entity: "s", body: .sessionLogged(Make.session("s")))

    private func conflicts(_ events: [Event]) -> [SessionConflict] {
        JournalState(folding: events).records["s"]?.conflicts ?? []
    }

    /// Every order of `events` gives the same conflicts.
    private func expectSameInEveryOrder(_ events: [Event]) -> [SessionConflict] {
        let first = conflicts(events)
        var random = SplitMix64(seed: 7)
        for _ in 0..<20 { #expect(conflicts(events.shuffled(using: &random)) == first) }
        return first
    }

    @Test("the same field written with different values by devices that did not see each other")
    func concurrentField() {
        let a = Make.event(Make.deviceA, seq: 2, millis: 2_000, entity: "s", parents: [logged.id], body: Make.patch(.painAfter(PainScore(rawValue: 3))))
        let b = Make.event(Make.deviceB, seq: 1, millis: 2_500, entity: "s", parents: [logged.id], body: Make.patch(.painAfter(PainScore(rawValue: 7))))
        let found = expectSameInEveryOrder([logged, a, b])
        #expect(found.count == 1)
        #expect(found.first?.field == "painAfter")
        #expect(found.first?.sides.map(\.event) == [a.id, b.id], "in merge order: the later one is shown")
        #expect(JournalState(folding: [logged, b, a]).session(id: "s")?.painAfter == PainScore(rawValue: 7))
    }

    @Test("no conflict for the same value, for different fields, or when one write saw the other")
    func noConflict() {
        let a = Make.event(Make.deviceA, seq: 2, millis: 2_000, entity: "s", parents: [logged.id], body: Make.patch(.painAfter(PainScore(rawValue: 3))))
        let same = Make.event(Make.deviceB, seq: 1, millis: 2_500, entity: "s", parents: [logged.id], body: Make.patch(.painAfter(PainScore(rawValue: 3))))
        let other = Make.event(Make.deviceC, seq: 1, millis: 2_600, entity: "s", parents: [logged.id], body: Make.patch(.notes("x")))
        let after = Make.event(Make.deviceB, seq: 2, millis: 3_000, entity: "s", parents: [a.id, same.id, other.id], body: Make.patch(.painAfter(PainScore(rawValue: 5))))
        #expect(expectSameInEveryOrder([logged, a, same, other]).isEmpty)
        #expect(expectSameInEveryOrder([logged, a, same, other, after]).isEmpty)
    }

    @Test("a deletion that did not see an amendment is a conflict")
    func deleteVersusAmend() {
        let amend = Make.event(Make.deviceA, seq: 2, millis: 2_000, entity: "s", parents: [logged.id], body: Make.patch(.notes("better")))
        let delete = Make.event(Make.deviceB, seq: 1, millis: 2_500, entity: "s", parents: [logged.id], body: .sessionDeleted)
        let found = expectSameInEveryOrder([logged, amend, delete])
        #expect(found.map(\.field) == ["deleted"])
        #expect(Set(found.first?.sides.map(\.event) ?? []) == [amend.id, delete.id])
    }

    @Test("a deletion and an amendment that did not see it: deleted until resolved, in any order")
    func deletionHoldsUntilResolved() {
        let delete = Make.event(Make.deviceB, seq: 1, millis: 2_000, entity: "s", parents: [logged.id], body: .sessionDeleted)
        let later = Make.event(Make.deviceA, seq: 2, millis: 2_500, entity: "s", parents: [logged.id], body: Make.patch(.notes("still here")))
        for state in Make.statesInEveryOrder([logged, delete, later]) {
            #expect(state.isDeleted("s"), "an amendment never undeletes: older versions fold it so")
            #expect(state.records["s"]?.conflicts.map(\.field) == ["deleted"])
        }
    }

    @Test("a resolution that follows every head settles the conflict, in any order")
    func resolution() {
        let a = Make.event(Make.deviceA, seq: 2, millis: 2_000, entity: "s", parents: [logged.id], body: Make.patch(.painAfter(PainScore(rawValue: 3))))
        let b = Make.event(Make.deviceB, seq: 1, millis: 2_500, entity: "s", parents: [logged.id], body: Make.patch(.painAfter(PainScore(rawValue: 7))))
        let id = conflicts([logged, a, b]).first?.id ?? ""
        let resolved = Make.event(
            Make.deviceA, seq: 3, millis: 3_000, entity: "s", parents: [a.id, b.id],
            body: .conflictResolved(ConflictResolution(conflict: id, patch: SessionPatch([.painAfter(PainScore(rawValue: 3))]), deleted: nil)))
        #expect(expectSameInEveryOrder([logged, a, b, resolved]).isEmpty)
        #expect(JournalState(folding: [resolved, b, logged, a]).session(id: "s")?.painAfter == PainScore(rawValue: 3))
        #expect(JournalState(folding: [logged, a, b, resolved]).heads(of: "s") == [resolved.id])
    }

    @Test("a conflict id is the same on every device")
    func stableID() {
        let a = Make.event(Make.deviceA, seq: 2, millis: 2_000, entity: "s", parents: [logged.id], body: Make.patch(.painAfter(PainScore(rawValue: 3))))
        let b = Make.event(Make.deviceB, seq: 1, millis: 2_500, entity: "s", parents: [logged.id], body: Make.patch(.painAfter(PainScore(rawValue: 7))))
        #expect(conflicts([logged, a, b]).map(\.id) == conflicts([b, a, logged]).map(\.id))
        #expect(conflicts([logged, a, b]).first?.id.count == 16)
    }
}
