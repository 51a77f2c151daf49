/// "Did you mean …?": the names closest to a mistyped one, for every message that has one
/// (exercises, routines, conditions, commands).
public enum Suggestion {
    /// Up to three of `names` closest to `text`: those containing it or contained in it first,
    /// then by edit distance, at most a third of its length (2 at least) away.
    public static func closest(to text: String, among names: [String]) -> [String] {
        guard !text.isEmpty else { return [] }
        let limit = max(2, text.count / 3)
        let scored = names.compactMap { name -> (Int, String)? in
            if name.contains(text) || text.contains(name) { return (0, name) }
            let distance = editDistance(text, name)
            return distance <= limit ? (distance, name) : nil
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(3).map(\.1)
    }

    /// The names of ``closest(to:among:)`` that are as close as the closest one: for a short
    /// list where one clear guess beats three (`lsit` → `list`, not also `init`).
    public static func best(to text: String, among names: [String]) -> [String] {
        let near = closest(to: text, among: names)
        let distances = near.map { name in
            name.contains(text) || text.contains(name) ? 0 : editDistance(text, name)
        }
        guard let least = distances.min() else { return [] }
        return zip(near, distances).filter { $0.1 == least }.map(\.0)
    }

    /// Edit distance over Unicode scalars counting a swap of two neighbours as one edit
    /// (optimal string alignment): `lsit` is one edit from `list`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], twoBack[j - 2] + 1)
                }
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
