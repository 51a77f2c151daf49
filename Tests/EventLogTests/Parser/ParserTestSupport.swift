import EventLog
import Foundation
import JournalModel
import Testing
import LimberTestSupport

/// Random choices for the parser tests.
extension SplitMix64 {
    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    mutating func pick<T>(_ options: [T]) -> T { options[int(0...options.count - 1)] }
}

/// Compares `EventLineParser` with `JSONDecoder`, the reference.
enum ParserOracle {
    /// Multiplies the random test counts: `LIMBER_PARSER_FUZZ_SCALE=100` for a long hunt
    /// (best with `-c release`); 1 by default, under 10 s in a debug build.
    static let scale = max(
        1, Int(ProcessInfo.processInfo.environment["LIMBER_PARSER_FUZZ_SCALE"] ?? "") ?? 1)

    /// Seeds per test case: the given one, then more derived from it when scaled.
    static func seeds(_ seed: UInt64) -> [UInt64] {
        (0..<UInt64(scale)).map { seed &+ $0 &* 1_000_003 }
    }

    /// What `JSONCoding.decoder()` makes of a line (`nil`: rejected).
    static func reference(_ line: [UInt8]) -> Event? {
        try? JSONCoding.decoder().decode(Event.self, from: Data(line))
    }

    /// What the parser makes of a line, read from a buffer of exactly its size (so a sanitizer
    /// sees any read past the end).
    static func parsed(_ line: [UInt8]) -> Result<Event, EventLineError> {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: line.count, alignment: 1)
        defer { buffer.deallocate() }
        buffer.copyBytes(from: line)
        return Result { () throws(EventLineError) in
            try EventLineParser.parse(UnsafeRawBufferPointer(buffer))
        }
    }

    /// `nil` when both agree (both reject, or both accept the same event); else what differs.
    static func disagreement(_ line: [UInt8]) -> String? {
        let expected = reference(line)
        let actual = parsed(line)
        let shown = String(decoding: line.prefix(600), as: UTF8.self).debugDescription
        switch (expected, actual) {
        case (nil, .failure(let error)):
            guard (0...line.count).contains(error.offset) else {
                return "error offset \(error.offset) outside the line: \(shown)"
            }
            return nil
        case (let event?, .success(let ours)):
            return event == ours ? nil : "different events:\n\(event)\n\(ours)\nline: \(shown)"
        case (nil, .success(let ours)):
            return "JSONDecoder rejects, parser accepts \(ours): \(shown)"
        case (_?, .failure(let error)):
            return "JSONDecoder accepts, parser rejects (\(error)): \(shown)"
        }
    }

    /// Expects agreement on every line; reports at most a few disagreements.
    static func expectAgreement(
        _ lines: [[UInt8]], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var failures = 0
        for line in lines {
            guard let problem = disagreement(line) else { continue }
            failures += 1
            if failures <= 5 {
                Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
            }
        }
        #expect(
            failures == 0, "\(failures) of \(lines.count) lines disagree",
            sourceLocation: sourceLocation)
    }

    /// Whether the parser accepts the line (and agrees with JSONDecoder on it).
    static func accepts(_ text: String) -> Bool {
        (try? parsed(Array(text.utf8)).get()) != nil
    }
}

