import Foundation
import Testing

/// The seed routine (DESIGN §6) in routine order.
let sciaticaExercises = [
    "single-leg-romanian-deadlift", "rockback", "bird-dog", "diagonal-chop",
    "sciatic-nerve-glide", "double-knee-to-chest",
]

/// The per-side exercises prescribed as 3 sets a side.
let sciaticaPerSide = ["single-leg-romanian-deadlift", "bird-dog", "diagonal-chop"]

@Suite("routines and the profile")
struct RoutineAndProfileTests {
    /// Checks the prescribed entries of the sciatica routine for `exercise`.
    static func expectPrescribed(
        _ session: SessionJSON, _ exercise: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let entries = session.entries(of: exercise)
        switch exercise {
        case _ where sciaticaPerSide.contains(exercise):
            #expect(
                entries.map(\.side) == ["left", "right"], "\(exercise)",
                sourceLocation: sourceLocation)
            #expect(
                entries.map(\.sets.count) == [3, 3], "\(exercise)", sourceLocation: sourceLocation)
            let reps = entries.flatMap(\.sets).compactMap(\.reps)
            #expect(
                reps.count == 6 && reps.allSatisfy { (10...12).contains($0) },
                "\(exercise): \(reps)", sourceLocation: sourceLocation)
            #expect(
                entries.flatMap(\.sets).allSatisfy { $0.weight == nil && !$0.stoppedForPain },
                sourceLocation: sourceLocation)
        case "rockback":
            #expect(entries.count == 1, sourceLocation: sourceLocation)
            #expect(entries.first?.side == nil, sourceLocation: sourceLocation)
            #expect(entries.first?.sets.count == 3, sourceLocation: sourceLocation)
            #expect(
                entries.first?.sets.allSatisfy { (10...12).contains($0.reps ?? 0) } == true,
                sourceLocation: sourceLocation)
        case "double-knee-to-chest":
            #expect(entries.count == 1, sourceLocation: sourceLocation)
            let holds = entries.first?.sets.map(\.durationSeconds) ?? []
            #expect(
                !holds.isEmpty && holds.allSatisfy { (30...60).contains($0 ?? 0) }, "\(holds)",
                sourceLocation: sourceLocation)
        default:
            #expect(!entries.isEmpty, "\(exercise) not logged", sourceLocation: sourceLocation)
            #expect(entries.allSatisfy { !$0.sets.isEmpty }, sourceLocation: sourceLocation)
        }
    }

    @Test("--routine sciatica logs the six exercises as prescribed")
    func routineAsPrescribed() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let result = try sandbox.limber("log", "--json", "--routine", "sciatica")
        #expect(result.exitCode == 0, "\(result)")
        expectDesignKeys(try result.jsonObject(), extra: ["conflicted"])
        let session = try result.decode(SessionJSON.self)
        #expect(session.routine == "sciatica")
        #expect(session.exercises == sciaticaExercises)
        for exercise in sciaticaExercises { Self.expectPrescribed(session, exercise) }
    }

    @Test("--set overrides one exercise of the routine; the rest stay as prescribed")
    func routineWithOverride() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let session = try sandbox.limber(
            "log", "--json", "--routine", "sciatica", "--set", "rockback=8,8",
            "--pain-before", "6", "--pain-after", "4"
        ).decode(SessionJSON.self)
        #expect(Set(session.exercises) == Set(sciaticaExercises))
        let rockbacks = session.entries(of: "rockback")
        #expect(rockbacks.count == 1)
        #expect(rockbacks.first?.sets.map(\.reps) == [8, 8])
        for exercise in sciaticaExercises where exercise != "rockback" {
            Self.expectPrescribed(session, exercise)
        }
        #expect(session.painBefore == 6)
        #expect(session.painAfter == 4)
    }

    @Test("profile --add herniated-disc is kept and listed")
    func profileAdd() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let added = try sandbox.limber("profile", "--add", "herniated-disc")
        #expect(added.exitCode == 0, "\(added)")
        let shown = try sandbox.limber("profile", "--json")
        #expect(shown.exitCode == 0, "\(shown)")
        let conditions = try shown.jsonObject()["conditions"] as? [String]
        #expect(conditions == ["herniated-disc"])
        let text = try sandbox.limber("profile")
        #expect(text.stdout.contains("herniated-disc"), "\(text)")
    }

    @Test("with a herniated disc, logging the knee-to-chest stretch works but warns")
    func contraindicatedWarning() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        #expect(try sandbox.limber("profile", "--add", "herniated-disc").exitCode == 0)
        let result = try sandbox.limber("log", "--set", "double-knee-to-chest=45s")
        #expect(result.exitCode == 0, "\(result)")
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(UUID(uuidString: id) != nil, "\(result)")
        let warning = result.stderr.lowercased()
        #expect(
            warning.contains("herniated disc") || warning.contains("herniated-disc"), "\(result)")
        #expect(warning.contains("contraindicated"), "\(result)")
        let listed = try sandbox.limber("list", "--json").decode([SessionJSON].self)
        #expect(listed.map(\.id) == [id])
        #expect(listed.first?.entries.first?.sets.first?.durationSeconds == 45)
    }

    @Test("without that condition there is no warning")
    func noWarningWithoutProfile() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let result = try sandbox.limber("log", "--set", "double-knee-to-chest=45s")
        #expect(result.exitCode == 0, "\(result)")
        #expect(
            UUID(uuidString: result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) != nil)
        #expect(!result.stderr.lowercased().contains("contraindicated"), "\(result)")
    }

    @Test("routine show sciatica shows the contraindication for a herniated disc")
    func routineShowCaution() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        #expect(try sandbox.limber("profile", "--add", "herniated-disc").exitCode == 0)
        let result = try sandbox.limber("routine", "show", "sciatica")
        #expect(result.exitCode == 0, "\(result)")
        let text = result.stdout.lowercased()
        for exercise in sciaticaExercises { #expect(text.contains(exercise), "\(exercise)") }
        #expect(text.contains("contraindicated"), "\(result)")
        #expect(text.contains("herniated"), "\(result)")
    }

    @Test("--routine sciatica with a herniated disc skips the knee-to-chest stretch and says so")
    func routineSkipsContraindicated() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        #expect(try sandbox.limber("profile", "--add", "herniated-disc").exitCode == 0)
        let result = try sandbox.limber("log", "--json", "--routine", "sciatica")
        #expect(result.exitCode == 0, "\(result)")
        let session = try result.decode(SessionJSON.self)
        #expect(session.exercises == sciaticaExercises.filter { $0 != "double-knee-to-chest" })
        #expect(result.stderr.contains("double-knee-to-chest"), "\(result)")
        #expect(result.stderr.lowercased().contains("skip"), "\(result)")
    }
}
