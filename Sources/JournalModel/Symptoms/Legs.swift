/// Which legs a symptom is felt in: none, the left, the right, or both.
///
/// Encodes as a sorted array of side names: `[]`, `["left"]`, `["left", "right"]`.
public struct Legs: OptionSet, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue & 3 }

    /// The left leg.
    public static let left = Legs(rawValue: 1)
    /// The right leg.
    public static let right = Legs(rawValue: 2)
    /// Both legs.
    public static let both: Legs = [.left, .right]

    /// `left`, `right`, `both` or `none`.
    public var description: String {
        switch self {
        case .left: "left"
        case .right: "right"
        case .both: "both"
        default: "none"
        }
    }

    /// Parses what a person typed for `field`: `left`, `right`, `both` (or `l`, `r`, `b`) or
    /// `none`, in any letter case.
    public init(parsing text: some StringProtocol, field: String) throws(ModelError) {
        if text.trimmingSpaces.lowercased() == "none" {
            self = []
            return
        }
        switch Side(parsing: text) {
        case .left: self = .left
        case .right: self = .right
        case .both: self = .both
        case nil:
            throw ModelError(
                kind: .unknown, field: field, input: String(text),
                description: "\(field): \(ModelError.quote(text)) is not a leg",
                hint: "use left, right, both or none")
        }
    }

    /// Decodes an array of `"left"` and `"right"`; anything else is refused.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var legs: Legs = []
        while !container.isAtEnd {
            let name = try container.decode(String.self)
            switch name {
            case "left": legs.insert(.left)
            case "right": legs.insert(.right)
            default:
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "a leg is left or right, got \(name)")
            }
        }
        self = legs
    }

    /// Encodes the sorted array of side names.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        if contains(.left) { try container.encode("left") }
        if contains(.right) { try container.encode("right") }
    }
}
