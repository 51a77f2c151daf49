import FoundationEssentials
import JournalModel
import Testing

@Test("weight units parse in any case and with a plural s")
func weightUnits() {
    #expect(WeightUnit(parsing: "KG") == .kg)
    #expect(WeightUnit(parsing: "kgs") == .kg)
    #expect(WeightUnit(parsing: "Lbs") == .lb)
    #expect(WeightUnit(parsing: "lb") == .lb)
    #expect(WeightUnit(parsing: "stone") == nil)
    #expect(WeightUnit(parsing: "") == nil)
}

@Test("weights code as {unit, value} and integral values have no fraction")
func weightCoding() throws {
    let encoder = JSONCoding.encoder()
    #expect(
        String(decoding: try encoder.encode(Weight(value: 5, unit: .kg)), as: UTF8.self)
            == #"{"unit":"kg","value":5}"#)
    #expect(
        String(decoding: try encoder.encode(Weight(value: 12.5, unit: .lb)), as: UTF8.self)
            == #"{"unit":"lb","value":12.5}"#)
    #expect(Weight(value: 12.5, unit: .lb).description == "12.5lb")
    #expect(Weight(value: 5, unit: .kg).description == "5kg")
}

@Test("weights must be finite and within 0…5000", arguments: [-1, .nan, .infinity, 5000.5])
func badWeights(_ value: Double) {
    #expect(throws: ModelError.self) { try Weight(value: value, unit: .kg).validate() }
}

@Test("sides and set kinds parse")
func sidesAndKinds() {
    #expect(Side(parsing: "LEFT") == .left)
    #expect(Side(parsing: "r") == .right)
    #expect(Side(parsing: " both ") == .both)
    #expect(Side(parsing: "up") == nil)
    #expect(SetKind(parsing: "W") == .warmup)
    #expect(SetKind(parsing: "dropset") == .drop)
    #expect(SetKind(parsing: "failure") == .failure)
    #expect(SetKind(parsing: "") == .normal)
    #expect(SetKind(parsing: "super") == nil)
}

@Test(
    "set validation catches each bad measure",
    arguments: [
        ExerciseSet(reps: -1), ExerciseSet(reps: 10_001),
        ExerciseSet(weight: Weight(value: -5, unit: .kg)),
        ExerciseSet(durationSeconds: -1), ExerciseSet(durationSeconds: .nan),
        ExerciseSet(distanceMeters: -0.5), ExerciseSet(distanceMeters: .infinity),
        ExerciseSet(rpe: 10.5), ExerciseSet(rpe: -1),
    ])
func badSets(_ set: ExerciseSet) throws {
    let error = try #require(throws: ModelError.self) { try set.validate(field: "bird-dog set 3") }
    #expect(error.kind == .outOfRange)
    #expect(error.description.hasPrefix("bird-dog set 3"))
}

@Test("plausible sets validate")
func goodSets() throws {
    try ExerciseSet().validate()
    try ExerciseSet(
        kind: .warmup, reps: 0, weight: Weight(value: 0, unit: .lb), durationSeconds: 0,
        distanceMeters: 0, rpe: 10
    ).validate()
    try Entry(exercise: "bird-dog", side: .left, sets: [ExerciseSet(reps: 12)]).validate()
    #expect(throws: ModelError.self) { try Entry(exercise: "Bird Dog").validate() }
}

@Test("messages quote input safely: escaped, one line, bounded")
func quoting() throws {
    let long = String(repeating: "a", count: 200)
    let error = try #require(throws: ModelError.self) {
        try PainScore(parsing: long, field: "--pain-after")
    }
    #expect(error.description.count < 150)
    #expect(error.description.contains("…"))
    let newline = try #require(throws: ModelError.self) {
        try PainScore(parsing: "1\n2\"", field: "--pain-after")
    }
    #expect(!newline.description.contains("\n"))
    #expect(newline.description.contains(#"1\n2\""#))
}

@Test("a model error is a user-facing usage error with a hint")
func userFacing() throws {
    let error = try #require(throws: ModelError.self) {
        try DurationText.parse("5", field: "--duration")
    }
    let userFacing: any UserFacingError = error
    #expect(userFacing.exitCode == 2)
    #expect(userFacing.hint != nil)
    #expect(userFacing.description == error.description)
}

@Suite("profile frequencies")
struct ProfileFrequencyTests {
    @Test("a profile without frequencies reads and writes as before; hostile ones are dropped")
    func coding() throws {
        let old = try JSONDecoder().decode(Profile.self, from: Data(#"{"conditions":["herniated-disc"]}"#.utf8))
        #expect(old.sessionsPerWeek.isEmpty && old.conditions == [.herniatedDisc])
        let encoded = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        #expect(!encoded.contains("sessionsPerWeek"))
        let hostile = try JSONDecoder().decode(
            Profile.self,
            from: Data(#"{"conditions":["herniated-disc"],"sessionsPerWeek":{"sciatica":3,"core":99,"../x":2}}"#.utf8))
        #expect(hostile.sessionsPerWeek == ["sciatica": 3])
        #expect(hostile.conditions == [.herniatedDisc])
        let wrongType = try JSONDecoder().decode(
            Profile.self, from: Data(#"{"conditions":[],"sessionsPerWeek":"often"}"#.utf8))
        #expect(wrongType.sessionsPerWeek.isEmpty)
    }

    @Test("setting and clearing a frequency keeps the conditions")
    func setting() {
        var profile = Profile(conditions: [.herniatedDisc])
        profile.setSessionsPerWeek(3, for: "sciatica")
        profile.insert(.herniatedDisc)
        #expect(profile.sessionsPerWeek == ["sciatica": 3] && profile.conditions == [.herniatedDisc])
        profile.setSessionsPerWeek(nil, for: "sciatica")
        #expect(profile.sessionsPerWeek.isEmpty)
    }
}
