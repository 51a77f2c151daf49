import JournalModel
import Testing

@testable import Interchange

/// One row of VARIANTS.md's tables: the counts a variant file must import to.
struct VariantCounts: Sendable, CustomTestStringConvertible {
    let file: String
    let format: ImportFormat
    let sessions: Int
    let sets: Int
    let kinds: [SetKind: Int]
    let restTimers: Int

    var testDescription: String { file }
}

// Limber has no workout titles: a Strong or Hevy workout's name becomes the first line of the
// session's notes, its notes (Strong `Workout Notes`, Hevy `description`) the lines after
// (StrongImporter.notes). VARIANTS.md lists title and notes apart; the expectations below
// join them that way.

@Suite("variant layouts (Fixtures/imports/VARIANTS.md)")
struct VariantTests {
    static let counts: [VariantCounts] = [
        VariantCounts(
            file: "variants/strong-2019-semicolon.csv", format: .strong, sessions: 4, sets: 18,
            kinds: kinds(normal: 18), restTimers: 0),
        VariantCounts(
            file: "variants/strong-quoted-units.csv", format: .strong, sessions: 2, sets: 15,
            kinds: kinds(normal: 12, warmup: 1, drop: 2), restTimers: 9),
        VariantCounts(
            file: "variants/strong-french.csv", format: .strong, sessions: 4, sets: 12,
            kinds: kinds(normal: 12), restTimers: 9),
        VariantCounts(
            file: "variants/strong-12h.csv", format: .strong, sessions: 3, sets: 9,
            kinds: kinds(normal: 7, warmup: 1, drop: 1), restTimers: 0),
        VariantCounts(
            file: "variants/hevy-imperial.csv", format: .hevy, sessions: 3, sets: 18,
            kinds: kinds(normal: 12, warmup: 3, drop: 2, failure: 1), restTimers: 0),
        VariantCounts(
            file: "variants/hevy-us-dates.csv", format: .hevy, sessions: 3, sets: 16,
            kinds: kinds(normal: 12, warmup: 2, drop: 1, failure: 1), restTimers: 0),
        VariantCounts(
            file: "variants/fitnotes-lbs-header.csv", format: .fitnotes, sessions: 3, sets: 14,
            kinds: kinds(normal: 14), restTimers: 0),
        VariantCounts(
            file: "variants/fitnotes-cardio.csv", format: .fitnotes, sessions: 3, sets: 16,
            kinds: kinds(normal: 16), restTimers: 0),
        VariantCounts(
            file: "bad/utf8-bom-ok.csv", format: .fitnotes, sessions: 2, sets: 8,
            kinds: kinds(normal: 8), restTimers: 0),
    ]

