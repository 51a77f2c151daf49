import EventLog
import JournalModel
import Reconcile
import Testing

@Suite("last writer wins, by (hlc, device, seq)")
struct LastWriterWinsTests {
    static let id = "0f8e2f0a-1111-4222-8333-444455556666"
    static let logged = Make.event(seq: 1, millis: 1_000, entity: id, body: .sessionLogged(Make.session(id, entries: [Make.entry("rockback", reps: [10])])))


    @Test("a later amendment wins whatever order the events arrive in")
    func laterHLCWins() throws {
        let early = Make.event(Make.deviceB, seq: 1, millis: 2_000, entity: Self.id, parents: [Self.logged.id], body: Make.patch(.painAfter(PainScore(rawValue: 7)), .notes("from b")))
        let late = Make.event(Make.deviceA, seq: 2, millis: 2_001, entity: Self.id, parents: [Self.logged.id], body: Make.patch(.painAfter(PainScore(rawValue: 1))))
        for state in Make.statesInEveryOrder([Self.logged, early, late]) {
            let session = try #require(state.session(id: Self.id))
            #expect(session.painAfter == PainScore(rawValue: 1))
            #expect(session.notes == "from b", "fields are merged one by one")
            #expect(session.painBefore == PainScore(rawValue: 4))
        }
    }

    @Test("equal hlc: the larger device wins, then the larger seq")
    func ties() throws {
        let fromA = Make.event(Make.deviceA, seq: 5, millis: 2_000, counter: 3, entity: Self.id, body: Make.patch(.notes("a")))
        let fromB = Make.event(Make.deviceB, seq: 2, millis: 2_000, counter: 3, entity: Self.id, body: Make.patch(.notes("b")))
        for state in Make.statesInEveryOrder([Self.logged, fromA, fromB]) {
            #expect(state.session(id: Self.id)?.notes == "b")
        }
        let lowSeq = Make.event(Make.deviceC, seq: 3, millis: 2_000, counter: 3, entity: Self.id, body: Make.patch(.notes("c3")))
        let highSeq = Make.event(Make.deviceC, seq: 4, millis: 2_000, counter: 3, entity: Self.id, body: Make.patch(.notes("c4")))
        for state in Make.statesInEveryOrder([Self.logged, highSeq, lowSeq, fromB]) {
            #expect(state.session(id: Self.id)?.notes == "c4")
        }
        // The counter orders before the device does.
        let laterCounter = Make.event(Make.deviceA, seq: 9, millis: 2_000, counter: 4, entity: Self.id, body: Make.patch(.notes("a, later")))
        for state in Make.statesInEveryOrder([Self.logged, laterCounter, fromB, highSeq]) {
            #expect(state.session(id: Self.id)?.notes == "a, later")
        }
    }

    @Test("delete and restore: the later one decides")
    func deleteRestore() throws {
        let delete = Make.event(Make.deviceA, seq: 2, millis: 3_000, entity: Self.id, body: .sessionDeleted)
        let restore = Make.event(Make.deviceB, seq: 1, millis: 2_000, entity: Self.id, body: .sessionRestored)
        for state in Make.statesInEveryOrder([Self.logged, delete, restore]) {
            #expect(state.isDeleted(Self.id))
            #expect(state.sessions.isEmpty)
            #expect(state.session(id: Self.id)?.id == Self.id, "a deleted session is still there for restore")
            #expect(state.sessionIDs == [Self.id])
        }
        let laterRestore = Make.event(Make.deviceB, seq: 2, millis: 4_000, entity: Self.id, body: .sessionRestored)
        for state in Make.statesInEveryOrder([Self.logged, delete, restore, laterRestore]) {
            #expect(!state.isDeleted(Self.id))
            #expect(state.sessions.map(\.id) == [Self.id])
        }
    }

