import EventLog
import Foundation
import JournalModel
import Testing
import LimberTestSupport

/// Thousands of generated events, as `JSONEncoder` writes them and re-serialized in other
/// shapes (keys shuffled, whitespace, escapes, other number notations, trailing commas,
/// nulls dropped, unknown and duplicate keys added): the parser must agree with `JSONDecoder`.
@Suite("event line parser: random events")
struct EventLineParserRandomTests {
    @Test("encoded events decode to the same value", arguments: [1, 2, 3, 4] as [UInt64])
    func encoded(_ seed: UInt64) {
        var lines: [[UInt8]] = []
        for seed in ParserOracle.seeds(seed) {
            var generator = ParserEventGenerator(seed: seed)
            lines += (0..<600).map { _ in generator.line() }
        }
        ParserOracle.expectAgreement(lines)
        // Most generated events are valid: the test must not pass by rejecting everything.
        let accepted = lines.filter { ParserOracle.reference($0) != nil }.count
        #expect(accepted > lines.count / 2)
    }

    @Test("re-serialized events agree", arguments: [11, 12, 13, 14] as [UInt64])
    func reserialized(_ seed: UInt64) {
        var lines: [[UInt8]] = []
        for seed in ParserOracle.seeds(seed) {
            var generator = ParserEventGenerator(seed: seed)
            var random = SplitMix64(seed: seed &* 31)
            for _ in 0..<400 {
                let tree = TestJSON(parsing: generator.line())
                for _ in 0..<2 { lines.append(tree.write(.random(&random), &random)) }
            }
        }
        ParserOracle.expectAgreement(lines)
        let accepted = lines.filter { ParserOracle.reference($0) != nil }.count
        #expect(accepted > lines.count / 3)
    }

    @Test("numbers in every notation agree", arguments: [21, 22] as [UInt64])
    func numbers(_ seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var generator = ParserEventGenerator(seed: seed)
        let template = EventLineParserEdgeCaseTests.base
        var lines: [[UInt8]] = []
        for _ in 0..<(1500 * ParserOracle.scale) {
            let number: String
            switch random.int(0...4) {
            case 0: number = String(generator.double())
            case 1:
                number = String(
                    decoding: TestJSON.renumber(String(generator.double()), &random), as: UTF8.self)
            case 2: number = String(generator.int())
            case 3:
                // Zeros in every notation (JSONDecoder has a quirk there).
                number =
                    (random.chance(0.3) ? "-" : "") + "0"
                    + (random.chance(0.5)
                        ? "." + String(repeating: "0", count: random.int(1...6)) : "")
                    + (random.chance(0.8)
                        ? random.pick(["e", "E"]) + random.pick(["", "+", "-"])
                            + String(random.int(0...400)) : "")
            default:
                // Random digit strings: long mantissas, big exponents.
                let digits = (0..<random.int(1...40)).map { _ in String(random.int(0...9)) }
                    .joined()
                let point = random.int(0...digits.count)
                var text =
                    (random.chance(0.5) ? "-" : "") + digits.prefix(point)
                    + (point < digits.count ? "." + digits.dropFirst(point) : "")
                if random.chance(0.5) { text += "e" + String(random.int(-400...400)) }
                number = text
            }
            let value = EventLineParserEdgeCaseTests.replacing(
                #""value":12.5"#, #""value":"# + number, in: template)
            lines.append(Array(value.utf8))
            let reps = EventLineParserEdgeCaseTests.replacing(
                #""reps":12"#, #""reps":"# + number, in: template)
            lines.append(Array(reps.utf8))
        }
        ParserOracle.expectAgreement(lines)
    }
}