/// A JSON value as written, for re-serializing lines in other shapes: numbers keep their text,
/// strings are decoded, objects keep their key order and duplicates.
indirect enum TestJSON {
    case object([(String, TestJSON)])
    case array([TestJSON])
    case string(String)
    case number(String)
    case literal(String)
    /// Bytes written as they are (for values only a lenient scanner accepts).
    case raw([UInt8])

    /// Parses well-formed JSON (test input only: traps on anything else).
    init(parsing bytes: [UInt8]) {
        var index = 0
        self = Self.value(bytes, &index)
    }

    private static func skipSpace(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private static func value(_ bytes: [UInt8], _ index: inout Int) -> TestJSON {
        skipSpace(bytes, &index)
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [(String, TestJSON)] = []
            skipSpace(bytes, &index)
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object([])
            }
            while true {
                skipSpace(bytes, &index)
                guard case .string(let key) = value(bytes, &index) else { fatalError("key") }
                skipSpace(bytes, &index)
                index += 1  // ':'
                members.append((key, value(bytes, &index)))
                skipSpace(bytes, &index)
                index += 1
                if bytes[index - 1] == UInt8(ascii: "}") { return .object(members) }
            }
        case UInt8(ascii: "["):
            index += 1
            var elements: [TestJSON] = []
            skipSpace(bytes, &index)
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array([])
            }
            while true {
                elements.append(value(bytes, &index))
                skipSpace(bytes, &index)
                index += 1
                if bytes[index - 1] == UInt8(ascii: "]") { return .array(elements) }
            }
        case UInt8(ascii: "\""):
            let start = index
            index += 1
            while bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            index += 1
            let text = try? JSONDecoder().decode(String.self, from: Data(bytes[start..<index]))
            return .string(text ?? "")
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let start = index
            while index < bytes.count,
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index])
            { index += 1 }
            return .literal(String(decoding: bytes[start..<index], as: UTF8.self))
        default:
            let start = index
            while index < bytes.count, Array("0123456789+-.eE".utf8).contains(bytes[index]) {
                index += 1
            }
            return .number(String(decoding: bytes[start..<index], as: UTF8.self))
        }
    }
}

/// How to write a `TestJSON` differently from `JSONEncoder`, keeping its meaning for
/// `JSONDecoder` (except where `duplicates` deliberately adds a key before the original).
struct TestJSONStyle {
    var shuffleKeys = false
    var whitespace = 0.0
    var escapes = 0.0
    var renumber = 0.0
    var trailingCommas = 0.0
    var dropNulls = 0.0
    var extraKeys = 0.0
    var laterDuplicates = 0.0

    static func random(_ random: inout SplitMix64) -> TestJSONStyle {
        TestJSONStyle(
            shuffleKeys: random.chance(0.7), whitespace: random.pick([0, 0.1, 0.5]),
            escapes: random.pick([0, 0.05, 0.3]), renumber: random.pick([0, 0, 0.2]),
            trailingCommas: random.pick([0, 0.2]), dropNulls: random.pick([0, 0.5, 1]),
            extraKeys: random.pick([0, 0.1]), laterDuplicates: random.pick([0, 0.1]))
    }
}

