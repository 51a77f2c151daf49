/// A pain rating on the 0–10 numeric rating scale (0 = no pain, 10 = worst imaginable).
///
/// Encodes as a bare integer; decoding rejects anything outside 0…10.
public struct PainScore: RawRepresentable, Sendable, Hashable, Comparable, Codable,
    CustomStringConvertible
{
    /// The rating, always in ``range``.
    public let rawValue: Int

    /// The valid ratings.
    public static let range: ClosedRange<Int> = 0...10

    /// Creates a score, or `nil` when `rawValue` is outside 0…10.
    public init?(rawValue: Int) {
        guard Self.range.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Creates a score, throwing a ``ModelError`` that explains the scale when out of range.
    public init(validating value: Int) throws(ModelError) {
        guard let score = PainScore(rawValue: value) else {
            throw Self.error(field: "pain", input: String(value))
        }
        self = score
    }

    /// Parses what a person typed for `field` (such as `--pain-before`): a whole number 0…10,
    /// surrounding spaces allowed.
    public init(parsing text: String, field: String) throws(ModelError) {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.utf8.count <= 2, trimmed.utf8.allSatisfy(\.isASCIIDigit),
            let value = Int(trimmed), let score = PainScore(rawValue: value)
        else {
            throw Self.error(field: field, input: text)
        }
        self = score
    }

    /// The rating as a plain number, such as `6`.
    public var description: String { String(rawValue) }

    /// Orders by rating.
    public static func < (lhs: PainScore, rhs: PainScore) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes a bare integer, rejecting values outside 0…10.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Int.self)
        guard let score = PainScore(rawValue: value) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "pain must be 0…10, got \(value)")
        }
        self = score
    }

    /// Encodes the rating as a bare integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    private static func error(field: String, input: String) -> ModelError {
        let subject = field == "pain" ? "pain" : "\(field): pain"
        return ModelError(
            kind: .outOfRange, field: field, input: input,
            description:
                "\(subject) must be a whole number from 0 to 10, got \(ModelError.quote(input))",
            hint: "use 0 (no pain) … 10 (worst imaginable)")
    }
}
