import EventLog
import JournalModel
import Reconcile
import Testing

/// Two devices importing one file both log its sessions under the same derived ids (DESIGN §4).
@Suite("a session logged twice (the same file imported on two devices)")
struct RepeatedCreationTests {
    static let id = "5c1e0c6e-7a6b-5d0e-9f41-0a4c2b7d9e11"
    static let imported = Make.session(id, entries: [Make.entry("squat", reps: [5, 5, 5])], notes: "Leg day")


    @Test("an amendment made on one device survives the other device's later import, in any order")
    func amendmentSurvives() throws {
        let onA = Make.event(Make.deviceA, seq: 1, millis: 1_000, entity: Self.id, body: .sessionLogged(Self.imported))
        let amended = Make.event(
            Make.deviceA, seq: 2, millis: 2_000, entity: Self.id, parents: [onA.id],
            body: Make.patch(.painAfter(PainScore(rawValue: 1)), .entry(EntryKey(exercise: "squat", side: nil), Make.entry("squat", reps: [5, 5, 6]))))
        // Device B imports the same file later, without having seen A's events.
        let onB = Make.event(Make.deviceB, seq: 1, millis: 3_000, entity: Self.id, body: .sessionLogged(Self.imported))
        let states = Make.statesInEveryOrder([onA, amended, onB])
        for state in states {
            let session = try #require(state.session(id: Self.id))
            #expect(session.painAfter == PainScore(rawValue: 1))
            #expect(session.entries.first?.sets.map(\.reps) == [5, 5, 6])
            #expect(session.notes == "Leg day")
            #expect(state.records[Self.id]?.loggedBy == Make.deviceA, "the first creation names the device")
            #expect(state.sessions.count == 1)
        }
        let observed = states.map { Observed($0, entities: [Self.id]) }
        #expect(Set(observed.map(\.description)).count == 1)
        #expect(observed.allSatisfy { $0 == observed[0] }, "order-independent")
    }

    @Test("two creations with different content: the later one wins field by field, and entries of both are kept")
    func differentContent() throws {
        let older = Make.event(Make.deviceA, seq: 1, millis: 1_000, entity: Self.id, body: .sessionLogged(Self.imported))
        var more = Self.imported
        more.entries.append(Make.entry("bench-press", reps: [8, 8]))
        more.notes = "Leg day\nand bench"
        let newer = Make.event(Make.deviceB, seq: 1, millis: 1_500, entity: Self.id, body: .sessionLogged(more))
        for state in Make.statesInEveryOrder([older, newer]) {
            let session = try #require(state.session(id: Self.id))
            #expect(session.notes == "Leg day\nand bench")
            #expect(session.entries.map(\.exercise) == ["squat", "bench-press"])
        }
    }
}
