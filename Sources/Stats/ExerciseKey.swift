import JournalModel

/// What progress and records are kept per: an exercise, and its side when the exercise is per
/// side (or the entry named left or right). The one rule both ``ProgressReport`` and
/// ``RecordBook`` follow.
struct ExerciseKey: Hashable, Comparable {
    var exercise: String
    var side: Side?

    /// The key of `entry`.
    init(_ entry: Entry, catalog: Catalog) {
        let perSide = catalog.exercise(id: entry.exercise)?.perSide ?? false
        exercise = entry.exercise
        side = perSide || entry.side == .left || entry.side == .right ? entry.side : nil
    }

    init(exercise: String, side: Side?) {
        self.exercise = exercise
        self.side = side
    }

    /// `bird-dog:left`, or the exercise id alone: the key's name in a ``RecordBook``'s JSON.
    var text: String { exercise + (side.map { ":" + $0.rawValue } ?? "") }

    /// Reads ``text`` back; `nil` for a text no key writes.
    init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty else { return nil }
        exercise = String(parts[0])
        if parts.count == 2 {
            guard let side = Side(rawValue: String(parts[1])) else { return nil }
            self.side = side
        } else {
            side = nil
        }
    }

    /// Left before right before both before none: the order tables list sides in.
    var sideRank: Int {
        switch side {
        case .left: 0
        case .right: 1
        case .both: 2
        case nil: 3
        }
    }

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.exercise, lhs.sideRank) < (rhs.exercise, rhs.sideRank) }
}
