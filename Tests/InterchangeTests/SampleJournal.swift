import Interchange
import JournalModel

/// A small journal, as values and as the DESIGN §8 JSON a person could have written by hand:
/// pain, sides, notes with commas, quotes, line breaks and Markdown characters, every set kind,
/// kg and lb, holds, distances and "stopped: pain", an entry without sets, custom exercises.
enum SampleJournal {
    static let ids = [
        "0f8e2f0a-1b2c-4d5e-8f90-123456789abc",
        "5a1c7e3b-9d2f-4c8a-b6e4-0123456789ab",
        "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
    ]

    static let sessionNotes = "Knee, \"tight\"\nthen *better* # ok"

    /// The sessions, in file order.
    static func sessions() throws -> [Session] {
        [
            Session(
                id: ids[0], start: try LocalTimestamp(rfc3339: "2026-11-24T07:30:00+01:00"),
                durationSeconds: 1500, routine: "sciatica",
                painBefore: try PainScore(validating: 6), painAfter: try PainScore(validating: 4),
                notes: sessionNotes,
                entries: [
                    Entry(
                        exercise: "bird-dog", side: .left,
                        sets: [ExerciseSet(reps: 12, weight: Weight(value: 5, unit: .kg))]),
                    Entry(
                        exercise: "double-knee-to-chest", notes: "slow, \"controlled\"",
                        sets: [ExerciseSet(durationSeconds: 30, stoppedForPain: true)]),
                ]),
            Session(
                id: ids[1], start: try LocalTimestamp(rfc3339: "2026-11-26T18:05:00Z"),
                entries: [
                    Entry(
                        exercise: "goblet-squat",
                        sets: [
                            ExerciseSet(
                                kind: .warmup, reps: 8, weight: Weight(value: 16, unit: .kg)),
                            ExerciseSet(reps: 10, weight: Weight(value: 35.5, unit: .lb), rpe: 8.5),
                            ExerciseSet(
                                kind: .failure, reps: 7, weight: Weight(value: 35.5, unit: .lb)),
                        ]),
                    Entry(exercise: "rockback", notes: "skipped: knee"),
                ]),
            Session(
                id: ids[2], start: try LocalTimestamp(rfc3339: "2026-11-28T06:00:00-05:00"),
                durationSeconds: 600, painBefore: try PainScore(validating: 2),
                entries: [
                    Entry(
                        exercise: "rowing",
                        sets: [
                            ExerciseSet(kind: .drop, durationSeconds: 492, distanceMeters: 2000.5)
                        ])
                ]),
        ]
    }

    /// The custom exercises the sessions use.
    static let exercises = [
        Exercise(id: "goblet-squat", name: "Goblet squat"),
        Exercise(id: "rowing", name: "Rowing", aliases: ["erg"], measure: .distance),
    ]

    static let profile = Profile(conditions: [.herniatedDisc])

    /// The sessions as JSON, one object per string, keys in DESIGN §8's order (not sorted).
    static let sessionJSON = [
        #"{"id": "0f8e2f0a-1b2c-4d5e-8f90-123456789abc", "start": "2026-11-24T07:30:00+01:00", "durationSeconds": 1500, "routine": "sciatica", "painBefore": 6, "painAfter": 4, "notes": "Knee, \"tight\"\nthen *better* # ok", "entries": [{"exercise": "bird-dog", "side": "left", "notes": null, "sets": [{"kind": "normal", "reps": 12, "weight": {"value": 5, "unit": "kg"}, "durationSeconds": null, "distanceMeters": null, "rpe": null, "stoppedForPain": false}]}, {"exercise": "double-knee-to-chest", "side": null, "notes": "slow, \"controlled\"", "sets": [{"kind": "normal", "reps": null, "weight": null, "durationSeconds": 30, "distanceMeters": null, "rpe": null, "stoppedForPain": true}]}]}"#,
        #"{"id": "5a1c7e3b-9d2f-4c8a-b6e4-0123456789ab", "start": "2026-11-26T18:05:00Z", "durationSeconds": null, "routine": null, "painBefore": null, "painAfter": null, "notes": null, "entries": [{"exercise": "goblet-squat", "side": null, "notes": null, "sets": [{"kind": "warmup", "reps": 8, "weight": {"value": 16, "unit": "kg"}, "durationSeconds": null, "distanceMeters": null, "rpe": null, "stoppedForPain": false}, {"kind": "normal", "reps": 10, "weight": {"value": 35.5, "unit": "lb"}, "durationSeconds": null, "distanceMeters": null, "rpe": 8.5, "stoppedForPain": false}, {"kind": "failure", "reps": 7, "weight": {"value": 35.5, "unit": "lb"}, "durationSeconds": null, "distanceMeters": null, "rpe": null, "stoppedForPain": false}]}, {"exercise": "rockback", "side": null, "notes": "skipped: knee", "sets": []}]}"#,
        #"{"id": "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f", "start": "2026-11-28T06:00:00-05:00", "durationSeconds": 600, "routine": null, "painBefore": 2, "painAfter": null, "notes": null, "entries": [{"exercise": "rowing", "side": null, "notes": null, "sets": [{"kind": "drop", "reps": null, "weight": null, "durationSeconds": 492, "distanceMeters": 2000.5, "rpe": null, "stoppedForPain": false}]}]}"#,
    ]

    static let exercisesJSON =
        #"[{"id": "goblet-squat", "name": "Goblet squat", "aliases": [], "perSide": false, "measure": "reps", "notes": null, "cautions": [], "builtIn": false}, {"id": "rowing", "name": "Rowing", "aliases": ["erg"], "perSide": false, "measure": "distance", "notes": null, "cautions": [], "builtIn": false}]"#

    /// An export whose line 1 opens `sessions`, session *k* (0-based) on line *k* + 2.
    static func document(sessions: [String] = sessionJSON) -> String {
        #"{"format": "limber.export", "version": 1, "exportedAt": "2026-11-29T08:00:00Z", "sessions": ["#
            + "\n" + sessions.joined(separator: ",\n") + "\n"
            + #"], "exercises": "# + exercisesJSON
            + #", "routines": [], "profile": {"conditions": ["herniated-disc"]}}"# + "\n"
    }

    /// The content of an export of the sample.
    static func content() throws -> ExportContent {
        ExportContent(
            sessions: try sessions(), catalog: Catalog(custom: exercises), profile: profile,
            exportedAt: try LocalTimestamp(rfc3339: "2026-11-29T09:00:00+01:00"))
    }
}