    @Test(
        "each variant imports to the sessions, sets, kinds and skipped rest timers listed",
        arguments: counts)
    func variantCounts(_ expected: VariantCounts) throws {
        let data = try importFixture(expected.file)
        #expect(data.format == expected.format)
        #expect(data.sessions.count == expected.sessions)
        #expect(data.setCount == expected.sets)
        #expect(data.kindCounts == expected.kinds)
        #expect(
            data.skipped["rest timer rows"]
                == (expected.restTimers == 0 ? nil : expected.restTimers))
        #expect(data.skipped.values.reduce(0, +) == expected.restTimers)
    }

    @Test("Strong 2019: semicolons, a unit per row, km and mi distances, built-in Bird Dog")
    func strong2019() throws {
        let data = try importFixture("variants/strong-2019-semicolon.csv")
        try #require(data.sessions.count == 4)
        let (s1, s2, s3, s4) = (
            data.sessions[0], data.sessions[1], data.sessions[2], data.sessions[3]
        )
        #expect(s1.start.rfc3339 == "2019-03-04T18:12:11+01:00")
        #expect(s1.durationSeconds == nil)
        #expect(s1.notes == "Push A\nGym busy, waited for the rack")
        #expect(
            s1.entry("bench-press-barbell")?.sets.dropFirst(2).first
                == ExerciseSet(reps: 5, weight: Weight(value: 62.5, unit: .kg), rpe: 9.5))
        #expect(s1.entry("push-up")?.sets.first == ExerciseSet(reps: 15))
        #expect(data.customExercise("overhead-press-barbell")?.name == "Overhead Press (Barbell)")
        #expect(
            s1.entry("overhead-press-barbell")?.notes == #"Strict; no leg drive, "slow" lowering"#)
        #expect(s2.notes == "Morning Run")
        #expect(
            s2.entry("running")?.sets.first
                == ExerciseSet(durationSeconds: 1716, distanceMeters: 5200))
        #expect(
            s2.entry("cycling")?.sets.first
                == ExerciseSet(durationSeconds: 720, distanceMeters: 4988.9664))
        #expect(s3.start.rfc3339 == "2019-03-08T17:45:02+01:00")
        #expect(
            s3.entry("squat-barbell")?.sets.dropFirst(2).first
                == ExerciseSet(reps: 3, weight: Weight(value: 202.5, unit: .lb), rpe: 9))
        #expect(s3.entry("plank")?.sets.first == ExerciseSet(durationSeconds: 60))
        #expect(s4.start.rfc3339 == "2019-03-08T20:02:15+01:00")
        #expect(s4.entry("bird-dog")?.sets.count == 2)
        #expect(data.customExercise("bird-dog") == nil)
        #expect(s4.entry("stretching")?.sets.first == ExerciseSet(durationSeconds: 300))
    }

    @Test("Strong 6: units in quoted headers, rest timers skipped, converted kg kept to the digit")
    func strongQuotedUnits() throws {
        let data = try importFixture("variants/strong-quoted-units.csv")
        try #require(data.sessions.count == 2)
        let (s1, s2) = (data.sessions[0], data.sessions[1])
        #expect(s1.start.rfc3339 == "2025-03-18T18:04:51+01:00")
        #expect(s1.durationSeconds == 4920)
        #expect(s1.notes == "Upper A\nElbow fine, deload next week")
        let bench = try #require(s1.entry("bench-press-barbell"))
        #expect(bench.sets.count == 5)
        #expect(
            bench.sets.first
                == ExerciseSet(
                    kind: .warmup, reps: 10, weight: Weight(value: 43.09127515, unit: .kg)))
        #expect(
            bench.sets.last
                == ExerciseSet(kind: .drop, reps: 8, weight: Weight(value: 61.23496995, unit: .kg)))
        let raise = try #require(s1.entry("lateral-raise-dumbbell"))
        #expect(
            raise.sets.first == ExerciseSet(reps: 15, weight: Weight(value: 6.80388555, unit: .kg)))
        #expect(raise.notes == #"Cable taken, used DBs: "light" day"#)
        #expect(s1.entry("pull-up")?.sets.first == ExerciseSet(reps: 8))
        #expect(
            s2.entry("rowing-machine")?.sets.first
                == ExerciseSet(durationSeconds: 492, distanceMeters: 2000))
        #expect(s2.entry("plank")?.sets.dropFirst().first == ExerciseSet(durationSeconds: 60))
        #expect(
            s2.entry("goblet-squat-kettlebell")?.sets.dropFirst().first
                == ExerciseSet(reps: 12, weight: Weight(value: 15.87573295, unit: .kg), rpe: 8.5))
        #expect(data.assumptions.isEmpty, "the header names the unit")
    }

    @Test("Strong in French: translated headers, Minuteur de repos, 1h 22m, 9min and 11s")
    func strongFrench() throws {
        let data = try importFixture("variants/strong-french.csv")
        try #require(data.sessions.count == 4)
        let (s1, s2, s3, s4) = (
            data.sessions[0], data.sessions[1], data.sessions[2], data.sessions[3]
        )
        #expect(s1.start.rfc3339 == "2025-12-30T20:57:41+01:00")
        #expect(s1.durationSeconds == 4920)
        #expect(s1.notes == "Entraînement du soir\nBonne séance, épaule OK")
        let press = try #require(s1.entry("developpe-couche-barre"))
        #expect(press.sets.count == 3)
        #expect(press.notes == #"Prise serrée, coudes "rentrés""#)
        #expect(data.customExercise("developpe-couche-barre")?.name == "Développé couché (Barre)")
        #expect(s2.durationSeconds == 49 * 60)
        #expect(
            s2.entry("squat-barre")?.sets.dropFirst(2).first
                == ExerciseSet(reps: 4, weight: Weight(value: 85, unit: .kg), rpe: 9.5))
        #expect(s2.entry("gainage")?.sets.first == ExerciseSet(durationSeconds: 45))
        #expect(s3.durationSeconds == 540)
        #expect(s3.notes == "Échauffement / Étirements")
        #expect(s3.entry("etirement")?.sets.count == 2)
        #expect(data.customExercise("etirement")?.name == "Étirement")
        #expect(s4.start.rfc3339 == "2026-01-05T18:40:00+01:00")
        #expect(s4.durationSeconds == 11)
        #expect(s4.notes == "Entraînement du soir")
        #expect(
            s4.entry("developpe-couche-barre")?.sets == [
                ExerciseSet(reps: 1, weight: Weight(value: 60, unit: .kg))
            ])
        #expect(s1.id != s4.id, "same name, different start: two sessions")
        #expect(data.assumptions.isEmpty, "the unit was given, nothing is assumed")
    }

    @Test("Strong without units and without --unit: refused, showing two rows to decide by")
    func strongUnitNotStated() throws {
        for file in ["variants/strong-french.csv", "strong/sample_strong.csv"] {
            let path = FixturePaths.imports(file)
            let error = try #require(throws: ImportError.self) {
                try Importer.read(path, options: ImportOptions(zone: testZone), catalog: Catalog())
            }
            guard case .unitNotStated(let samples) = error.kind else {
                Issue.record("\(file): \(error)")
                continue
            }
            #expect(samples.count == 2, "\(samples)")
            #expect(samples.allSatisfy { $0.hasPrefix("line ") }, "\(samples)")
            #expect(error.exitCode == 2)
            #expect(error.details.count == 3, "the description, then the two rows")
            #expect(error.hint?.contains("--unit kg") == true)
        }
    }

    @Test("Strong 12-hour times: 5:30:00 PM after U+202F, noon and just after midnight")
    func strong12Hour() throws {
        let data = try importFixture("variants/strong-12h.csv")
        try #require(data.sessions.count == 3)
        let (s1, s2, s3) = (data.sessions[0], data.sessions[1], data.sessions[2])
        #expect(s1.start.rfc3339 == "2025-01-29T17:30:00+01:00")
        #expect(s1.durationSeconds == 3840)
        let deadlift = try #require(s1.entry("deadlift-barbell"))
        #expect(
            deadlift.sets.first
                == ExerciseSet(kind: .warmup, reps: 5, weight: Weight(value: 60, unit: .kg)))
        #expect(deadlift.notes == #"Mixed grip, "hook" on the last set"#)
        #expect(s2.start.rfc3339 == "2025-01-30T12:34:56+01:00")
        #expect(s2.durationSeconds == 2940)
        #expect(s2.notes == "Lunch Lift\nShort on time")
        #expect(
            s2.entry("lateral-raise-dumbbell")?.sets.dropFirst().first
                == ExerciseSet(kind: .drop, reps: 10, weight: Weight(value: 6, unit: .kg)))
        #expect(s2.entry("chin-up")?.sets.first == ExerciseSet(reps: 6))
        #expect(s3.start.rfc3339 == "2025-02-01T00:04:10+01:00")
        #expect(s3.durationSeconds == 1320)
        #expect(s3.entry("cycling-indoor")?.sets.first == ExerciseSet(durationSeconds: 1200))
    }

    @Test("Hevy imperial: lb kept, miles to meters, CRLF, literal \\n in a description")
    func hevyImperial() throws {
        let data = try importFixture("variants/hevy-imperial.csv")
        try #require(data.sessions.count == 3)
        let (s1, s2, s3) = (data.sessions[0], data.sessions[1], data.sessions[2])
        #expect(s1.start.rfc3339 == "2025-09-15T07:48:00+01:00")
        #expect(s1.durationSeconds == 4260)
        #expect(s1.notes == "Upper // Push\nDeload week\nShoulder felt fine, kept it at RPE 8")
        #expect(
            s1.entry("bench-press-barbell")?.sets.dropFirst(4).first
                == ExerciseSet(
                    kind: .failure, reps: 4, weight: Weight(value: 185, unit: .lb), rpe: 10))
        #expect(
            s1.entry("triceps-rope-pushdown")?.sets.dropFirst().first
                == ExerciseSet(kind: .drop, reps: 8, weight: Weight(value: 44.09, unit: .lb)))
        let raise = try #require(s1.entry("lateral-raise-dumbbell"))
        #expect(raise.notes == #"Lean in, "pinkies up""#)
        #expect(raise.sets.count == 2)
        #expect(
            s2.entry("running")?.sets.first
                == ExerciseSet(durationSeconds: 1620, distanceMeters: 4988.9664))
        #expect(s2.entry("plank")?.sets.first == ExerciseSet(durationSeconds: 90))
        #expect(s2.entry("hanging-leg-raise")?.sets.first == ExerciseSet(reps: 12))
        #expect(s3.start.rfc3339 == "2025-09-18T07:51:00+01:00")
        #expect(s3.durationSeconds == 2940)
        #expect(s3.notes == "Upper // Push")
        #expect(s1.id != s3.id, "same title, different start: two sessions")
    }

    @Test("hevy.com US dates: May 7, 2026, 6:13 AM, a real line break, a workout past midnight")
    func hevyUSDates() throws {
        let data = try importFixture("variants/hevy-us-dates.csv")
        try #require(data.sessions.count == 3)
        let (s1, s2, s3) = (data.sessions[0], data.sessions[1], data.sessions[2])
        #expect(s1.start.rfc3339 == "2026-05-07T06:13:00+01:00")
        #expect(s1.durationSeconds == 4080)
        #expect(s1.notes == "Push Day\nFelt good.\nNew bench PR!")
        #expect(
            s1.entry("bench-press-barbell")?.sets.dropFirst(3).first
                == ExerciseSet(
                    kind: .failure, reps: 4, weight: Weight(value: 82.5, unit: .kg), rpe: 10))
        #expect(s1.entry("overhead-press-dumbbell")?.notes == #"Seated, back "fully" supported"#)
        #expect(s2.start.rfc3339 == "2026-05-08T12:40:00+01:00")
        #expect(s2.durationSeconds == 3120)
        #expect(
            s2.entry("cycling")?.sets.first
                == ExerciseSet(durationSeconds: 1800, distanceMeters: 12350))
        #expect(
            s2.entry("romanian-deadlift-dumbbell")?.sets.dropFirst().first
                == ExerciseSet(kind: .drop, reps: 10, weight: Weight(value: 25, unit: .kg)))
        #expect(s3.start.rfc3339 == "2026-05-09T23:20:00+01:00")
        #expect(s3.durationSeconds == 2700)
        let birdDog = try #require(s3.entry("bird-dog"))
        #expect(birdDog.sets.count == 2)
        #expect(birdDog.sets.first == ExerciseSet(reps: 12))
        #expect(data.customExercise("bird-dog") == nil)
    }

    @Test("FitNotes with Weight (lbs) in the header: every weight in lb, one session per day")
    func fitNotesPoundsHeader() throws {
        let data = try importFixture("variants/fitnotes-lbs-header.csv")
        try #require(data.sessions.count == 3)
        let (s1, s2, s3) = (data.sessions[0], data.sessions[1], data.sessions[2])
        #expect(s1.start.rfc3339 == "2024-02-12T00:00:00+01:00")
        #expect(s1.durationSeconds == nil)
        #expect(s1.notes == nil)
        #expect(
            s1.entry("flat-barbell-bench-press")?.sets.first
                == ExerciseSet(reps: 10, weight: Weight(value: 135, unit: .lb)))
        #expect(data.customExercise("dumbbell-lateral-raise")?.name == "Dumbbell Lateral Raise")
        #expect(s1.entry("dumbbell-lateral-raise")?.notes == #"Slow, "controlled" reps"#)
        #expect(
            s2.entry("seated-calf-raise-machine")?.sets.dropFirst().first
                == ExerciseSet(reps: 15, weight: Weight(value: 92.5, unit: .lb)))
        let squat = try #require(s2.entry("barbell-squat"))
        #expect(squat.notes == "Belt on")
        #expect(squat.sets.count == 3)
        #expect(
            s3.entry("lat-pulldown")?.sets.dropFirst().first
                == ExerciseSet(reps: 8, weight: Weight(value: 127.5, unit: .lb)))
        #expect(data.sessions.flatMap(\.allSets).allSatisfy { $0.weight?.unit == .lb })
    }

    @Test("FitNotes cardio: km, mi and m to meters, H:MM:SS to seconds, built-in names")
    func fitNotesCardio() throws {
        let data = try importFixture("variants/fitnotes-cardio.csv")
        try #require(data.sessions.count == 3)
        let (s1, s2, s3) = (data.sessions[0], data.sessions[1], data.sessions[2])
        let run = try #require(s1.entry("running-outdoor"))
        #expect(run.sets.first == ExerciseSet(durationSeconds: 1530, distanceMeters: 5000))
        #expect(run.notes == #"Easy pace, "conversational""#)
        #expect(s1.entry("plank")?.sets.first == ExerciseSet(durationSeconds: 90))
        #expect(s1.entry("bird-dog")?.sets == [ExerciseSet(reps: 12), ExerciseSet(reps: 12)])
        #expect(
            s2.entry("cycling")?.sets.first
                == ExerciseSet(durationSeconds: 3723, distanceMeters: 20500))
        #expect(
            s2.entry("walking-treadmill")?.sets.first
                == ExerciseSet(durationSeconds: 1200, distanceMeters: 2011.68))
        let rdl = try #require(s2.entry("single-leg-romanian-deadlift"))
        #expect(rdl.sets.count == 3)
        #expect(rdl.sets.last == ExerciseSet(reps: 9, weight: Weight(value: 16, unit: .kg)))
        #expect(rdl.notes == "Left side weaker")
        #expect(
            s3.entry("rowing-machine")?.sets.first
                == ExerciseSet(durationSeconds: 492, distanceMeters: 2000))
        #expect(s3.entry("elliptical-trainer")?.sets.first == ExerciseSet(durationSeconds: 1800))
        #expect(
            s3.entry("running-treadmill")?.sets.first
                == ExerciseSet(durationSeconds: 114, distanceMeters: 402.336))
        #expect(
            s3.entry("dumbbell-curl")?.sets.first
                == ExerciseSet(reps: 10, weight: Weight(value: 25, unit: .lb)))
        #expect(data.customExercise("bird-dog") == nil)
        #expect(data.customExercise("single-leg-romanian-deadlift") == nil)
    }

    // VARIANTS.md (fitnotes-cardio spot 5) says `lunge-each-side` with no side; the importer's
    // documented rule (ExerciseResolver) and the brief say a side named in the name is kept:
    // the per-side custom exercise `lunge`, done on both sides. The test follows the code's rule.
    @Test("Lunge (Each Side) is the per-side custom exercise lunge, done on both sides")
    func perSideName() throws {
        let data = try importFixture("variants/fitnotes-cardio.csv")
        let session = try #require(data.sessions.dropFirst().first)
        let lunge = try #require(session.entry("lunge", side: .both))
        #expect(
            lunge.sets
                == Array(
                    repeating: ExerciseSet(reps: 10, weight: Weight(value: 12.5, unit: .kg)),
                    count: 2))
        let exercise = try #require(data.customExercise("lunge"))
        #expect(exercise.perSide)
        #expect(exercise.name == "Lunge")
        #expect(data.customExercise("lunge-each-side") == nil)
    }

    @Test("an exercise note with a line break, repeated on every row, is kept once")
    func multiLineNoteKeptOnce() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let hevy = try folder.write(
            "hevy.csv",
            """
            "title","start_time","end_time","exercise_title","exercise_notes","set_index","set_type","weight_kg","reps"
            "Legs","15 Sep 2025, 07:48","15 Sep 2025, 08:30","Calf Press","Heavy\\nslow",0,"normal",100,10
            "Legs","15 Sep 2025, 07:48","15 Sep 2025, 08:30","Calf Press","Heavy\\nslow",1,"normal",100,10
            "Legs","15 Sep 2025, 07:48","15 Sep 2025, 08:30","Calf Press","Heavy\\nslow",2,"normal",100,9

            """)
        let hevyData = try importFile(hevy)
        #expect(hevyData.sessions.first?.entry("calf-press")?.notes == "Heavy\nslow")
        let strong = try folder.write(
            "strong.csv",
            """
            Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Notes
            2025-01-01 10:00:00,A,Squat,1,100,5,"Belt on
            knees out"
            2025-01-01 10:00:00,A,Squat,2,100,5,"Belt on
            knees out"

            """)
        let strongData = try importFile(strong)
        #expect(strongData.sessions.first?.entry("squat")?.notes == "Belt on\nknees out")
    }

    @Test("a FitNotes file behind a UTF-8 byte-order mark imports as if it had none")
    func utf8ByteOrderMark() throws {
        let data = try importFixture("bad/utf8-bom-ok.csv")
        try #require(data.sessions.count == 2)
        let (s1, s2) = (data.sessions[0], data.sessions[1])
        #expect(s1.start.rfc3339 == "2025-05-19T00:00:00+01:00")
        let bench = try #require(s1.entry("flat-barbell-bench-press"))
        #expect(
            bench.sets.dropFirst().first
                == ExerciseSet(reps: 6, weight: Weight(value: 62.5, unit: .kg)))
        #expect(bench.notes == #"Paused, "touch and go" last rep"#)
        #expect(s2.entry("bird-dog")?.sets.count == 1)
        #expect(s2.entry("plank")?.sets.first == ExerciseSet(durationSeconds: 45))
    }
}
