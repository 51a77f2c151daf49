import FoundationEssentials
import Limber

/// Prints values as JSON on stdout (sorted keys, 2-space indentation).
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = JSONCoding.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        let data = try encoder.encode(value)
        Terminal.write(String(decoding: data, as: UTF8.self))
    }
}
