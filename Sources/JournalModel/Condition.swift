/// A health condition that makes some exercises unwise, such as `herniated-disc`.
///
/// Its raw value is a slug of ASCII lowercase letters, digits and single `-` (validated).
/// Encodes as a bare string.
public struct Condition: RawRepresentable, Sendable, Hashable, Comparable, Codable,
    CustomStringConvertible
{
    /// The condition's slug.
    public let rawValue: String

    /// A herniated (slipped, bulging) intervertebral disc.
    public static let herniatedDisc = Condition(checked: "herniated-disc")

    /// Creates a condition, or `nil` when `rawValue` is not a slug of ASCII letters and digits.
    public init?(rawValue: String) {
        guard Self.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Creates a condition from a name a person typed (`Herniated disc` → `herniated-disc`).
    public init(parsing text: String, field: String = "condition") throws(ModelError) {
        let slug = Slug.make(text)
        guard Self.isValid(slug) else {
            throw ModelError(
                kind: .invalidSyntax, field: field, input: text,
                description: "\(field): \(ModelError.quote(text)) is not a condition name",
                hint: "use plain letters, digits and \"-\", such as herniated-disc")
        }
        rawValue = slug
    }

    private init(checked rawValue: String) {
        self.rawValue = rawValue
    }

    /// Whether `text` is a valid condition slug.
    static func isValid(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 } && Slug.isValidID(text)
    }

    /// The slug.
    public var description: String { rawValue }

    /// Orders by slug.
    public static func < (lhs: Condition, rhs: Condition) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes a bare string, rejecting anything that is not a valid slug.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let condition = Condition(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "condition \(ModelError.quote(text)) is not a slug"
            )
        }
        self = condition
    }

    /// Encodes the slug as a bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
