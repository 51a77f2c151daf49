import Testing

@testable import JournalModel

@Suite("routine expansion, sides and conditions")
struct RoutineExpansionTests {
    let catalog = Catalog()
    var sciatica: Routine { BuiltInCatalog.routines[0] }

    func expand(
        given: [Entry] = [], skipping: Set<ExerciseReference> = [], profile: Profile = Profile()
    ) -> RoutineExpansion {
        RoutineExpansion(sciatica, given: given, skipping: skipping, catalog: catalog, profile: profile)
    }

    @Test("a side given fills in only the other side as prescribed, in routine order")
    func perSide() {
        let left = Entry(exercise: "bird-dog", side: .left, sets: [ExerciseSet(reps: 8)])
        let entries = expand(given: [left]).entries
        let birdDog = entries.filter { $0.exercise == "bird-dog" }
        #expect(birdDog.map(\.side) == [.left, .right])
        #expect(birdDog.map(\.prescribed) == [false, true])
        #expect(entries.map(\.exercise).firstIndex(of: "bird-dog") == 3, "after the RDL's two sides and rockbacks")
    }

    @Test("given without a side or for both sides, the exercise is given whole")
    func wholeExercise() {
        for side in [Side?.none, .both] {
            let given = Entry(exercise: "diagonal-chop", side: side, sets: [ExerciseSet(reps: 5)])
            let chops = expand(given: [given]).entries.filter { $0.exercise == "diagonal-chop" }
            #expect(chops == [given])
        }
    }

    @Test("skipping an exercise or one side of it")
    func skipping() {
        let entries = expand(skipping: ["rockback", "bird-dog:right"]).entries
        #expect(!entries.contains { $0.exercise == "rockback" })
        #expect(entries.filter { $0.exercise == "bird-dog" }.map(\.side) == [.left])
    }

    @Test("a contraindicated exercise is left out and named, unless given")
    func contraindicated() {
        let profile = Profile(conditions: [.herniatedDisc])
        let expansion = expand(profile: profile)
        #expect(!expansion.entries.contains { $0.exercise == "double-knee-to-chest" })
        #expect(expansion.contraindicated.map(\.exercise.id) == ["double-knee-to-chest"])
        let given = Entry(exercise: "double-knee-to-chest", sets: [ExerciseSet(durationSeconds: 30)])
        let explicit = expand(given: [given], profile: profile)
        #expect(explicit.entries.contains(given))
        #expect(explicit.contraindicated.isEmpty)
    }

    @Test("exercises the routine does not have come last")
    func extras() {
        let plank = Entry(exercise: "plank", sets: [ExerciseSet(durationSeconds: 30)])
        #expect(expand(given: [plank]).entries.last == plank)
    }

    @Test("EXERCISE[:SIDE] is parsed in one place: l, r, b and every letter case")
    func references() throws {
        #expect(try ExerciseReference.parse("bird dog:L", field: "--skip") == ExerciseReference(exercise: "bird dog", side: .left))
        #expect(try ExerciseReference.parse(" rockback ", field: "--skip").side == nil)
        #expect(throws: ModelError.self) { try ExerciseReference.parse("bird-dog:up", field: "--skip") }
        #expect(throws: ModelError.self) { try ExerciseReference.parse(":left", field: "--skip") }
    }

