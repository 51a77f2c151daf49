import FoundationEssentials
import JournalModel
import Testing

@testable import Interchange

/// Writes `text` to a file in a new folder and imports it as limber JSON (or recognised).
private func importJSON(_ text: String, format: ImportFormat? = .limber) throws -> Result<
    ImportedData, ImportError
> {
    let folder = try TempFolder()
    defer { folder.remove() }
    let path = try folder.write("export.json", text)
    do {
        return .success(try importFile(path, format: format))
    } catch {
        return .failure(error)
    }
}

/// The import error of `text`, or `nil` when it imports.
private func jsonError(_ text: String) throws -> ImportError? {
    guard case .failure(let error) = try importJSON(text) else { return nil }
    return error
}

/// The line numbers (1-based) on which each of `parts` begins when joined.
private func startLines(of parts: [String], joinedBy separator: String, after prefix: String)
    -> [Int]
{
    var line = 1 + prefix.count { $0 == "\n" }
    var lines: [Int] = []
    for part in parts {
        lines.append(line)
        line += (part + separator).count { $0 == "\n" }
    }
    return lines
}

@Suite("limber JSON import")
struct LimberJSONImportTests {
    @Test("a hand-written export imports every session, exercise and the profile")
    func validExport() throws {
        let data = try importJSON(SampleJournal.document(), format: nil).get()
        #expect(data.format == .limber)
        #expect(data.sessions == (try SampleJournal.sessions()))
        #expect(data.exercises == SampleJournal.exercises)
        #expect(data.routines.isEmpty)
        #expect(data.profile == SampleJournal.profile)
        #expect(data.records == 3)
    }

    @Test("a pretty-printed export gives the same sessions as the one-line-per-session file")
    func prettyPrinted() throws {
        let encoder = JSONCoding.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        let sessions = try SampleJournal.sessions().map {
            String(decoding: try encoder.encode($0), as: UTF8.self)
        }
        let exercises = String(decoding: try encoder.encode(SampleJournal.exercises), as: UTF8.self)
        let text =
            "{\n  \"version\" : 1,\n  \"sessions\" : [\n" + sessions.joined(separator: ",\n")
            + "\n  ],\n  \"format\" : \"limber.export\",\n  \"exercises\" : " + exercises
            + ",\n  \"profile\" : {\n    \"conditions\" : [\n      \"herniated-disc\"\n    ]\n  }\n}\n"
        #expect(text.count { $0 == "\n" } > 60, "really multi-line")
        let data = try importJSON(text, format: nil).get()
        #expect(data.sessions == (try SampleJournal.sessions()))
        #expect(data.exercises == SampleJournal.exercises)
        #expect(data.profile == SampleJournal.profile)
    }