    @Test("an amendment that arrives before its session is applied once the session arrives")
    func amendmentBeforeSession() throws {
        let amendment = Make.event(Make.deviceB, seq: 1, millis: 2_000, entity: Self.id, parents: [Self.logged.id], body: Make.patch(.notes("amended"), .entry(EntryKey(exercise: "bird-dog", side: .left), Make.entry("bird-dog", .left, reps: [12]))))
        var state = JournalState()
        state.apply(amendment)
        #expect(state.sessions.isEmpty)
        #expect(state.session(id: Self.id) == nil)
        #expect(state.sessionIDs.isEmpty, "a session nobody logged yet cannot be named")
        state.apply(Self.logged)
        let session = try #require(state.session(id: Self.id))
        #expect(session == Session(
            id: Self.id, start: Make.start(), durationSeconds: 1200, painBefore: PainScore(rawValue: 4), painAfter: PainScore(rawValue: 3),
            notes: "amended", entries: [Make.entry("rockback", reps: [10]), Make.entry("bird-dog", .left, reps: [12])]))
        #expect(state.sessions == [session])
    }

    @Test("entries keep the logged order; new entries are appended; changed ones stay in place")
    func entryOrder() throws {
        let entries = [
            Make.entry("rockback", reps: [10]), Make.entry("bird-dog", .right, reps: [12]),
            Make.entry("bird-dog", .left, reps: [12]), Make.entry("diagonal-chop", .left, reps: [8]),
        ]
        let logged = Make.event(seq: 1, millis: 1_000, entity: Self.id, body: .sessionLogged(Make.session(Self.id, entries: entries)))
        #expect(JournalState(folding: [logged]).session(id: Self.id)?.entries == entries)

        let changedBirdDog = Make.entry("bird-dog", .right, reps: [15, 15])
        let amend = Make.event(seq: 2, millis: 2_000, entity: Self.id, body: Make.patch(
            .entry(EntryKey(exercise: "sciatic-nerve-glide", side: .left), Make.entry("sciatic-nerve-glide", .left, reps: [5])),
            .entry(EntryKey(changedBirdDog), changedBirdDog),
            .entry(EntryKey(exercise: "diagonal-chop", side: .left), nil)))
        let later = Make.event(seq: 3, millis: 3_000, entity: Self.id, body: Make.patch(
            .entry(EntryKey(exercise: "aa-first-by-name", side: nil), Make.entry("aa-first-by-name", reps: [1]))))
        for state in Make.statesInEveryOrder([logged, amend, later]) {
            #expect(state.session(id: Self.id)?.entries == [
                entries[0], changedBirdDog, entries[2],
                Make.entry("sciatic-nerve-glide", .left, reps: [5]), Make.entry("aa-first-by-name", reps: [1]),
            ])
        }
    }

    @Test("entries logged twice under one exercise and side are one entry, sets in order")
    func duplicateEntriesCombined() throws {
        let entries = [
            Entry(exercise: "bird-dog", side: .left, notes: nil, sets: [ExerciseSet(reps: 12)]),
            Make.entry("rockback", reps: [10]),
            Entry(exercise: "bird-dog", side: .left, notes: "second round", sets: [ExerciseSet(reps: 8), ExerciseSet(reps: 6)]),
            Make.entry("bird-dog", .right, reps: [12]),
        ]
        let logged = Make.event(seq: 1, millis: 1_000, entity: Self.id, body: .sessionLogged(Make.session(Self.id, entries: entries)))
        let session = try #require(JournalState(folding: [logged]).session(id: Self.id))
        #expect(session.entries == [
            Entry(exercise: "bird-dog", side: .left, notes: "second round", sets: [ExerciseSet(reps: 12), ExerciseSet(reps: 8), ExerciseSet(reps: 6)]),
            Make.entry("rockback", reps: [10]),
            Make.entry("bird-dog", .right, reps: [12]),
        ])
    }

    @Test("the profile and custom exercises are last-writer-wins too")
    func profileAndCatalog() {
        let first = Make.event(Make.deviceB, seq: 1, millis: 1_000, entity: "profile", body: .profileSet(Profile(conditions: [.herniatedDisc])))
        let second = Make.event(Make.deviceA, seq: 1, millis: 1_500, entity: "profile", parents: [first.id], body: .profileSet(Profile(conditions: [])))
        let v1 = Make.event(Make.deviceA, seq: 2, millis: 1_600, entity: "exercise/side-plank", body: .exerciseDefined(Exercise(id: "side-plank", name: "Side plank", measure: .hold)))
        let v2 = Make.event(Make.deviceB, seq: 2, millis: 1_700, entity: "exercise/side-plank", body: .exerciseDefined(Exercise(id: "side-plank", name: "Side plank, long", measure: .hold)))
        for state in Make.statesInEveryOrder([first, second, v1, v2]) {
            #expect(state.profile == Profile(conditions: []))
            #expect(state.catalog.exercise(id: "side-plank")?.name == "Side plank, long")
            #expect(state.catalog.exercises.count == BuiltInCatalog.exercises.count + 1)
        }
    }

    @Test("an event of an unknown type changes nothing a person sees")
    func unknownIgnored() {
        let unknown = Make.event(Make.deviceB, seq: 1, millis: 5_000, entity: Self.id, body: .unknown, type: EventType(rawValue: "mood.logged"))
        let with = JournalState(folding: [Self.logged, unknown])
        let without = JournalState(folding: [Self.logged])
        #expect(with.sessions == without.sessions)
        #expect(with.catalog == without.catalog)
        #expect(with.profile == without.profile)
    }
}
