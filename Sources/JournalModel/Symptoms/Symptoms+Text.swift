/// The short text form people type and read: `back=3,leg-left=5,reach-left=knee,tingling=left`.
extension Symptoms {
    /// The keys of the text form, in the order ``text`` writes them.
    public static let textKeys = [
        "back", "leg-left", "leg-right", "reach-left", "reach-right", "numbness", "tingling",
        "weakness",
    ]

    /// Parses the text form given for `field` (such as `--before`): comma-separated `key=value`
    /// pairs, each key at most once. Pains are 0–10, reaches `none` … `foot`, and numbness,
    /// tingling and weakness name the legs (`left`, `right`, `both`, `none`).
    public init(parsing text: String, field: String) throws(ModelError) {
        self.init()
        try apply(text, field: field)
    }

    /// Sets what the text form gives (see ``init(parsing:field:)``) and keeps the rest: how
    /// `amend --before back=2` changes only the back pain.
    public mutating func apply(_ text: String, field: String) throws(ModelError) {
        guard !text.trimmingSpaces.isEmpty else {
            throw ModelError(
                kind: .invalidSyntax, field: field, input: text,
                description: "\(field) is empty",
                hint: "write symptoms as back=3,leg-left=5,reach-left=knee,tingling=left")
        }
        var seen: Set<String> = []
        let pairs = text.split(separator: ",", omittingEmptySubsequences: false)
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].trimmingSpaces.lowercased()
            guard parts.count == 2, !key.isEmpty else {
                throw ModelError(
                    kind: .invalidSyntax, field: field, input: text,
                    description: "\(field): \(ModelError.quote(pair)) is not key=value",
                    hint: "write symptoms as back=3,leg-left=5,reach-left=knee,tingling=left")
            }
            guard Self.textKeys.contains(key) else {
                throw ModelError(
                    kind: .unknown, field: field, input: text,
                    description: "\(field): \(ModelError.quote(key)) is not a symptom",
                    hint: "use " + Self.textKeys.joined(separator: ", "))
            }
            guard seen.insert(key).inserted else {
                throw ModelError(
                    kind: .invalidSyntax, field: field, input: text,
                    description: "\(field): \(key) is given twice",
                    hint: "give each symptom once")
            }
            let value = String(parts[1])
            let named = "\(field) \(key)"
            switch key {
            case "back": back = try PainScore(parsing: value, field: named)
            case "leg-left": legLeft = try PainScore(parsing: value, field: named)
            case "leg-right": legRight = try PainScore(parsing: value, field: named)
            case "reach-left": reachLeft = try PainReach(parsing: value, field: named)
            case "reach-right": reachRight = try PainReach(parsing: value, field: named)
            case "numbness": numbness = try Legs(parsing: value, field: named)
            case "tingling": tingling = try Legs(parsing: value, field: named)
            default: weakness = try Legs(parsing: value, field: named)
            }
        }
    }

    /// The text form, only what is recorded: `back=3,leg-left=5,reach-left=knee`; empty when
    /// nothing is. ``init(parsing:field:)`` reads it back.
    public var text: String {
        var pairs: [String] = []
        if let back { pairs.append("back=\(back)") }
        if let legLeft { pairs.append("leg-left=\(legLeft)") }
        if let legRight { pairs.append("leg-right=\(legRight)") }
        if let reachLeft { pairs.append("reach-left=\(reachLeft)") }
        if let reachRight { pairs.append("reach-right=\(reachRight)") }
        if !numbness.isEmpty { pairs.append("numbness=\(numbness)") }
        if !tingling.isEmpty { pairs.append("tingling=\(tingling)") }
        if !weakness.isEmpty { pairs.append("weakness=\(weakness)") }
        return pairs.joined(separator: ",")
    }

    /// A line for people: `back 3, left leg 5 to the knee, right leg 0, tingling left`.
    public var summary: String {
        var parts: [String] = []
        if let back { parts.append("back \(back)") }
        for side in [Side.left, .right] {
            let pain = legPain(side)
            let reach = reach(side)
            guard pain != nil || reach != nil else { continue }
            var part = "\(side.rawValue) leg"
            if let pain { part += " \(pain)" }
            if let reach, reach != .none { part += " to the \(reach)" }
            if reach == PainReach.none { part += pain == nil ? " no pain" : "" }
            parts.append(part)
        }
        for (name, legs) in [("numbness", numbness), ("tingling", tingling), ("weakness", weakness)]
        where !legs.isEmpty {
            parts.append("\(name) \(legs)")
        }
        return parts.joined(separator: ", ")
    }
}
