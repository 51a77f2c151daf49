extension Catalog {
    /// A condition some exercise of the catalog (built in or custom) has a caution for, with
    /// those cautions.
    public struct KnownCondition: Sendable, Hashable {
        /// The condition.
        public var condition: Condition
        /// Each exercise that cautions it and how, contraindications first.
        public var cautions: [ExerciseCaution] = []

        init(condition: Condition) { self.condition = condition }
    }

    /// One exercise's caution for a condition.
    public struct ExerciseCaution: Sendable, Hashable {
        /// The exercise.
        public var exercise: Exercise
        /// What it says for the condition.
        public var caution: Caution
    }

    /// The conditions some exercise has a caution for, sorted, each with its cautions.
    public var knownConditions: [KnownCondition] {
        var byCondition: [Condition: KnownCondition] = [:]
        for exercise in exercises {
            let ordered =
                exercise.cautions.filter { $0.severity == .contraindicated }
                + exercise.cautions.filter { $0.severity != .contraindicated }
            for caution in ordered {
                byCondition[caution.condition, default: KnownCondition(condition: caution.condition)]
                    .cautions.append(ExerciseCaution(exercise: exercise, caution: caution))
            }
        }
        return byCondition.keys.sorted().compactMap { byCondition[$0] }
    }

    /// For a condition no exercise cautions (one a profile got from an older version or an
    /// import): the known conditions it may have meant; `nil` for a known condition.
    public func suggestions(forUnknown condition: Condition) -> [String]? {
        let known = knownConditions.map(\.condition.rawValue)
        guard !known.contains(condition.rawValue) else { return nil }
        return Self.closest(to: condition.rawValue, among: known)
    }

    /// The condition a person means by `text`, which some exercise must caution for: a
    /// condition nothing cautions would turn no warning on, and a typo of one that does
    /// (`heriated-disc`) would silently leave the warnings off.
    ///
    /// - Throws: ``ModelError`` `.unknown` with the closest known conditions and the list of
    ///   all of them; `.invalidSyntax` for text that is no condition name.
    public func condition(matching text: String, field: String) throws(ModelError) -> Condition {
        let condition = try Condition(parsing: text, field: field)
        let known = knownConditions.map(\.condition.rawValue)
        if known.contains(condition.rawValue) { return condition }
        // A plural or a missing dash still finds it: "herniated discs", "herniateddisc".
        let loose = { (slug: String) in
            Self.depluralize(slug).replacingDashes
        }
        if let match = known.first(where: { loose($0) == loose(condition.rawValue) }),
            let found = Condition(rawValue: match)
        {
            return found
        }
        let nearby = Self.closest(to: condition.rawValue, among: known)
        let suggestion = nearby.isEmpty ? "" : "did you mean \(nearby.joined(separator: ", "))? "
        let list = known.isEmpty ? "none yet" : known.joined(separator: ", ")
        throw ModelError(
            kind: .unknown, field: field, input: text,
            description:
                "\(field): no exercise has cautions for \(ModelError.quote(text)), so it would turn no warning on",
            hint:
                suggestion
                + "known conditions: \(list) (`limber profile --known` shows what each cautions)")
    }
}

extension String {
    fileprivate var replacingDashes: String { split(separator: "-").joined() }
}
