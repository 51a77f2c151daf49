import JournalModel
import Testing

@Test("reps with a side and a set stopped by pain")
func repsWithSide() throws {
    let spec = try SetSpec.parse("bird-dog:left=12,12,10!")
    #expect(spec.exercise == "bird-dog")
    #expect(spec.side == .left)
    #expect(
        spec.sets == [
            ExerciseSet(reps: 12), ExerciseSet(reps: 12),
            ExerciseSet(reps: 10, stoppedForPain: true),
        ])
    #expect(
        spec.entry(exerciseID: "bird-dog", side: spec.side)
            == Entry(exercise: "bird-dog", side: .left, sets: spec.sets))
}

@Test("weights in every spelling keep their unit")
func weights() throws {
    let spec = try SetSpec.parse("single leg rdl:right=12x5kg,10x12.5lb,8X20KGS,6×2.5lbs,5x0kg!")
    #expect(spec.exercise == "single leg rdl")
    #expect(spec.side == .right)
    #expect(
        spec.sets == [
            ExerciseSet(reps: 12, weight: Weight(value: 5, unit: .kg)),
            ExerciseSet(reps: 10, weight: Weight(value: 12.5, unit: .lb)),
            ExerciseSet(reps: 8, weight: Weight(value: 20, unit: .kg)),
            ExerciseSet(reps: 6, weight: Weight(value: 2.5, unit: .lb)),
            ExerciseSet(reps: 5, weight: Weight(value: 0, unit: .kg), stoppedForPain: true),
        ])
}

@Test("holds in seconds, minutes and clock form")
func holds() throws {
    let spec = try SetSpec.parse("double-knee-to-chest=45s,1m30s,2m,1:00,30s!")
    #expect(spec.side == nil)
    #expect(spec.sets.map(\.durationSeconds) == [45, 90, 120, 60, 30])
    #expect(spec.sets.allSatisfy { $0.reps == nil && $0.weight == nil })
    #expect(spec.sets.map(\.stoppedForPain) == [false, false, false, false, true])
}

@Test("spaces, case and side abbreviations are forgiven")
func forgiving() throws {
    let spec = try SetSpec.parse(" Bird Dog : Both = 12 , 10 ! ,0 !")
    #expect(spec.exercise == "Bird Dog")
    #expect(spec.side == .both)
    #expect(
        spec.sets == [
            ExerciseSet(reps: 12), ExerciseSet(reps: 10, stoppedForPain: true),
            ExerciseSet(reps: 0, stoppedForPain: true),
        ])
    #expect(try SetSpec.parse("bird-dog:R=1").side == .right)
}

@Test("a bare number is reps, never a hold")
func bareNumberIsReps() throws {
    #expect(try SetSpec.parse("rockback=45").sets == [ExerciseSet(reps: 45)])
}

@Test("the largest plausible typed set is accepted: 1000 reps, 1000 kg, 2200 lb")
func limits() throws {
    #expect(try SetSpec.parse("x=1000").sets[0].reps == 1000)
    #expect(try SetSpec.parse("x=1x1000kg").sets[0].weight == Weight(value: 1000, unit: .kg))
    #expect(try SetSpec.parse("x=1x2200lb").sets[0].weight == Weight(value: 2200, unit: .lb))
}

@Test(
    "typed sets beyond what a body does, and holds of no time, are refused",
    arguments: [
        ("x=1001", "has more than 1000 reps"), ("x=1x1000.5kg", "above 1000 kg"),
        ("x=5x2201lb", "above 2200 lb"), ("x=0s", "hold of 0 seconds"),
        ("x=12,0:00", "hold of 0 seconds"), ("x=0x5kg", "0 reps"),
    ])
func typedLimits(_ text: String, _ part: String) throws {
    let error = try #require(throws: ModelError.self) { try SetSpec.parse(text) }
    #expect(error.kind == .outOfRange)
    #expect(error.description.contains(part), "\(error.description)")
}

