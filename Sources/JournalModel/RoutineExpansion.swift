/// What logging a routine records: the entries the person gave, and the routine's other
/// exercises as prescribed (marked ``Entry/prescribed``), in routine order.
///
/// This is the one place a routine becomes entries: `log --routine`, the guided log and its
/// recap all use it.
public struct RoutineExpansion: Sendable, Hashable {
    /// The session's entries: for each routine item the given entries of its exercise, then
    /// its prescribed entries for the sides not given; last, given entries of exercises the
    /// routine does not have.
    public var entries: [Entry]
    /// Routine exercises left out because they are contraindicated for the profile and were
    /// not given explicitly (logging them "as prescribed" would record what the person was
    /// told not to do).
    public var contraindicated: [Catalog.ExerciseCaution]

    /// Expands `routine` around what the person gave.
    ///
    /// - Parameters:
    ///   - routine: The routine followed.
    ///   - given: Entries the person typed, with resolved exercise ids.
    ///   - skipping: Exercises (resolved ids) the person did not do; with a side, only that
    ///     side is skipped.
    ///   - catalog: For the cautions.
    ///   - profile: The person's conditions.
    public init(
        _ routine: Routine, given: [Entry], skipping: Set<ExerciseReference>, catalog: Catalog,
        profile: Profile
    ) {
        var entries: [Entry] = []
        var contraindicated: [Catalog.ExerciseCaution] = []
        var used = Array(repeating: false, count: given.count)
        for (position, item) in routine.items.enumerated() {
            // The item's entries, given and prescribed, left before right (as typed within a side).
            var ofItem: [Entry] = []
            defer {
                entries.append(
                    contentsOf: ofItem.enumerated().sorted {
                        (Self.rank($0.element.side), $0.offset) < (Self.rank($1.element.side), $1.offset)
                    }.map(\.element))
            }
            var givenSides: Set<Side?> = []
            // A routine that lists an exercise twice gets each given entry once.
            let first = !routine.items[..<position].contains { $0.exercise == item.exercise }
            for index in given.indices where given[index].exercise == item.exercise && !used[index] {
                ofItem.append(given[index])
                givenSides.insert(given[index].side)
                used[index] = true
            }
            // Given at its first item: not filled in again at a later one.
            if !first, givenSides.isEmpty, given.contains(where: { $0.exercise == item.exercise }) {
                continue
            }
            // Given without a side, or for both sides at once: the whole exercise is given.
            if givenSides.contains(nil) || givenSides.contains(.both) { continue }
            let skipped = skipping.filter { $0.exercise == item.exercise }.map(\.side)
            // Skipped whole, or for both sides at once.
            if skipped.contains(nil) || skipped.contains(.both) { continue }
            let prescribed = item.prescribedEntries().filter { entry in
                // A side-less prescription (the nerve glide's "per painful leg") is given or
                // skipped by any side of it.
                if entry.side == nil { return givenSides.isEmpty && skipped.isEmpty }
                return !givenSides.contains(entry.side) && !skipped.contains(entry.side)
            }
            guard !prescribed.isEmpty else { continue }
            let cautions = catalog.warnings(for: item.exercise, profile: profile)
            if let contraindication = cautions.first(where: { $0.severity == .contraindicated }) {
                if givenSides.isEmpty, let exercise = catalog.exercise(id: item.exercise) {
                    contraindicated.append(
                        Catalog.ExerciseCaution(exercise: exercise, caution: contraindication))
                }
                continue
            }
            ofItem.append(contentsOf: prescribed)
        }
        for index in given.indices where !used[index] { entries.append(given[index]) }
        self.entries = entries
        self.contraindicated = contraindicated
    }

    private static func rank(_ side: Side?) -> Int {
        switch side {
        case nil: 0
        case .left: 1
        case .right: 2
        case .both: 3
        }
    }
}