    @Test("an invalid session in the middle is reported on its line; nothing is imported")
    func invalidSessionInTheMiddle() throws {
        var sessions = SampleJournal.sessionJSON
        sessions[1] = sessions[1].replacingOccurrences(of: #""reps": 10,"#, with: #""reps": -3,"#)
        let problems = rowProblems(try jsonError(SampleJournal.document(sessions: sessions)))
        try #require(problems.count == 1)
        #expect(problems[0].line == 3)
        #expect(problems[0].column == 1)
        // The model's message names its field: it is said once.
        let text = problems[0].description
        let field = try #require(problems[0].field)
        #expect(text.components(separatedBy: field + ":").count == 2, "\(text)")
    }

    @Test("a session that is not valid JSON is reported on its line")
    func malformedSessionInTheMiddle() throws {
        var sessions = SampleJournal.sessionJSON
        sessions[1] = sessions[1].replacingOccurrences(of: #""reps": 10,"#, with: #""reps": ten,"#)
        let problems = rowProblems(try jsonError(SampleJournal.document(sessions: sessions)))
        try #require(problems.count == 1)
        #expect(problems[0].line == 3)
    }

    @Test("every bad session is reported, each on its own line")
    func twoBadSessions() throws {
        var sessions = SampleJournal.sessionJSON
        sessions[0] = sessions[0].replacingOccurrences(
            of: #""painBefore": 6"#, with: #""painBefore": 11"#)
        sessions[2] = sessions[2].replacingOccurrences(
            of: #""exercise": "rowing""#, with: #""exercise": "Rowing Machine""#)
        let error = try jsonError(SampleJournal.document(sessions: sessions))
        #expect(rowProblems(error).map(\.line) == [2, 4])
    }

    @Test("in a pretty-printed file a bad session is reported on the line it starts on")
    func invalidSessionPretty() throws {
        var values = try SampleJournal.sessions()
        values[2].durationSeconds = 100_000  // over 24 hours
        let encoder = JSONCoding.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        let sessions = try values.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        let prefix =
            "{\n  \"format\" : \"limber.export\",\n  \"version\" : 1,\n  \"sessions\" : [\n"
        let text = prefix + sessions.joined(separator: ",\n") + "\n  ]\n}\n"
        let lines = startLines(of: sessions, joinedBy: ",\n", after: prefix)
        let problems = rowProblems(try jsonError(text))
        try #require(problems.count == 1)
        #expect(problems[0].line == lines[2])
        #expect(problems[0].field == "durationSeconds")
    }

    @Test("a syntax error deep in a pretty-printed session is reported inside that session")
    func malformedSessionPretty() throws {
        let encoder = JSONCoding.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        var sessions = try SampleJournal.sessions().map {
            String(decoding: try encoder.encode($0), as: UTF8.self)
        }
        sessions[1] = sessions[1].replacingOccurrences(of: "\"rpe\" : 8.5", with: "\"rpe\" : 8..5")
        let prefix =
            "{\n  \"format\" : \"limber.export\",\n  \"version\" : 1,\n  \"sessions\" : [\n"
        let text = prefix + sessions.joined(separator: ",\n") + "\n  ]\n}\n"
        let lines = startLines(of: sessions, joinedBy: ",\n", after: prefix)
        let problems = rowProblems(try jsonError(text))
        try #require(problems.count == 1)
        #expect((lines[1]..<lines[2]).contains(problems[0].line))
    }

    @Test("a session id that appears twice is reported on the second")
    func duplicateID() throws {
        var sessions = SampleJournal.sessionJSON
        sessions[2] = sessions[2].replacingOccurrences(
            of: SampleJournal.ids[2], with: SampleJournal.ids[0])
        let problems = rowProblems(try jsonError(SampleJournal.document(sessions: sessions)))
        try #require(problems.count == 1)
        #expect(problems[0].line == 4)
        #expect(problems[0].field == "id")
        #expect(problems[0].message.contains("appears twice"))
    }

    @Test("a JSON file of another format is refused at its format key")
    func wrongFormat() throws {
        let problems = rowProblems(
            try jsonError(#"{"format": "strong.export", "version": 1, "sessions": []}"#))
        try #require(problems.count == 1)
        #expect(problems[0].field == "format")
        #expect(problems[0].line == 1)
        #expect(problems[0].column == 12)
    }

    @Test("a JSON object without a format key is refused")
    func noFormat() throws {
        let problems = rowProblems(try jsonError(#"{"version": 1, "sessions": []}"#))
        #expect(problems.map(\.field) == ["format"])
    }

    @Test("an export of version 2 is refused, saying a newer limber wrote it")
    func version2() throws {
        let text = SampleJournal.document().replacingOccurrences(
            of: #""version": 1"#, with: #""version": 2"#)
        let problems = rowProblems(try jsonError(text))
        try #require(problems.count == 1)
        #expect(problems[0].field == "version")
        #expect(problems[0].message.contains("version 2"))
        #expect(problems[0].line == 1)
    }

    @Test("a file cut short anywhere is refused, never imported in part")
    func truncated() throws {
        let document = Array(SampleJournal.document().utf8)
        let folder = try TempFolder()
        defer { folder.remove() }
        // The last byte is the final line break: without it the export is still whole. Cuts
        // every 23 bytes, and on both sides of every line break.
        var cuts = Set(stride(from: 0, to: document.count - 1, by: 23))
        for (index, byte) in document.enumerated() where byte == 0x0A && index < document.count - 1
        {
            cuts.formUnion([index - 1, index, index + 1])
        }
        for cut in cuts.sorted() {
            let path = try folder.write("cut.json", Array(document[0..<cut]))
            let error = importError(path, format: .limber)
            #expect(error != nil, "cut at \(cut) imported")
        }
        let inSecond =
            SampleJournal.document().split(separator: "\n")[0...1].joined(separator: "\n") + "\n"
            + SampleJournal.sessionJSON[1].prefix(40)
        let problems = rowProblems(try jsonError(inSecond))
        #expect(problems.map(\.line) == [3])
        #expect(problems.first?.message.contains("cut short") == true)
    }

    @Test("anything after the export object is refused")
    func trailingGarbage() throws {
        for tail in ["garbage", "{}", "]", "\n\n,"] {
            let problems = rowProblems(try jsonError(SampleJournal.document() + tail))
            #expect(problems.count == 1, "\(tail)")
            #expect(problems.first?.message.contains("after the export object") == true, "\(tail)")
        }
        #expect(try jsonError(SampleJournal.document() + "  \n\t\n") == nil, "whitespace is fine")
    }

    @Test("an empty export is valid and holds nothing")
    func emptyExport() throws {
        let data = try importJSON(
            #"{"format":"limber.export","version":1,"sessions":[],"exercises":[],"routines":[],"profile":{"conditions":[]}}"#
        ).get()
        #expect(data.sessions.isEmpty && data.exercises.isEmpty && data.records == 0)
    }
}
