/// A hybrid logical clock timestamp: wall-clock milliseconds and a counter.
///
/// Stored as `"0001732512345678-0003"` (16 digits of milliseconds, `-`, 4 digits of counter)
/// so that the string order and the numeric order agree (DESIGN §4).
public struct HLC: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch (UTC).
    public let millis: Int64
    /// Counter that orders events within the same millisecond.
    public let counter: UInt16

    /// The smallest timestamp; no event carries it.
    public static let zero = HLC(millis: 0, counter: 0)

    /// The latest timestamp a reader accepts: the last millisecond of the year 9999. A later
    /// one (up to the format's 16 digits) is refused as not valid, so a hostile or broken
    /// clock cannot push this machine's clock to where its own events would not parse
    /// (docs/RELIABILITY.md, "Clocks").
    public static let latestAccepted = HLC(millis: 253_402_300_799_999, counter: 9999)

    /// Creates a timestamp from its parts.
    public init(millis: Int64, counter: UInt16) {
        self.millis = millis
        self.counter = counter
    }

    /// Parses the stored form, `nil` when it is not exactly 16 digits, `-`, 4 digits, or is
    /// later than ``latestAccepted``.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 21, bytes[16] == UInt8(ascii: "-") else { return nil }
        var millis: Int64 = 0
        for byte in bytes[0..<16] {
            guard byte >= 48, byte <= 57 else { return nil }
            millis = millis * 10 + Int64(byte - 48)
        }
        var counter: Int = 0
        for byte in bytes[17..<21] {
            guard byte >= 48, byte <= 57 else { return nil }
            counter = counter * 10 + Int(byte - 48)
        }
        guard millis <= Self.latestAccepted.millis else { return nil }
        self.init(millis: millis, counter: UInt16(counter))
    }

    /// The stored form.
    public var description: String {
        let digits = String(millis)
        let count = String(counter)
        return String(repeating: "0", count: max(0, 16 - digits.utf8.count)) + digits + "-"
            + String(repeating: "0", count: max(0, 4 - count.utf8.count)) + count
    }

    public static func < (lhs: HLC, rhs: HLC) -> Bool {
        (lhs.millis, lhs.counter) < (rhs.millis, rhs.counter)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = HLC(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "hlc \"\(text)\" is not 16 digits, '-', 4 digits before the year 10000")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
