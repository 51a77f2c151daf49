import EventLog
import Foundation
import JournalModel
import Testing
import LimberTestSupport

/// Hand-written lines, each checked against `JSONDecoder`: same event, or both reject.
@Suite("event line parser: edge cases")
struct EventLineParserEdgeCaseTests {
    static let sessionBody =
        #"{"durationSeconds":1500,"entries":[{"exercise":"bird-dog","notes":null,"sets":[{"distanceMeters":null,"durationSeconds":null,"kind":"normal","reps":12,"rpe":null,"stoppedForPain":false,"weight":{"unit":"kg","value":12.5}}],"side":"left"}],"id":"0f8e2f0a-0000-4000-8000-000000000001","notes":"ok","painAfter":3,"painBefore":5,"routine":"sciatica","start":"2026-11-24T07:30:00+01:00"}"#

    static func line(
        body: String = sessionBody, type: String = "session.logged", extra: String = ""
    ) -> String {
        #"{"body":"# + body
            + #","dev":"d1","entity":"0f8e2f0a-0000-4000-8000-000000000001","hlc":"0001732512345678-0003","id":"e1","parents":[],"prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":42,"type":""#
            + type + #"","v":1"# + extra + "}"
    }

    static let base = line()

    /// `base` with the first `target` replaced by `replacement`.
    static func replacing(_ target: String, _ replacement: String, in text: String = base) -> String
    {
        guard let range = text.range(of: target) else { return "missing \(target)" }
        return text.replacingCharacters(in: range, with: replacement)
    }

    private func expectAgreement(
        _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        ParserOracle.expectAgreement(lines.map { Array($0.utf8) }, sourceLocation: sourceLocation)
    }

    @Test("the base line parses, equal to JSONDecoder's event")
    func baseLine() throws {
        let event = try EventLineParser.parse(ArraySlice(Self.base.utf8))
        #expect(event == ParserOracle.reference(Array(Self.base.utf8)))
        guard case .sessionLogged(let session) = event.body else {
            Issue.record("not a session")
            return
        }
        #expect(session.entries.first?.sets.first?.weight == Weight(value: 12.5, unit: .kg))
        #expect(event.hlc == HLC("0001732512345678-0003"))
    }

