import EventLog
import Foundation
import JournalModel
import Testing
import LimberTestSupport

/// Valid lines with bytes flipped, inserted, deleted or cut: the parser must accept exactly
/// what `JSONDecoder` accepts, with the same value, and never trap or read past the line.
@Suite("event line parser: mutations")
struct EventLineParserMutationTests {
    /// Bytes that change the meaning of JSON, more likely to hit an interesting path than
    /// a uniformly random byte.
    static let interesting: [UInt8] =
        Array(#"{}[],:"\\/ntfrue0123456789-+.eE"#.utf8) + [
            0x00, 0x01, 0x09, 0x0A, 0x0D, 0x20, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0,
            0xF4,
            0xFE, 0xFF, UInt8(ascii: "u"), UInt8(ascii: "a"), UInt8(ascii: "D"),
        ]

    static func mutate(_ line: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = line
        for _ in 0..<random.pick([1, 1, 1, 2, 3]) {
            guard !bytes.isEmpty else { break }
            let position = random.int(0...bytes.count - 1)
            let byte =
                random.chance(0.7)
                ? random.pick(interesting) : UInt8(truncatingIfNeeded: random.next())
            switch random.int(0...5) {
            case 0, 1: bytes[position] = byte
            case 2: bytes.insert(byte, at: position)
            case 3: bytes.remove(at: position)
            case 4: bytes = Array(bytes[..<position])
            default:
                // Repeat a short stretch: duplicate keys, doubled brackets.
                let length = random.int(1...min(24, bytes.count - position))
                bytes.insert(contentsOf: bytes[position..<(position + length)], at: position)
            }
        }
        return bytes
    }

    @Test("mutated lines: same verdict, same value", arguments: [101, 102, 103, 104] as [UInt64])
    func mutations(_ seed: UInt64) {
        for seed in ParserOracle.seeds(seed) {
            var generator = ParserEventGenerator(seed: seed)
            var random = SplitMix64(seed: seed &* 7)
            var lines: [[UInt8]] = []
            for _ in 0..<150 {
                var line = generator.line()
                if random.chance(0.5) {
                    line = TestJSON(parsing: line).write(.random(&random), &random)
                }
                for _ in 0..<12 { lines.append(Self.mutate(line, &random)) }
            }
            ParserOracle.expectAgreement(lines)
        }
    }

    @Test("every prefix of a line, and every single-byte change of a small one")
    func exhaustive() {
        let line = Array(EventLineParserEdgeCaseTests.base.utf8)
        var lines = (0...line.count).map { Array(line[..<$0]) }
        let patch = Array(
            EventLineParserEdgeCaseTests.line(
                body:
                    #"{"changes":{"entry:a:left":{"exercise":"a","sets":[{"reps":1,"weight":{"unit":"lb","value":2.5}}]},"notes":"\u00e9\n"}}"#,
                type: "session.amended"
            ).utf8)
        for position in patch.indices {
            for byte in Self.interesting where byte != patch[position] {
                var changed = patch
                changed[position] = byte
                lines.append(changed)
            }
        }
        ParserOracle.expectAgreement(lines)
    }
}
