import JournalModel

/// A CSV header, looked up by the slugs of its names so that `"Weight (kg)"`, `weight_kg` and
/// `Weight (KG)` are all `weight-kg`, and a translated `Réps` is `reps`.
struct CSVHeader: Sendable {
    /// The names as written.
    let names: [String]
    /// Their slugs.
    let keys: [String]

    init(_ names: [String]) {
        self.names = names
        keys = names.map { Slug.make($0) }
    }

    /// The position of the first column whose slug is one of `aliases`.
    func index(_ aliases: String...) -> Int? { index(of: aliases) }

    /// The position of the first column whose slug is one of `aliases`.
    func index(of aliases: [String]) -> Int? {
        for alias in aliases { if let found = keys.firstIndex(of: alias) { return found } }
        return nil
    }

    /// `true` when every one of `required` (each a list of aliases) is present.
    func has(_ required: [[String]]) -> Bool { required.allSatisfy { index(of: $0) != nil } }

    /// The name of column `index` (1-based positions are used in messages).
    func name(_ index: Int) -> String { index < names.count ? names[index] : "column \(index + 1)" }
}
