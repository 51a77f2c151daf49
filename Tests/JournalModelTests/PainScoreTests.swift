import FoundationEssentials
import JournalModel
import Testing

@Test("0 and 10 are the bounds", arguments: [0, 5, 10])
func painInRange(_ value: Int) throws {
    #expect(try PainScore(validating: value).rawValue == value)
    #expect(PainScore(rawValue: value) != nil)
}

@Test("outside 0…10 is rejected", arguments: [-1, 11, 100, Int.min])
func painOutOfRange(_ value: Int) throws {
    #expect(PainScore(rawValue: value) == nil)
    let error = try #require(throws: ModelError.self) { try PainScore(validating: value) }
    #expect(error.kind == .outOfRange)
    #expect(error.description.contains(String(value)))
}

@Test("parsing names the option, quotes the input and explains the scale")
func painParsingError() throws {
    let error = try #require(throws: ModelError.self) {
        try PainScore(parsing: "11", field: "--pain-before")
    }
    #expect(
        error.description == #"--pain-before: pain must be a whole number from 0 to 10, got "11""#)
    #expect(error.fix == "use 0 (no pain) … 10 (worst imaginable)")
    #expect(error.field == "--pain-before" && error.input == "11")
}

@Test("typed pain", arguments: [("0", 0), (" 7 ", 7), ("10", 10), ("04", 4)])
func painParsing(_ text: String, _ value: Int) throws {
    #expect(try PainScore(parsing: text, field: "--pain-after").rawValue == value)
}

@Test("non-numbers are rejected", arguments: ["", "abc", "5.5", "-1", "+5", "１", "100", "7/10"])
func painParsingRejects(_ text: String) {
    #expect(throws: ModelError.self) { try PainScore(parsing: text, field: "--pain-after") }
}

@Test("pain codes as a bare integer and decoding checks the range")
func painCoding() throws {
    let data = try JSONCoding.encoder().encode([try PainScore(validating: 3)])
    #expect(String(decoding: data, as: UTF8.self) == "[3]")
    #expect(try JSONCoding.decoder().decode([PainScore].self, from: data)[0].rawValue == 3)
    #expect(throws: DecodingError.self) {
        try JSONCoding.decoder().decode([PainScore].self, from: Data("[-1]".utf8))
    }
}

@Test("scores order by rating")
func painOrder() throws {
    #expect(try PainScore(validating: 2) < PainScore(validating: 3))
}
