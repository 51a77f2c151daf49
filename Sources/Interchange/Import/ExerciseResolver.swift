import JournalModel

/// Maps the exercise names another app used to exercise ids: a name the catalog knows (id,
/// name or alias, as `limber log` matches them) gets that exercise; any other becomes a custom
/// exercise whose id is the slug of the name. A side named in the name is kept: "Lunge (Each
/// Side)" is the custom per-side exercise `lunge` done on both sides, "Curl (Left)" the left
/// side of `curl`.
struct ExerciseResolver {
    let catalog: Catalog
    /// Custom exercises made for names the catalog lacks, by id, in order of first use.
    private(set) var created: [Exercise] = []
    private var byName: [String: (exercise: String, side: Side?)] = [:]
    private var createdIndex: [String: Int] = [:]

    init(catalog: Catalog) { self.catalog = catalog }

    /// The exercise id and side for `name`; `nil` when the name has no letters or digits.
    mutating func resolve(_ name: String, measure: Exercise.Measure) -> (exercise: String, side: Side?)? {
        if let known = byName[name] { return known }
        let (base, side, perSide) = Self.splitSide(name)
        // A slug of a slug can differ (U+212B Å → å → a): make it until it is an id.
        var slug = Slug.make(String(base))
        if !Slug.isValidID(slug) { slug = Slug.make(slug) }
        guard Slug.isValidID(slug) else { return nil }
        let id: String
        if let exercise = try? catalog.exercise(matching: String(base)) {
            id = exercise.id
        } else if let index = createdIndex[slug] {
            id = slug
            if perSide, !created[index].perSide { created[index].perSide = true }
        } else {
            id = slug
            createdIndex[slug] = created.count
            created.append(
                Exercise(id: slug, name: String(base), perSide: perSide || side != nil, measure: measure))
        }
        let result = (id, side)
        byName[name] = result
        return result
    }

    /// The name without a trailing side marker, the side it names, and whether it says the
    /// exercise is done per side.
    static func splitSide(_ name: String) -> (base: Substring, side: Side?, perSide: Bool) {
        let trimmed = Substring(name.trimmingSpaces)
        let lower = trimmed.lowercased()
        for (suffix, side) in suffixes where lower.hasSuffix(suffix) {
            var base = trimmed.dropLast(suffix.count)
            while let last = base.last, last == " " || last == "-" || last == "," || last == "–" {
                base = base.dropLast()
            }
            guard !base.isEmpty else { continue }
            return (base, side, true)
        }
        return (trimmed, nil, false)
    }

    private static let suffixes: [(String, Side?)] = {
        var list: [(String, Side?)] = []
        for word in ["side", "leg", "arm"] {
            for form in ["each \(word)", "per \(word)", "both \(word)s"] {
                list.append(("(\(form))", .both))
                list.append((form, .both))
            }
            list.append(("/\(word)", .both))
        }
        list += [
            ("(left)", .left), ("(right)", .right), ("(l)", .left), ("(r)", .right),
            ("- left", .left), ("- right", .right), ("(unilateral)", .both),
        ]
        return list
    }()
}
