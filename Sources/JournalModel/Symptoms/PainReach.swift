/// How far down a leg pain reaches, from none to the foot: the sign clinicians follow in
/// sciatica (pain that retreats up the leg centralises, pain that spreads down peripheralises).
///
/// Encodes as its name (`"knee"`); the cases are in order, top of the leg first.
public enum PainReach: String, Sendable, Hashable, Codable, CaseIterable, Comparable,
    CustomStringConvertible
{
    /// No pain in the leg.
    case none
    /// The buttock.
    case buttock
    /// The thigh.
    case thigh
    /// The knee.
    case knee
    /// The calf or shin.
    case calf
    /// The foot.
    case foot

    /// How far down: 0 for `none` … 5 for `foot`.
    public var depth: Int { Self.allCases.firstIndex(of: self)! }

    /// The name as stored and typed, such as `knee`.
    public var description: String { rawValue }

    /// Orders from the top of the leg down.
    public static func < (lhs: PainReach, rhs: PainReach) -> Bool { lhs.depth < rhs.depth }

    /// Parses what a person typed for `field`: one of the names, in any letter case.
    public init(parsing text: some StringProtocol, field: String) throws(ModelError) {
        guard let reach = PainReach(rawValue: text.trimmingSpaces.lowercased()) else {
            throw ModelError(
                kind: .unknown, field: field, input: String(text),
                description:
                    "\(field): \(ModelError.quote(text)) is not how far down the leg pain reaches",
                hint: "use one of " + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = reach
    }
}