extension TestJSON {
    func write(_ style: TestJSONStyle, _ random: inout SplitMix64) -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, style, &random)
        return out
    }

    private static func space(
        _ out: inout [UInt8], _ style: TestJSONStyle, _ random: inout SplitMix64
    ) {
        while random.chance(style.whitespace) { out.append(random.pick([0x20, 0x09, 0x0A, 0x0D])) }
    }

    private func write(
        into out: inout [UInt8], _ style: TestJSONStyle, _ random: inout SplitMix64
    ) {
        Self.space(&out, style, &random)
        switch self {
        case .object(var members):
            if style.shuffleKeys { members.shuffle(using: &random) }
            members.removeAll { member in
                if case .literal("null") = member.1 { return random.chance(style.dropNulls) }
                return false
            }
            var extended: [(String, TestJSON)] = []
            for member in members {
                if random.chance(style.extraKeys) { extended.append(Self.randomMember(&random)) }
                extended.append(member)
                if random.chance(style.laterDuplicates) {
                    extended.append((member.0, Self.randomValue(&random, depth: 0)))
                }
            }
            out.append(UInt8(ascii: "{"))
            for (position, (key, value)) in extended.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                Self.space(&out, style, &random)
                Self.writeString(key, into: &out, style, &random)
                Self.space(&out, style, &random)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out, style, &random)
                Self.space(&out, style, &random)
            }
            if !extended.isEmpty, random.chance(style.trailingCommas) {
                out.append(UInt8(ascii: ","))
            }
            Self.space(&out, style, &random)
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                element.write(into: &out, style, &random)
                Self.space(&out, style, &random)
            }
            if !elements.isEmpty, random.chance(style.trailingCommas) {
                out.append(UInt8(ascii: ","))
            }
            Self.space(&out, style, &random)
            out.append(UInt8(ascii: "]"))
        case .string(let text):
            Self.writeString(text, into: &out, style, &random)
        case .number(let text):
            out.append(
                contentsOf: random.chance(style.renumber)
                    ? Self.renumber(text, &random) : Array(text.utf8))
        case .literal(let text):
            out.append(contentsOf: text.utf8)
        case .raw(let bytes):
            out.append(contentsOf: bytes)
        }
        Self.space(&out, style, &random)
    }

    /// Writes a string, escaping what must be and, at random, anything else.
    static func writeString(
        _ text: String, into out: inout [UInt8], _ style: TestJSONStyle,
        _ random: inout SplitMix64
    ) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            let mustEscape = scalar.value < 0x20 || scalar == "\"" || scalar == "\\"
            guard mustEscape || random.chance(style.escapes) else {
                out.append(contentsOf: String(scalar).utf8)
                continue
            }
            switch scalar {
            case "\"": out.append(contentsOf: Array(#"\""#.utf8))
            case "\\": out.append(contentsOf: Array(#"\\"#.utf8))
            case "/" where random.chance(0.5): out.append(contentsOf: Array(#"\/"#.utf8))
            case "\n" where random.chance(0.5): out.append(contentsOf: Array(#"\n"#.utf8))
            case "\t" where random.chance(0.5): out.append(contentsOf: Array(#"\t"#.utf8))
            default:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    let padded = String(repeating: "0", count: 4 - hex.count) + hex
                    out.append(contentsOf: Array("\\u".utf8))
                    out.append(contentsOf: (random.chance(0.5) ? padded.uppercased() : padded).utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The same number in another notation: `12.5` as `125e-1`, `1.25E+1`, `12.50`…
    static func renumber(_ text: String, _ random: inout SplitMix64) -> [UInt8] {
        var digits = ""
        var exponent = 0
        var negative = false
        var seenPoint = false
        var chars = Substring(text)
        if chars.first == "-" {
            negative = true
            chars = chars.dropFirst()
        }
        var mantissaPart = chars
        if let e = chars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(chars[chars.index(after: e)...]) ?? 0
            mantissaPart = chars[..<e]
        }
        for character in mantissaPart {
            if character == "." {
                seenPoint = true
            } else {
                digits.append(character)
                if seenPoint { exponent -= 1 }
            }
        }
        digits = String(digits.drop { $0 == "0" })
        if digits.isEmpty { digits = "0" }
        if digits != "0", random.chance(0.3) {
            let zeros = random.int(1...3)
            digits += String(repeating: "0", count: zeros)  // trailing zeros, same value
            exponent -= zeros
        }
        let point = random.int(1...digits.count)  // one digit before the point at least
        let integer = String(digits.prefix(point))
        let fraction = String(digits.dropFirst(point))
        let shifted = exponent + fraction.count
        var result = (negative ? "-" : "") + integer
        if !fraction.isEmpty { result += "." + fraction }
        if shifted != 0 || random.chance(0.3) {
            result +=
                random.pick(["e", "E"]) + (shifted >= 0 && random.chance(0.5) ? "+" : "")
                + String(shifted)
        }
        return Array(result.utf8)
    }

    static func randomMember(_ random: inout SplitMix64) -> (String, TestJSON) {
        (
            random.pick(["x", "extra", "ID", "v2", "bodies", "entries ", "é", ""]),
            randomValue(&random, depth: 0)
        )
    }

    /// A value for keys nobody decodes, often one only a lenient scanner accepts.
    static func randomValue(_ random: inout SplitMix64, depth: Int) -> TestJSON {
        switch random.int(0...(depth > 2 ? 5 : 7)) {
        case 0: return .literal(random.pick(["null", "true", "false"]))
        case 1:
            return .number(
                random.pick(["0", "-1", "1.5e3", "01", "1-+.e", "-", "9999999999999999999999"]))
        case 2: return .string(random.pick(["", "a", "é😀", "\u{0}", "line\nbreak"]))
        case 3:
            return .raw(
                random.pick([
                    Array(#""\q\u12zz""#.utf8), [0x22, 0x09, 0xC0, 0xFF, 0x22],
                    Array(#""\ud800""#.utf8),
                ]))
        case 4, 5: return .number(String(random.int(-1000...1000)))
        case 6:
            return .array(
                (0..<random.int(0...3)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            return .object(
                (0..<random.int(0...3)).map { _ in
                    (
                        random.pick(["a", "b", "id", "\u{1}"]),
                        randomValue(&random, depth: depth + 1)
                    )
                })
        }
    }
}
