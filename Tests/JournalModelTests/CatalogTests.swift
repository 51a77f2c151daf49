import FoundationEssentials
import JournalModel
import Testing

private let builtInIDs = [
    "single-leg-romanian-deadlift", "rockback", "bird-dog", "diagonal-chop", "sciatic-nerve-glide",
    "double-knee-to-chest",
]

@Test("the built-in catalog has the six DESIGN §6 exercises and the sciatica routine")
func builtIns() throws {
    #expect(BuiltInCatalog.exercises.map(\.id) == builtInIDs)
    #expect(BuiltInCatalog.exercises.allSatisfy { $0.builtIn && Slug.isValidID($0.id) })
    let routine = try #require(BuiltInCatalog.routines.first)
    #expect(BuiltInCatalog.routines.map(\.id) == ["sciatica"])
    #expect(routine.items.map(\.exercise) == builtInIDs)
    #expect(
        routine.items.map(\.prescription.text) == [
            "3 sets × 10–12 reps per leg, dumbbell", "3 sets × 10–12 reps",
            "3 sets × 12 reps per side",
            "3 sets × 10–12 reps per side, dumbbell", "per painful leg, reps", "hold 30–60 s",
        ])
    let glide = try #require(BuiltInCatalog.exercises.first { $0.id == "sciatic-nerve-glide" })
    #expect(glide.notes == "stop if it hurts")
}

@Test(
    "names, aliases and slugs find the built-ins",
    arguments: [
        ("bird-dog", "bird-dog"), ("Bird Dog", "bird-dog"), ("bird dogs", "bird-dog"),
        ("BIRDDOG", "bird-dog"), ("Rockbacks", "rockback"), ("rock back", "rockback"),
        ("rockback", "rockback"), ("single leg rdl", "single-leg-romanian-deadlift"),
        ("Single-leg Romanian Deadlift", "single-leg-romanian-deadlift"),
        ("single leg romanian deadlifts", "single-leg-romanian-deadlift"),
        ("knee to chest", "double-knee-to-chest"),
        ("Double knee-to-chest stretch", "double-knee-to-chest"),
        ("nerve glide", "sciatic-nerve-glide"), ("Diagonal Chops", "diagonal-chop"),
        ("wood chop", "diagonal-chop"),
    ])
func matching(_ text: String, _ id: String) throws {
    #expect(try Catalog().exercise(matching: text).id == id)
}

@Test("an unknown exercise suggests the closest ids and the commands")
func unknownExercise() throws {
    let catalog = Catalog()
    let error = try #require(throws: ModelError.self) { try catalog.exercise(matching: "bench") }
    #expect(error.description == #"unknown exercise "bench""#)
    #expect(error.kind == .unknown)
    #expect(error.fix.contains("limber exercises") && error.fix.contains("limber exercise add"))
    let typo = try #require(throws: ModelError.self) { try catalog.exercise(matching: "brid-dog") }
    #expect(typo.fix.contains("did you mean bird-dog"))
    let part = try #require(throws: ModelError.self) { try catalog.exercise(matching: "chop-it") }
    #expect(!part.fix.contains("did you mean"))
    #expect(throws: ModelError.self) { try catalog.exercise(matching: "") }
    #expect(throws: ModelError.self) { try catalog.exercise(matching: "!!") }
}

@Test("two exercises matching one name is reported as ambiguous")
func ambiguous() throws {
    let catalog = Catalog(custom: [
        Exercise(id: "curl-a", name: "Curl A", aliases: ["curl"]),
        Exercise(id: "curl-b", name: "Curl B", aliases: ["Curl"]),
    ])
    let error = try #require(throws: ModelError.self) { try catalog.exercise(matching: "curl") }
    #expect(error.kind == .ambiguous)
    #expect(error.description.contains("curl-a") && error.description.contains("curl-b"))
}

@Test("custom exercises are found; they never override a built-in")
func customExercises() throws {
    let mine = Exercise(custom: "Bench Press (Barbell)")
    let impostor = Exercise(id: "bird-dog", name: "Fake bird dog", notes: "not me")
    let catalog = Catalog(custom: [mine, impostor])
    #expect(try catalog.exercise(matching: "bench press barbell") == mine)
    #expect(try catalog.exercise(matching: "bird-dog").builtIn)
    #expect(catalog.exercises.count == 7)
    let redefined = Exercise(
        id: mine.id, name: "Bench press", perSide: false, measure: .reps, notes: "v2")
    let later = Catalog(custom: [mine, redefined])
    #expect(later.exercise(id: mine.id)?.notes == "v2")
    #expect(later.exercises.count == 7)
}