    @Test("a per-side exercise needs a side unless the session has a side-less entry of it")
    func resolveSides() throws {
        let missing = try #require(throws: ModelError.self) {
            try catalog.resolve("bird dogs", field: "--set")
        }
        #expect(missing.kind == .missingSide)
        let sides = { (_: String) -> [Side?] in [.left, .right] }
        let named = try #require(throws: ModelError.self) {
            try catalog.resolve("bird-dog", field: "--set", sessionSides: sides)
        }
        #expect(named.hint?.contains("bird-dog:left and bird-dog:right") == true)
        let sideless = { (_: String) -> [Side?] in [nil] }
        #expect(try catalog.resolve("bird-dog", field: "--set", sessionSides: sideless).side == nil)
        #expect(throws: ModelError.self) { try catalog.resolve("rockback:b", field: "--set") }
        #expect(try catalog.resolve("rockbacks", field: "--set").exercise.id == "rockback")
    }

    @Test("a condition must be one an exercise cautions; near misses are suggested")
    func conditions() throws {
        #expect(try catalog.condition(matching: "Herniated Disc", field: "--add") == .herniatedDisc)
        #expect(try catalog.condition(matching: "herniated discs", field: "--add") == .herniatedDisc)
        let typo = try #require(throws: ModelError.self) {
            try catalog.condition(matching: "heriated-disc", field: "--add")
        }
        #expect(typo.kind == .unknown)
        #expect(typo.hint?.hasPrefix("did you mean herniated-disc?") == true)
        let custom = Catalog(custom: [
            Exercise(
                id: "cobra", name: "Cobra",
                cautions: [Caution(condition: try Condition(parsing: "stenosis"), severity: .caution, text: "t")])
        ])
        #expect(custom.knownConditions.map(\.condition.rawValue) == ["herniated-disc", "stenosis"])
        #expect(try custom.condition(matching: "stenosis", field: "--add").rawValue == "stenosis")
    }

    @Test("sets read alike everywhere: compact as --set takes them, readable for the page")
    func setText() {
        #expect(SetText.compact(ExerciseSet(reps: 12, weight: Weight(value: 5, unit: .kg))) == "12x5kg")
        #expect(SetText.compact(ExerciseSet(reps: 10, stoppedForPain: true)) == "10!")
        #expect(SetText.compact(ExerciseSet(durationSeconds: 90)) == "1m30s")
        #expect(SetText.compact(ExerciseSet(kind: .warmup, reps: 5, rpe: 6)) == "warmup:5@6")
        #expect(SetText.compact([ExerciseSet(reps: 12), ExerciseSet(reps: 10)]) == "12,10")
        #expect(SetText.readable(ExerciseSet(reps: 12, weight: Weight(value: 12.5, unit: .lb))) == "12 × 12.5 lb")
        #expect(SetText.readable(ExerciseSet(durationSeconds: 45, stoppedForPain: true)) == "45 s hold (stopped: pain)")
        #expect(SetText.readable(ExerciseSet()) == "done (amount not recorded)")
        // What the compact form can say, --set reads back.
        for set in [ExerciseSet(reps: 12, weight: Weight(value: 5, unit: .kg)), ExerciseSet(durationSeconds: 45), ExerciseSet(reps: 3, stoppedForPain: true)] {
            #expect((try? SetSpec.parse("x=" + SetText.compact(set)).sets) == [set])
        }
    }

    @Test("an attempt stopped by pain at once: 0! and 0s!; values no file should hold still print")
    func edges() throws {
        #expect(try SetSpec.parse("x=0!").sets == [ExerciseSet(reps: 0, stoppedForPain: true)])
        #expect(try SetSpec.parse("x=0s!").sets == [ExerciseSet(durationSeconds: 0, stoppedForPain: true)])
        for value in [1e20, -1e20, .infinity, .nan] {
            let set = ExerciseSet(reps: 1, weight: Weight(value: value, unit: .kg), durationSeconds: value, distanceMeters: value)
            _ = SetText.readable(set)
            _ = SetText.compact(set)
        }
        #expect(throws: ModelError.self) { try ExerciseSet(durationSeconds: 1e20).validate() }
        #expect(throws: ModelError.self) { try ExerciseSet(distanceMeters: 2e6).validate() }
    }

    @Test("did-you-mean counts a swap of two letters as one edit")
    func suggestions() {
        #expect(Suggestion.closest(to: "lsit", among: ["init", "list", "log"]).first == "list")
        #expect(Suggestion.editDistance("lsit", "list") == 1)
    }
}

@Suite("routine expansion: sides-less prescriptions and repeated items")
struct RoutineExpansionEdgeTests {
    let catalog = Catalog()

    @Test("the nerve glide given on one side is given whole; skipped on one side, skipped")
    func sidelessPrescription() {
        let routine = BuiltInCatalog.routines[0]
        let left = Entry(exercise: "sciatic-nerve-glide", side: .left, sets: [ExerciseSet(reps: 10)])
        let given = RoutineExpansion(routine, given: [left], skipping: [], catalog: catalog, profile: Profile())
        #expect(given.entries.filter { $0.exercise == "sciatic-nerve-glide" } == [left])
        let skipped = RoutineExpansion(
            routine, given: [], skipping: ["sciatic-nerve-glide:left"], catalog: catalog, profile: Profile())
        #expect(!skipped.entries.contains { $0.exercise == "sciatic-nerve-glide" })
        let both = RoutineExpansion(routine, given: [], skipping: ["bird-dog:both"], catalog: catalog, profile: Profile())
        #expect(!both.entries.contains { $0.exercise == "bird-dog" }, ":both skips both sides")
    }

    @Test("a routine that lists an exercise twice takes a given entry once")
    func repeatedItem() {
        let item = RoutineItem(exercise: "rockback", prescription: Prescription(sets: 1, repsMin: 5, text: "1 × 5"))
        let routine = Routine(id: "twice", name: "Twice", items: [item, item])
        let given = Entry(exercise: "rockback", sets: [ExerciseSet(reps: 12)])
        let expansion = RoutineExpansion(routine, given: [given], skipping: [], catalog: catalog, profile: Profile())
        #expect(expansion.entries == [given])
        let none = RoutineExpansion(routine, given: [], skipping: [], catalog: catalog, profile: Profile())
        #expect(none.entries.count == 2, "both items as prescribed")
    }
}
