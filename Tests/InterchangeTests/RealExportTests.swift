import JournalModel
import Testing

@testable import Interchange

// The expected numbers below were derived independently of the importer, with a small Python
// script (`csv.reader` over each file, blank rows dropped): sessions = distinct grouping keys
// (Strong: `Date` + `Workout Name`; Hevy: `start_time` + `title`; FitNotes: `Date`), sets =
// rows that are not Strong rest timers, kinds from Strong's `Set Order` (W/D/F, else normal)
// and Hevy's `set_type` (`dropset` = drop). Spot values were read off the files by hand.

@Suite("real exports of other apps")
struct RealExportTests {
    @Test("Strong's sample export gives 15 workouts of 250 normal sets")
    func strongSample() throws {
        let data = try RealExports.read("strong/sample_strong.csv")
        #expect(data.format == .strong)
        #expect(data.sessions.count == 15)
        #expect(data.setCount == 250)
        #expect(data.records == 250)
        #expect(data.kindCounts == kinds(normal: 250))
        #expect(data.skipped.isEmpty)
        #expect(data.sessions.prefix(3).map(\.allSets.count) == [10, 12, 16])
    }

    @Test("the first Strong workout keeps its local start, duration, name and first set")
    func strongSampleFirstSession() throws {
        let data = try RealExports.read("strong/sample_strong.csv")
        let first = try #require(data.sessions.first)
        #expect(first.start.rfc3339 == "2024-11-28T17:36:08+01:00")
        #expect(first.durationSeconds == 35 * 60)
        #expect(first.notes == "B")
        #expect(
            first.entries.map(\.exercise) == [
                "bent-over-row-barbell", "bicep-curl-barbell", "lat-pulldown-machine",
            ])
        let row = try #require(first.entry("bent-over-row-barbell"))
        #expect(row.sets.map(\.reps) == [13, 16, 17])
        #expect(row.sets.first?.weight == Weight(value: 10, unit: .kg))
    }

    @Test("a Strong weight of 0 is body weight and 1h 15m is 4500 s")
    func strongSampleSpots() throws {
        let data = try RealExports.read("strong/sample_strong.csv")
        let midday = try #require(data.sessions.dropFirst().first)
        #expect(midday.start.rfc3339 == "2025-08-19T13:47:15+01:00")
        #expect(midday.notes == "Midday Workout")
        let legPress = try #require(midday.entry("leg-press")?.sets.first)
        #expect(legPress == ExerciseSet(reps: 10))
        let last = try #require(data.sessions.last)
        #expect(last.start.rfc3339 == "2025-10-08T13:03:21+01:00")
        #expect(last.durationSeconds == 4500)
        let triceps = try #require(last.entry("triceps-extension-cable"))
        #expect(triceps.sets.last == ExerciseSet(reps: 8, weight: Weight(value: 7.9, unit: .kg)))
        #expect(data.customExercise("bent-over-row-barbell")?.name == "Bent Over Row (Barbell)")
    }

    @Test("Strong's unquoted legacy sample gives 3 workouts of 2 sets")
    func strongLegacy() throws {
        let data = try importFixture("strong/sample_strong_legacy.csv")
        #expect(data.sessions.count == 3)
        #expect(data.setCount == 6)
        #expect(data.kindCounts == kinds(normal: 6))
        #expect(
            data.sessions.map(\.start.rfc3339) == [
                "2024-11-28T17:36:08+01:00", "2024-11-29T10:15:00+01:00",
                "2024-12-03T18:00:00+01:00",
            ])
        #expect(data.sessions.map(\.notes) == ["B", "A", "C"])
        let bench = try #require(data.sessions.last?.entry("bench-press-barbell"))
        #expect(
            bench.sets == [
                ExerciseSet(reps: 3, weight: Weight(value: 80, unit: .kg)),
                ExerciseSet(reps: 2, weight: Weight(value: 85, unit: .kg)),
            ])
    }

    @Test("Hevy's sample export gives 335 workouts of 7211 sets of all four kinds")
    func hevySample() throws {
        let data = try RealExports.read("hevy/sample_hevy.csv")
        #expect(data.format == .hevy)
        #expect(data.sessions.count == 335)
        #expect(data.setCount == 7211)
        #expect(data.kindCounts == kinds(normal: 3851, warmup: 2195, drop: 43, failure: 1122))
        #expect(data.sessions.prefix(3).map(\.allSets.count) == [25, 25, 24])
    }

    @Test("the first Hevy workout has its start, its duration from end_time, and kinds per set")
    func hevySampleSpots() throws {
        let data = try RealExports.read("hevy/sample_hevy.csv")
        let first = try #require(data.sessions.first)
        #expect(first.start.rfc3339 == "2025-09-15T07:48:00+01:00")
        #expect(first.durationSeconds == 85 * 60)  // 07:48 to 09:13
        #expect(first.notes == "Lower // Ramp // Strength // 1")
        let curl = try #require(first.entry("seated-leg-curl-machine"))
        #expect(
            curl.sets.first
                == ExerciseSet(
                    kind: .warmup, reps: 10, weight: Weight(value: 39, unit: .kg), rpe: 6))
        #expect(
            curl.sets.dropFirst(2).first
                == ExerciseSet(reps: 12, weight: Weight(value: 78, unit: .kg), rpe: 9))
        // The file writes the note's line break as the two characters `\n`.
        #expect(
            first.entry("calf-press-machine")?.notes == "Lower: all sets 175 next time\nLegs: 170")
        let last = try #require(data.sessions.last)
        #expect(last.start.rfc3339 == "2024-07-03T15:36:00+01:00")
        #expect(last.durationSeconds == 61 * 60)
        #expect(
            last.entry("cable-crunch")?.sets.last
                == ExerciseSet(reps: 10, weight: Weight(value: 25, unit: .kg), rpe: 8))
    }

    @Test("FitNotes' export gives one session per day: 141 days, 750 sets, all normal")
    func fitNotesExport() throws {
        let data = try RealExports.read("fitnotes/FitNotes_Export_2025_05_21_08_39_11.csv")
        #expect(data.format == .fitnotes)
        #expect(data.sessions.count == 141)
        #expect(data.setCount == 750)
        #expect(data.kindCounts == kinds(normal: 750))
        #expect(data.sessions.prefix(3).map(\.allSets.count) == [15, 10, 9])
        let first = try #require(data.sessions.first)
        #expect(first.start.rfc3339 == "2022-09-14T00:00:00+01:00")
        #expect(first.durationSeconds == nil)
        let bench = try #require(first.entry("flat-barbell-bench-press"))
        #expect(
            bench.sets.prefix(3).map(\.weight) == [45, 65, 95].map { Weight(value: $0, unit: .lb) })
        #expect(bench.sets.first?.reps == 10)
        let last = try #require(data.sessions.last)
        #expect(last.start.rfc3339 == "2025-05-15T00:00:00+01:00")
        #expect(
            last.entry("dumbbell-curl")?.sets.last
                == ExerciseSet(reps: 3, weight: Weight(value: 50, unit: .lb)))
    }

    @Test("FitNotes' longer history gives 290 days and 3697 sets")
    func fitNotesLifting() throws {
        let data = try RealExports.read("fitnotes/lifting.csv")
        #expect(data.sessions.count == 290)
        #expect(data.setCount == 3697)
        #expect(data.kindCounts == kinds(normal: 3697))
        #expect(data.sessions.prefix(3).map(\.allSets.count) == [33, 32, 24])
        let first = try #require(data.sessions.first)
        #expect(
            first.entry("barbell-overhead-press")?.sets.first
                == ExerciseSet(reps: 10, weight: Weight(value: 45, unit: .lb)))
        let last = try #require(data.sessions.last)
        #expect(last.start.rfc3339 == "2025-11-12T00:00:00+01:00")
        #expect(
            last.entry("cable-lateral-raises")?.sets.last
                == ExerciseSet(reps: 20, weight: Weight(value: 24, unit: .lb)))
    }
}
