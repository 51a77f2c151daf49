import FoundationEssentials

/// The one place JSON coders are configured, so every file limber writes is byte-stable.
public enum JSONCoding {
    /// An encoder with sorted keys and unescaped `/`; `Date`s (rare: model times are
    /// ``LocalTimestamp``s) as ISO 8601 in UTC.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The matching decoder.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