@Test("new exercises are validated")
func validateNewExercise() throws {
    let catalog = Catalog(custom: [Exercise(custom: "Goblet squat")])
    try catalog.validateNewExercise(Exercise(custom: "Dead bug"))

    let builtIn = try #require(throws: ModelError.self) {
        try catalog.validateNewExercise(Exercise(id: "bird-dog", name: "My bird dog"))
    }
    #expect(builtIn.kind == .alreadyDefined)
    #expect(builtIn.description.contains("built in"))

    let taken = try #require(throws: ModelError.self) {
        try catalog.validateNewExercise(Exercise(custom: "Goblet squat"))
    }
    #expect(taken.kind == .alreadyDefined)

    let badID = try #require(throws: ModelError.self) {
        try catalog.validateNewExercise(Exercise(id: "Dead Bug", name: "Dead bug"))
    }
    #expect(badID.kind == .invalidSyntax && badID.fix.contains("dead-bug"))

    let nameTaken = try #require(throws: ModelError.self) {
        try catalog.validateNewExercise(Exercise(id: "my-rockback", name: "Rock backs"))
    }
    #expect(nameTaken.description.contains("rockback"))

    #expect(throws: ModelError.self) {
        try catalog.validateNewExercise(Exercise(id: "x", name: " "))
    }
}

@Test("a new exercise whose name matches two existing ones is rejected")
func newNameAmbiguous() throws {
    let catalog = Catalog(custom: [
        Exercise(id: "curl-a", name: "Curl A", aliases: ["curl"]),
        Exercise(id: "curl-b", name: "Curl B", aliases: ["curl"]),
    ])
    let error = try #require(throws: ModelError.self) {
        try catalog.validateNewExercise(Exercise(id: "curl-c", name: "Curl"))
    }
    #expect(error.kind == .alreadyDefined)
    #expect(error.description.contains("curl-a and curl-b"))
}

@Test("routines are found by id and name, and new ones are validated")
func routines() throws {
    let catalog = Catalog()
    #expect(try catalog.routine(matching: "sciatica").builtIn)
    #expect(try catalog.routine(matching: "Sciatica").id == "sciatica")
    let unknown = try #require(throws: ModelError.self) { try catalog.routine(matching: "sciatca") }
    #expect(unknown.description == #"unknown routine "sciatca""#)
    #expect(unknown.fix.contains("sciatica") && unknown.fix.contains("limber routines"))

    let item = RoutineItem(
        exercise: "bird-dog", prescription: Prescription(sets: 2, repsMin: 8, text: "2 × 8"))
    try catalog.validateNewRoutine(Routine(id: "morning", name: "Morning", items: [item]))
    #expect(throws: ModelError.self) {
        try catalog.validateNewRoutine(Routine(id: "sciatica", name: "Mine", items: [item]))
    }
    #expect(throws: ModelError.self) {
        try catalog.validateNewRoutine(Routine(id: "empty", name: "Empty", items: []))
    }
    let unknownExercise = try #require(throws: ModelError.self) {
        try catalog.validateNewRoutine(
            Routine(
                id: "x", name: "X",
                items: [RoutineItem(exercise: "bird-dgo", prescription: item.prescription)]))
    }
    #expect(unknownExercise.fix.contains("bird-dog"))
}

@Test(
    "a herniated disc contraindicates only the double knee-to-chest stretch", arguments: builtInIDs)
func warnings(_ id: String) throws {
    let catalog = Catalog()
    let profile = Profile(conditions: [.herniatedDisc])
    let warnings = catalog.warnings(for: id, profile: profile)
    if id == "double-knee-to-chest" {
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .contraindicated)
        #expect(warnings.first?.condition == .herniatedDisc)
        #expect(warnings.first?.description.hasPrefix("contraindicated with herniated-disc: ") == true)
    } else {
        #expect(warnings.isEmpty)
    }
    #expect(catalog.warnings(for: id, profile: Profile()).isEmpty)
}

@Test("warnings list contraindications first and ignore unrelated conditions")
func warningOrder() throws {
    let pregnancy = try Condition(parsing: "Pregnancy")
    let exercise = Exercise(
        id: "crunch", name: "Crunch",
        cautions: [
            Caution(condition: pregnancy, severity: .caution, text: "adapt"),
            Caution(condition: .herniatedDisc, severity: .contraindicated, text: "skip"),
        ])
    let catalog = Catalog(custom: [exercise])
    let both = catalog.warnings(
        for: "crunch", profile: Profile(conditions: [pregnancy, .herniatedDisc]))
    #expect(both.map(\.text) == ["skip", "adapt"])
    let other = try Condition(parsing: "knee pain")
    #expect(catalog.warnings(for: "crunch", profile: Profile(conditions: [other])).isEmpty)
    #expect(catalog.warnings(for: "nope", profile: Profile(conditions: [.herniatedDisc])).isEmpty)
}

@Test(
    "logged as prescribed, per built-in exercise",
    arguments: [
        ("single-leg-romanian-deadlift", [Side.left, .right], 3, 10, nil),
        ("rockback", [nil], 3, 10, nil),
        ("bird-dog", [.left, .right], 3, 12, nil),
        ("diagonal-chop", [.left, .right], 3, 10, nil),
        ("sciatic-nerve-glide", [nil], 1, nil, nil),
        ("double-knee-to-chest", [nil], 1, nil, 30.0),
    ] as [(String, [Side?], Int, Int?, Double?)])