    @Test(
        "integers",
        arguments: [
            "12", "0", "-0", "-1", "1e1", "1E1", "12.0", "1.2e1", "120e-1", "1.5", "012", "-", "1-",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "-9223372036854775809", "99999999999999999999", "1.0000000000000001", "\"12\"", "true",
            "null", "12 ", " 12", "1e", "1e+", "0x10", "+1", ".5", "1.", "--1", "1..2", "1e1.5",
        ])
    func integers(_ reps: String) {
        expectAgreement([
            Self.replacing(#""reps":12"#, #""reps":"# + reps),
            Self.replacing(#""durationSeconds":1500"#, #""durationSeconds":"# + reps),
            Self.replacing(#""seq":42"#, #""seq":"# + reps),
            Self.replacing(#""painAfter":3"#, #""painAfter":"# + reps),
            Self.replacing(#""v":1"#, #""v":"# + reps),
        ])
    }

    @Test(
        "doubles",
        arguments: [
            "12.5", "12.50", "1.25e1", "1.25E+1", "125e-1", "125E-01", "0", "-0", "-0.0", "0e5",
            "0.0e-999", "1e400", "-1e400", "1e-400", "4.9e-324", "2.2250738585072014e-308",
            "1.7976931348623157e308", "1.7976931348623159e308", "0.1", "0.30000000000000004",
            "9007199254740993", "123456789012345678901234567890", "0.000000000000000000000000001",
            ".5", "5.", "+5", "05", "-05", "0x10", "1e", "1e+", "1e-", "--1", "1..5", "1.5.5",
            "1e5e5",
            "1e5.5", "1.e5", "NaN", "Infinity", "-Infinity", "\"12.5\"", "null", "true", "[12.5]",
            "1-2", "1+2", "1E5", "1e05", "1.5e+3",
            // JSONDecoder's zero check reads the last 1-3 bytes backwards: these differ.
            "0e1", "0E5", "0.00e1", "0e10", "0.00e-1", "0.0e-1", "-0e5", "0e05", "0.0E+2", "0e+5",
            "0e-5",
        ])
    func doubles(_ value: String) {
        expectAgreement([
            Self.replacing(#""value":12.5"#, #""value":"# + value),
            Self.replacing(#""rpe":null"#, #""rpe":"# + value),
            Self.replacing(#""distanceMeters":null"#, #""distanceMeters":"# + value),
        ])
    }

    @Test(
        "strings",
        arguments: [
            #""ok""#, #""a\"b""#, #""\\""#, #""\/""#, #""\b\f\n\r\t""#, #""\u00e9""#, #""\u00E9""#,
            #""\uD83D\uDE00""#, #""\ud83d\ude00""#, #""\uD83D""#, #""\uDE00""#, #""\uD83Dx""#,
            #""\uD83D\u0041""#, #""\uD83D\\""#, #""\u12""#, #""\u12345""#, #""\uZZZZ""#, #""\x""#,
            #""\u0000""#, #""\u+123""#, #""\u-123""#, "\"\t\"", "\"\u{7F}\"", "\"é😀\"", #""""#,
            #""\""#, #""abc"#, "\"a\u{2028}b\"", #""\uDBFF\uDFFF""#, #""\uD800\uDBFF""#, "null",
            "12",
            #""\u0022""#, #""\u005C""#, #""a\"#,
        ])
    func strings(_ value: String) {
        expectAgreement([
            Self.replacing(#""notes":"ok""#, #""notes":"# + value),
            Self.replacing(#""exercise":"bird-dog""#, #""exercise":"# + value),
            Self.replacing(#""id":"e1""#, #""id":"# + value),
            Self.replacing(#""dev":"d1""#, #""dev":"# + value),
            Self.replacing(#""x":1"#, #""x":"# + value, in: Self.line(extra: #","x":1"#)),
            Self.replacing(#""x":1"#, value + #":1"#, in: Self.line(extra: #","x":1"#)),
        ])
    }

    @Test("invalid UTF-8 is rejected where decoded, ignored where not")
    func invalidUTF8() {
        let bad: [[UInt8]] = [
            [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xE0, 0x9F, 0xBF], [0xFF], [0x80], [0xC3, 0xA9],
            [0xF0, 0x9F, 0x98, 0x80],
            [0xEF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF], [0xC2, 0x80, 0x41], [0xC3, 0x5C, 0x6E],
        ]
        var lines: [[UInt8]] = []
        for bytes in bad {
            for (target, template) in [
                (#""notes":"ok""#, Self.base), (#""dev":"d1""#, Self.base),
                (#""x":"ok""#, Self.line(extra: #","x":"ok""#)),
                (#""ok":1"#, Self.line(extra: #","ok":1"#)),
            ] {
                let text = Self.replacing(
                    target, target.replacingOccurrences(of: "ok", with: "\u{1}"), in: template)
                let utf8 = Array(text.utf8)
                let marker = utf8.firstIndex(of: 1) ?? 0
                lines.append(Array(utf8[..<marker]) + bytes + Array(utf8[(marker + 1)...]))
            }
        }
        ParserOracle.expectAgreement(lines)
    }

    @Test("whitespace, key order, BOM, UTF-16 and what surrounds the object")
    func layout() {
        let base = Self.base
        let spaced = base.replacingOccurrences(of: ",", with: " ,\n\t").replacingOccurrences(
            of: ":", with: "\r : "
        )
        .replacingOccurrences(of: "{", with: "{ ").replacingOccurrences(of: "[", with: "[ ")
        let texts = [
            spaced, " " + base + " \r\n\t", base + "x", base + "}", base + ",", "", " ", "{}", "[]",
            "null",
            "{", String(base.dropLast()), "[" + base + "]",
            base.replacingOccurrences(of: "\"v\":1", with: "\"v\":1,"),
        ]
        var lines = texts.map { Array($0.utf8) }
        lines.append([0xEF, 0xBB, 0xBF] + Array(base.utf8))
        lines.append([0xEF, 0xBB] + Array(base.utf8))
        lines.append(
            [0xFF, 0xFE] + Array(base.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        lines.append(Array(base.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        lines.append(Array(base.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        lines.append([0] + Array(base.utf8))
        lines.append(Array(base.utf8) + [0])
        ParserOracle.expectAgreement(lines)
    }

    @Test("keys in any order and any spelling")
    func keyOrder() throws {
        let data = Data(Self.base.utf8)
        let event = try JSONCoding.decoder().decode(Event.self, from: data)
        // Reverse the order of every object by re-serializing.
        var random = SplitMix64(seed: 7)
        var lines: [[UInt8]] = []
        for seed in 0..<50 {
            var style = TestJSONStyle.random(&random)
            style.shuffleKeys = true
            style.escapes = seed.isMultiple(of: 2) ? 0.5 : 0
            lines.append(TestJSON(parsing: Array(Self.base.utf8)).write(style, &random))
        }
        ParserOracle.expectAgreement(lines)
        #expect(
            try EventLineParser.parse(ArraySlice(Self.replacing(#""type""#, #""\u0074ype""#).utf8))
                == event)
    }

    @Test("null and missing optional keys both mean absent")
    func nullsAndMissing() {
        let body = Self.sessionBody
        let variants = [
            (#""notes":null,"#, ""), (#""durationSeconds":1500,"#, #""durationSeconds":null,"#),
            (#""durationSeconds":1500,"#, ""), (#""routine":"sciatica","#, #""routine":null,"#),
            (#""routine":"sciatica","#, ""), (#""painAfter":3,"#, #""painAfter":null,"#),
            (#""painAfter":3,"#, ""),
            (#""entries":[{"#, #""entries":null,"x":[{"#), (#""sets":[{"#, #""sets":null,"y":[{"#),
            (#""kind":"normal","#, #""kind":null,"#), (#""kind":"normal","#, ""),
            (#""stoppedForPain":false,"#, #""stoppedForPain":null,"#),
            (#""stoppedForPain":false,"#, ""),
            (#""side":"left""#, #""side":null"#), (#","side":"left""#, ""),
            (#""weight":{"unit":"kg","value":12.5}"#, #""weight":null"#),
            (#""id":"0f8e2f0a-0000-4000-8000-000000000001","#, ""),
            (#""id":"0f8e2f0a-0000-4000-8000-000000000001","#, #""id":null,"#),
            (#""start":"2026-11-24T07:30:00+01:00""#, #""start":null"#),
            (#","start":"2026-11-24T07:30:00+01:00""#, ""),
            (#""exercise":"bird-dog","#, ""), (#""exercise":"bird-dog","#, #""exercise":null,"#),
            (#""unit":"kg","#, ""), (#""unit":"kg","#, #""unit":null,"#), (#","value":12.5"#, ""),
            (#""unit":"kg""#, #""unit":"KG""#), (#""unit":"kg""#, #""unit":"lb""#),
            (#""side":"left""#, #""side":"Left""#),
            (#""kind":"normal""#, #""kind":"warmup""#), (#""kind":"normal""#, #""kind":"drop""#),
            (#""kind":"normal""#, #""kind":"failure""#), (#""kind":"normal""#, #""kind":"w""#),
            (#""stoppedForPain":false"#, #""stoppedForPain":true"#),
            (#""stoppedForPain":false"#, #""stoppedForPain":0"#),
            (#""stoppedForPain":false"#, #""stoppedForPain":"false""#),
            (#""stoppedForPain":false"#, #""stoppedForPain":fals"#),
            (#""painAfter":3"#, #""painAfter":11"#), (#""painAfter":3"#, #""painAfter":-1"#),
            (#""painAfter":3"#, #""painAfter":10"#),
            (#""start":"2026-11-24T07:30:00+01:00""#, #""start":"2026-11-24T07:30:00Z""#),
            (#""start":"2026-11-24T07:30:00+01:00""#, #""start":"2026-11-24 07:30:00.123+0100""#),
            (#""start":"2026-11-24T07:30:00+01:00""#, #""start":"2026-02-30T07:30:00Z""#),
            (#""start":"2026-11-24T07:30:00+01:00""#, #""start":"2026-11-24T07:30+01:00""#),
            (#""start":"2026-11-24T07:30:00+01:00""#, #""start":"2026-11-24T07:30:00+01:00 ""#),
            (#""start":"2026-11-24T07:30:00+01:00""#, #""start":"2026-11-24T07:30:00\u002B01:00""#),
            (#""entries":[{"#, #""entries":[null,{"#), (#""entries":[{"#, #""entries":{"a":{"#),
            (#"}],"side""#, #"},],"side""#), (#"}],"id""#, #"},],"id""#),
        ]
        var lines = variants.map { Self.line(body: Self.replacing($0.0, $0.1, in: body)) }
        lines.append(Self.replacing(#""parents":[]"#, #""parents":null"#))
        lines.append(Self.replacing(#""parents":[],"#, ""))
        lines.append(Self.replacing(#""parents":[]"#, #""parents":["a","b",]"#))
        lines.append(Self.replacing(#""parents":[]"#, #""parents":["a",null]"#))
        lines.append(Self.replacing(#""parents":[]"#, #""parents":"a""#))
        lines.append(Self.replacing(#""parents":[]"#, #""parents":[,]"#))
        expectAgreement(lines)
    }

    @Test("every body type, unknown types, and the body before or after the type")
    func bodyTypes() throws {
        let patch =
            #"{"changes":{"entry:bird-dog:left":{"exercise":"bird-dog","notes":null,"sets":[],"side":"left"},"entry:rockback":null,"notes":null,"painAfter":3,"start":"2026-11-24T07:30:00Z","durationSeconds":null,"routine":"r","painBefore":null,"mood":"x","entry:":1,"entry:a:b:c":[]}}"#
        let exercise =
            #"{"id":"custom-1","name":"Plank","perSide":false,"measure":"hold","aliases":[],"cautions":[],"builtIn":false,"notes":null}"#
        let routine =
            #"{"id":"r1","name":"R","items":[{"exercise":"bird-dog","prescription":{"text":"2x8","sets":2,"repsMin":8}}],"builtIn":false}"#
        let profile = #"{"conditions":["herniated-disc"]}"#
        var lines: [String] = []
        for type in [
            "session.logged", "session.amended", "session.deleted", "session.restored",
            "exercise.defined",
            "routine.defined", "profile.set", "conflict.resolved", "future.kind", "",
            "session.logged2",
        ] {
            for body in [
                Self.sessionBody, patch, exercise, routine, profile, "{}", "null", "[1,2,]", "1",
                #""x""#,
                #"{"changes":{}}"#, #"{"changes":null}"#, #"{"changes":[]}"#,
                #"{"a":1,"changes":{"notes":"n"}}"#,
                #"{"changes":{"painAfter":"x"}}"#, #"{"\u0063hanges":{"painAfter":2}}"#,
                #"{"x":"\q"}"#,
            ] {
                lines.append(Self.line(body: body, type: type))
                // The type first, then the body.
                lines.append(
                    #"{"type":""# + type + #"","body":"# + body + ","
                        + String(Self.line(body: "0", type: type).dropFirst(10)))
            }
            // No body at all.
            lines.append(
                Self.replacing(#""body":"# + Self.sessionBody + ",", "", in: Self.line(type: type)))
        }
        expectAgreement(lines)
        let deleted = try EventLineParser.parse(
            ArraySlice(Self.line(body: #"{"x":"\q"}"#, type: "session.deleted").utf8))
        #expect(deleted.body == .sessionDeleted)
    }

    @Test("duplicate keys: the first wins, as in JSONDecoder; later values are only skipped")
    func duplicateKeys() throws {
        let lines = [
            Self.replacing(#""reps":12"#, #""reps":12,"reps":"x""#),
            Self.replacing(#""reps":12"#, #""reps":"x","reps":12"#),
            Self.replacing(#""reps":12"#, #""reps":7,"reps":12"#),
            Self.replacing(#""seq":42"#, #""seq":42,"seq":43"#),
            Self.replacing(
                #""type":"session.logged""#, #""type":"session.logged","type":"session.deleted""#),
            Self.replacing(#""body":{"#, #""body":{"id":"dup","#),
            Self.replacing(#""body":"#, #""body":{"x":"\q"},"body":"#),
            Self.replacing(#""v":1"#, #""v":1,"body":7"#),
            Self.replacing(#""value":12.5"#, #""value":12.5,"value":1e999"#),
            Self.replacing(#""unit":"kg""#, #""unit":"kg","\u0075nit":"lb""#),
            Self.line(
                body: #"{"changes":{"painAfter":3,"painAfter":"x","p\u0061inAfter":4}}"#,
                type: "session.amended"),
            Self.line(
                body: #"{"changes":{"entry:caf\u00e9":null,"entry:cafe\u0301":{"exercise":"x"}}}"#,
                type: "session.amended"),
            Self.line(
                body: #"{"changes":{"entry:cafe\u0301":{"exercise":"x"},"entry:caf\u00e9":null}}"#,
                type: "session.amended"),
            Self.line(
                body: #"{"changes":{"notes":"a"},"changes":{"notes":"b"}}"#, type: "session.amended"
            ),
        ]
        expectAgreement(lines)
        let event = try EventLineParser.parse(ArraySlice(lines[2].utf8))
        guard case .sessionLogged(let session) = event.body else {
            Issue.record("not a session")
            return
        }
        #expect(session.entries.first?.sets.first?.reps == 7)
    }

    @Test("extra keys anywhere are skipped, whatever they hold")
    func extraKeys() {
        let junk = [
            "1", #""s""#, "null", "true", "[1,[2,{}],]", #"{"a":{"b":[]}}"#, #""\q\u12zz""#,
            "1-+.e", "01",
            "-", #"{"\u0000":1}"#, "[", "tru", #""\u12""#, "{,}", "[,]", "[1,,2]", #"{"a"}"#,
            #"{"a":}"#,
        ]
        var lines: [String] = []
        for value in junk {
            let member = #""zz":"# + value
            lines.append(Self.line(extra: "," + member))
            lines.append(Self.replacing(#""kind":"normal""#, #""kind":"normal","# + member))
            lines.append(Self.replacing(#""unit":"kg""#, member + #","unit":"kg""#))
            lines.append(
                Self.replacing(#""exercise":"bird-dog""#, member + #","exercise":"bird-dog""#))
            lines.append(
                Self.replacing(#""durationSeconds":1500"#, member + #","durationSeconds":1500"#))
        }
        expectAgreement(lines)
    }

    @Test("nesting is bounded at 512 levels, like JSONDecoder, without recursion")
    func nesting() {
        func nested(_ levels: Int) -> String {
            String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        }
        let lines = [509, 510, 511, 512, 513, 100_000].flatMap { levels in
            [
                Self.line(extra: #","x":"# + nested(levels)),
                Self.replacing(#""kind":"normal""#, #""kind":"normal","x":"# + nested(levels)),
                Self.line(
                    extra: #","x":"# + String(repeating: #"{"a":"#, count: levels) + "1"
                        + String(repeating: "}", count: levels)),
                Self.line(extra: #","x":"# + String(repeating: "[", count: levels)),
            ]
        }
        expectAgreement(lines)
        #expect(ParserOracle.accepts(Self.line(extra: #","x":"# + nested(511))))
        #expect(!ParserOracle.accepts(Self.line(extra: #","x":"# + nested(512))))
    }

    @Test("hlc, version and envelope types")
    func envelope() {
        let hlcs = [
            "0001732512345678-0003", "9999999999999999-9999", "0001732512345678-00031",
            "001732512345678-0003",
            "0001732512345678+0003", "000173251234567a-0003", "\\u0030001732512345678-0003", "",
        ]
        var lines = hlcs.map {
            Self.replacing(#""hlc":"0001732512345678-0003""#, #""hlc":""# + $0 + #"""#)
        }
        lines += ["2", "0", "-1", "1.0", "\"1\"", "null"].map {
            Self.replacing(#""v":1"#, #""v":"# + $0)
        }
        lines += ["18446744073709551615", "18446744073709551616", "-0", "-1"].map {
            Self.replacing(#""seq":42"#, #""seq":"# + $0)
        }
        lines += [#""id":1"#, #""dev":null"#, #""entity":[]"#, #""prev":{}"#, #""type":5"#].map {
            Self.replacing(#""id":"e1""#, $0)
        }
        lines += [
            #""id":"e1","#, #""dev":"d1","#, #""seq":42,"#,
            #""prev":"0000000000000000000000000000000000000000000000000000000000000000","#,
        ]
        .map { Self.replacing($0, "") }
        expectAgreement(lines)
    }
}
