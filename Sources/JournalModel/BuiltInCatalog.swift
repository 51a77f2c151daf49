/// The exercises and routine that ship with limber: the sciatica seed routine (DESIGN §6).
public enum BuiltInCatalog {
    /// The six built-in exercises, in routine order.
    public static let exercises: [Exercise] = [
        Exercise(
            id: "single-leg-romanian-deadlift", name: "Single-leg Romanian deadlift",
            aliases: [
                "single leg rdl", "single-leg rdl", "sl rdl", "slrdl", "single leg deadlift",
                "single leg romanian deadlift", "single-leg rdls", "one leg rdl",
            ],
            perSide: true, measure: .reps, notes: "posterior chain", builtIn: true),
        Exercise(
            id: "rockback", name: "Rockbacks",
            aliases: ["rockbacks", "rock back", "rock backs", "rock-back", "quadruped rockback"],
            perSide: false, measure: .reps, notes: "tabletop, flat back", builtIn: true),
        Exercise(
            id: "bird-dog", name: "Bird dog",
            aliases: ["bird dogs", "birddog", "birddogs", "bird-dogs"],
            perSide: true, measure: .reps, notes: "slow, controlled", builtIn: true),
        Exercise(
            id: "diagonal-chop", name: "Diagonal chops",
            aliases: ["diagonal chops", "diagonal chop", "wood chop", "woodchop", "wood chops"],
            perSide: true, measure: .reps, notes: nil, builtIn: true),
        Exercise(
            id: "sciatic-nerve-glide", name: "Sciatic nerve glide",
            aliases: [
                "nerve glide", "nerve glides", "sciatic nerve glides", "nerve floss",
                "nerve flossing", "sciatic nerve floss", "sciatic nerve flossing",
            ],
            perSide: true, measure: .reps, notes: "stop if it hurts", builtIn: true),
        Exercise(
            id: "double-knee-to-chest", name: "Double knee-to-chest stretch",
            aliases: [
                "knee to chest", "knees to chest", "double knee to chest",
                "double knees to chest", "knee-to-chest stretch", "double knee-to-chest stretch",
            ],
            perSide: false, measure: .hold, notes: nil,
            cautions: [
                Caution(
                    condition: .herniatedDisc, severity: .contraindicated,
                    text:
                        "flexing both knees to the chest loads the disc; skip it or ask your clinician"
                )
            ],
            builtIn: true),
    ]

    /// The built-in routines: `sciatica`.
    public static let routines: [Routine] = [
        Routine(
            id: "sciatica", name: "Sciatica", source: nil,
            items: [
                RoutineItem(
                    exercise: "single-leg-romanian-deadlift",
                    prescription: Prescription(
                        sets: 3, repsMin: 10, repsMax: 12, perSide: true, equipment: "dumbbell",
                        text: "3 sets × 10–12 reps per leg, dumbbell")),
                RoutineItem(
                    exercise: "rockback",
                    prescription: Prescription(
                        sets: 3, repsMin: 10, repsMax: 12, text: "3 sets × 10–12 reps")),
                RoutineItem(
                    exercise: "bird-dog",
                    prescription: Prescription(
                        sets: 3, repsMin: 12, repsMax: 12, perSide: true,
                        text: "3 sets × 12 reps per side")),
                RoutineItem(
                    exercise: "diagonal-chop",
                    prescription: Prescription(
                        sets: 3, repsMin: 10, repsMax: 12, perSide: true, equipment: "dumbbell",
                        text: "3 sets × 10–12 reps per side, dumbbell")),
                RoutineItem(
                    exercise: "sciatic-nerve-glide",
                    prescription: Prescription(perSide: true, text: "per painful leg, reps")),
                RoutineItem(
                    exercise: "double-knee-to-chest",
                    prescription: Prescription(
                        holdMinSeconds: 30, holdMaxSeconds: 60, text: "hold 30–60 s")),
            ],
            builtIn: true)
    ]
}