func prescribed(_ id: String, _ sides: [Side?], _ sets: Int, _ reps: Int?, _ hold: Double?) throws {
    let routine = try Catalog().routine(matching: "sciatica")
    let item = try #require(routine.items.first { $0.exercise == id })
    let entries = item.prescribedEntries()
    #expect(entries.map(\.side) == sides)
    #expect(entries.allSatisfy { $0.exercise == id && $0.notes == nil })
    for entry in entries {
        #expect(
            entry.sets
                == Array(repeating: ExerciseSet(reps: reps, durationSeconds: hold), count: sets))
    }
}

@Test("a routine logged as prescribed has every item's entries in order")
func routinePrescribed() throws {
    let catalog = Catalog()
    let entries = RoutineExpansion(
        try catalog.routine(matching: "sciatica"), given: [], skipping: [], catalog: catalog,
        profile: Profile()
    ).entries
    #expect(entries.count == 9)
    #expect(entries.allSatisfy { $0.prescribed })
    #expect(entries.first?.exercise == "single-leg-romanian-deadlift")
    #expect(entries.last?.exercise == "double-knee-to-chest")
}

@Test("prescriptions with a set count of holds, or only a maximum, still log")
func prescriptionVariants() {
    let holds = Prescription(sets: 2, holdMinSeconds: 20, perSide: true, text: "2 × 20 s per side")
    #expect(holds.prescribedEntries(exercise: "plank").map(\.sets.count) == [2, 2])
    #expect(holds.prescribedEntries(exercise: "plank")[0].sets[0].durationSeconds == 20)
    let upTo = Prescription(repsMax: 15, text: "up to 15")
    #expect(
        upTo.prescribedEntries(exercise: "x") == [
            Entry(exercise: "x", sets: [ExerciseSet(reps: 15)], prescribed: true)
        ])
}

@Test("catalog types round-trip through JSON with explicit nulls")
func catalogCoding() throws {
    let encoder = JSONCoding.encoder()
    let decoder = JSONCoding.decoder()
    for exercise in BuiltInCatalog.exercises {
        let data = try encoder.encode(exercise)
        #expect(try decoder.decode(Exercise.self, from: data) == exercise)
    }
    let routine = try #require(BuiltInCatalog.routines.first)
    #expect(try decoder.decode(Routine.self, from: try encoder.encode(routine)) == routine)
    let chop = try #require(BuiltInCatalog.exercises.first { $0.id == "diagonal-chop" })
    let text = String(decoding: try encoder.encode(chop), as: UTF8.self)
    #expect(
        text
            == #"{"aliases":["diagonal chops","diagonal chop","wood chop","woodchop","wood chops"],"builtIn":true,"cautions":[],"id":"diagonal-chop","measure":"reps","name":"Diagonal chops","notes":null,"perSide":true}"#
    )
    let prescription = String(
        decoding: try encoder.encode(routine.items[5].prescription), as: UTF8.self)
    #expect(
        prescription
            == #"{"equipment":null,"holdMaxSeconds":60,"holdMinSeconds":30,"perSide":false,"repsMax":null,"repsMin":null,"sets":null,"text":"hold 30–60 s"}"#
    )
    let minimal = try decoder.decode(
        Exercise.self, from: Data(#"{"id":"dead-bug","name":"Dead bug"}"#.utf8))
    #expect(minimal == Exercise(id: "dead-bug", name: "Dead bug"))
}

@Test("profiles keep conditions sorted and unique")
func profiles() throws {
    let knee = try Condition(parsing: "Knee pain")
    var profile = Profile(conditions: [knee, .herniatedDisc, knee])
    #expect(profile.conditions == [.herniatedDisc, knee])
    let data = try JSONCoding.encoder().encode(profile)
    #expect(
        String(decoding: data, as: UTF8.self) == #"{"conditions":["herniated-disc","knee-pain"]}"#)
    let decoded = try JSONCoding.decoder().decode(
        Profile.self, from: Data(#"{"conditions":["knee-pain","herniated-disc","knee-pain"]}"#.utf8)
    )
    #expect(decoded == profile)
    profile.remove(knee)
    profile.insert(.herniatedDisc)
    #expect(profile.conditions == [.herniatedDisc])
    #expect(try JSONCoding.decoder().decode(Profile.self, from: Data("{}".utf8)) == Profile())
}

@Test("conditions are slugs of plain letters and digits")
func conditions() throws {
    #expect(Condition.herniatedDisc.rawValue == "herniated-disc")
    #expect(Condition(rawValue: "herniated-disc") == .herniatedDisc)
    #expect(try Condition(parsing: "Herniated Disc") == .herniatedDisc)
    for bad in ["Herniated Disc", "", "-x", "é", "a--b"] {
        #expect(Condition(rawValue: bad) == nil)
    }
    #expect(throws: ModelError.self) { try Condition(parsing: "!!") }
    #expect(throws: ModelError.self) { try Condition(parsing: "Жим") }
    #expect(throws: DecodingError.self) {
        try JSONCoding.decoder().decode([Condition].self, from: Data(#"["Bad Name"]"#.utf8))
    }
}
