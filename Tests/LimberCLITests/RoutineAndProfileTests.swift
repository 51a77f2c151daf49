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

    @Test("a condition no exercise cautions (a typo) is refused; the warnings stay on")
    func typoInCondition() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let before = try snapshot(sandbox.journal, ignoringCache: true)
        let typo = try sandbox.limber("profile", "--add", "heriated-disc")
        #expect(typo.exitCode == 2, "\(typo)")
        #expect(typo.stderrLines.first?.contains("\"heriated-disc\"") == true, "\(typo)")
        #expect(typo.stderr.contains("did you mean herniated-disc?"), "\(typo)")
        #expect(typo.stderr.contains("known conditions: herniated-disc"), "\(typo)")
        try expectUnchanged(sandbox.journal, since: before, ignoringCache: true)
        // A plural or another spelling finds the condition, and says what it took.
        let loose = try sandbox.limber("profile", "--add", "Herniated discs")
        #expect(loose.exitCode == 0, "\(loose)")
        #expect(loose.stderr.contains("took \"Herniated discs\" as herniated-disc"), "\(loose)")
        let routine = try sandbox.limber("log", "--json", "--routine", "sciatica")
        #expect(routine.stderr.contains("skipped double-knee-to-chest"), "\(routine)")
        #expect(
            try routine.decode(SessionJSON.self).entries(of: "double-knee-to-chest").isEmpty)
    }

    @Test("profile --known lists each condition with what it cautions; custom exercises add some")
    func knownConditions() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let known = try sandbox.limber("profile", "--known")
        #expect(known.exitCode == 0, "\(known)")
        #expect(known.stdoutLines.first == "herniated-disc", "\(known)")
        #expect(
            known.stdout.contains(
                "Double knee-to-chest stretch [double-knee-to-chest], contraindicated:"), "\(known)")
        #expect(try sandbox.limber("profile", "--add", "spinal-stenosis").exitCode == 2)
        let added = try sandbox.limber(
            "exercise", "add", "Cobra stretch", "--contraindicated",
            "spinal-stenosis=extension narrows the spinal canal")
        #expect(added.exitCode == 0, "\(added)")
        let now = try sandbox.limber("profile", "--add", "spinal-stenosis")
        #expect(now.exitCode == 0, "\(now)")
        #expect(
            now.stderr.contains(
                "now flagged: cobra-stretch: contraindicated with spinal-stenosis: extension narrows the spinal canal"),
            "\(now)")
        let json = try sandbox.limber("profile", "--known", "--json").jsonArray()
        #expect(json.compactMap { $0["condition"] as? String } == ["herniated-disc", "spinal-stenosis"])
        #expect(json.last?["inProfile"] as? Bool == true)
        let warned = try sandbox.limber("log", "--set", "cobra stretch=5")
        #expect(
            warned.stderr.contains("warning: cobra-stretch: contraindicated with spinal-stenosis: extension narrows"),
            "\(warned)")
    }

    @Test("--skip leaves routine exercises (or one side) out; the rest is marked as prescribed")
    func skipAndPrescribed() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let result = try sandbox.limber(
            "log", "--json", "--routine", "sciatica", "--skip", "rockback", "--skip",
            "diagonal chops:right", "--set", "bird-dog:left=12,12,10!")
        #expect(result.exitCode == 0, "\(result)")
        let session = try result.decode(SessionJSON.self)
        #expect(session.entries(of: "rockback").isEmpty)
        #expect(session.entries(of: "diagonal-chop").map(\.side) == ["left"])
        let birdDog = session.entries(of: "bird-dog")
        #expect(birdDog.map(\.side) == ["left", "right"], "the other side as prescribed")
        #expect(birdDog.map { $0.prescribed == true } == [false, true])
        #expect(birdDog.first?.sets.map(\.reps) == [12, 12, 10])
        for entry in session.entries where entry.exercise != "bird-dog" {
            #expect(entry.prescribed == true, "\(entry.exercise)")
        }
        let id = session.id
        let shown = try sandbox.limber("show", id)
        #expect(shown.stdout.contains("Bird dog (right)  as prescribed (filled in from the routine)"), "\(shown)")
        #expect(!shown.stdout.contains("Bird dog (left)  as prescribed"), "\(shown)")
        let listed = try sandbox.limber("list")
        #expect(listed.stdout.contains("(6 of 7 entries as prescribed)"), "\(listed)")
        let markdown = try sandbox.limber("export", "--format", "markdown")
        #expect(markdown.stdout.contains("*(as prescribed: filled in from the routine, not entered)*"), "\(markdown)")
        let csv = try sandbox.limber("export", "--format", "csv").stdout.components(separatedBy: "\r\n")
        #expect(csv.first?.hasSuffix(",stopped_for_pain,prescribed,symptoms_before,symptoms_after") == true)
        let rows = csv.dropFirst().filter { !$0.isEmpty }
        #expect(rows.filter { $0.hasSuffix(",true,,") }.count == rows.count - 3, "the 3 typed sets are not prescribed")
        // Amending a prescribed entry makes it the person's.
        #expect(try sandbox.limber("amend", id, "--set", "bird-dog:right=8,8").exitCode == 0)
        let amended = try sandbox.limber("show", id, "--json").decode(SessionJSON.self)
        #expect(amended.entries(of: "bird-dog").allSatisfy { $0.prescribed != true })
    }

    @Test("a per-side exercise needs its side; an exercise without sides takes none")
    func sides() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        let missing = try sandbox.limber("log", "--set", "bird dog=12")
        #expect(missing.exitCode == 2, "\(missing)")
        #expect(missing.stderr.contains("bird-dog:left, bird-dog:right or bird-dog:both"), "\(missing)")
        let needless = try sandbox.limber("log", "--set", "rockback:left=12")
        #expect(needless.exitCode == 2, "\(needless)")
        #expect(needless.stderr.contains("has no sides"), "\(needless)")
        for (typed, side) in [("l", "left"), ("R", "right"), ("both", "both")] {
            let logged = try sandbox.limber("log", "--json", "--set", "bird-dog:\(typed)=12")
            #expect(try logged.decode(SessionJSON.self).entries.first?.side == side, "\(logged)")
        }
        let id = try sandbox.logSession(
            "--set", "single-leg-romanian-deadlift:left=10x8kg", "--set",
            "single-leg-romanian-deadlift:right=10x8kg")
        let amend = try sandbox.limber("amend", id, "--set", "single-leg-romanian-deadlift=8x8kg")
        #expect(amend.exitCode == 2, "\(amend)")
        #expect(
            amend.stderr.contains(
                "this session has single-leg-romanian-deadlift:left and single-leg-romanian-deadlift:right"),
            "\(amend)")
        let entries = try sandbox.limber("show", id, "--json").decode(SessionJSON.self).entries
        #expect(entries.map(\.side) == ["left", "right"], "no third, side-less entry")
        #expect(try sandbox.limber("amend", id, "--set", "single leg rdl:r=8x8kg").exitCode == 0)
        // A side-less entry of a per-side exercise (the nerve glide as prescribed) can be
        // named as it is.
        let routine = try sandbox.logSession("--routine", "sciatica")
        let glide = try sandbox.limber("amend", routine, "--set", "sciatic-nerve-glide=10,10")
        #expect(glide.exitCode == 0, "\(glide)")
    }
}