@Test("a bad set names the whole argument, its position and the part")
func badSetMessage() throws {
    let error = try #require(throws: ModelError.self) {
        try SetSpec.parse("bird-dog:left=12,1x,10")
    }
    #expect(
        error.description
            == #"--set "bird-dog:left=12,1x,10": set 2 "1x" is not REPS, REPSxWEIGHT or a hold like 45s"#
    )
    #expect(error.fix.contains("12x5kg") && error.fix.contains("45s"))
    #expect(error.field == "--set" && error.input == "bird-dog:left=12,1x,10")
    #expect(error.kind == .invalidSyntax)
}

@Test("a weight without a unit asks for kg or lb")
func missingUnit() throws {
    let error = try #require(throws: ModelError.self) { try SetSpec.parse("bird-dog=10,12x5") }
    #expect(error.kind == .missingUnit)
    #expect(error.description.contains(#"set 2 "12x5""#))
    #expect(error.fix == "add kg or lb: 12x5kg")
}

@Test(
    "every error form names the bad part",
    arguments: [
        ("bird-dog", ModelError.Kind.invalidSyntax, "EXERCISE[:SIDE]=SETS"),
        ("=12", .invalidSyntax, "no exercise"),
        (":left=12", .invalidSyntax, "no exercise"),
        ("bird-dog=", .invalidSyntax, "no sets"),
        ("bird-dog=  ", .invalidSyntax, "no sets"),
        ("bird-dog:up=12", .unknown, #"unknown side "up""#),
        ("bird-dog:=12", .unknown, #"unknown side """#),
        ("bird-dog=12,,10", .invalidSyntax, #"set 2 "" is empty"#),
        ("bird-dog=12,", .invalidSyntax, #"set 2 "" is empty"#),
        ("bird-dog=!", .invalidSyntax, #"set 1 "!" is empty"#),
        ("bird-dog=20000", .outOfRange, #"set 1 "20000" has more than 1000 reps"#),
        ("bird-dog=12,10001x5kg", .outOfRange, #"set 2 "10001x5kg" has more than 1000"#),
        ("bird-dog=99999999999999999999", .outOfRange, "more than 1000"),
        ("bird-dog=12.5", .invalidSyntax, #"set 1 "12.5" is not REPS"#),
        ("bird-dog=x5kg", .invalidSyntax, #"set 1 "x5kg" is not"#),
        ("bird-dog=12x.5kg", .invalidSyntax, #"set 1 "12x.5kg" is not"#),
        ("bird-dog=12x5.kg", .invalidSyntax, #"set 1 "12x5.kg" is not"#),
        ("bird-dog=12x-5kg", .invalidSyntax, #"set 1 "12x-5kg" is not"#),
        ("bird-dog=12x5stone", .unknown, #"unknown unit "stone""#),
        ("bird-dog=12x9999kg", .outOfRange, "above 1000 kg"),
        ("bird-dog=45", .none, ""),
        ("bird-dog=25h", .outOfRange, "longer than 24 hours"),
        ("bird-dog=45 s s", .invalidSyntax, "is not REPS"),
        ("bird-dog=12 reps", .invalidSyntax, "is not REPS"),
        ("bird-dog=1:5", .invalidSyntax, "is not REPS"),
    ] as [(String, ModelError.Kind?, String)])
func errorForms(_ text: String, _ kind: ModelError.Kind?, _ part: String) throws {
    guard let kind else {
        _ = try SetSpec.parse(text)  // the control case: this one parses
        return
    }
    let error = try #require(throws: ModelError.self) { try SetSpec.parse(text) }
    #expect(error.kind == kind)
    #expect(error.description.hasPrefix("--set \"\(text)\": "))
    #expect(error.description.contains(part))
    #expect(!error.fix.isEmpty)
}

@Test("an unknown side's hint lists the sides")
func unknownSideHint() throws {
    let error = try #require(throws: ModelError.self) { try SetSpec.parse("bird-dog:middle=12") }
    #expect(error.fix.contains("left, right or both"))
}

@Test("control characters in the argument are escaped in the message")
func escaping() throws {
    let error = try #require(throws: ModelError.self) { try SetSpec.parse("bird\u{1B}[31m=1x") }
    #expect(!error.description.contains("\u{1B}"))
    #expect(error.description.contains("\\u{1b}"))
}
