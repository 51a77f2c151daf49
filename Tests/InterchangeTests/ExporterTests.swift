import JournalModel
import Testing

@testable import Interchange

/// Exports `content` as `format` to `name` in `folder`, committed, and returns the path.
private func export(
    _ content: ExportContent, as format: ExportFormat, to folder: TempFolder, name: String
)
    throws -> String
{
    let path = folder.file(name)
    let output = try ExportOutput(path: path)
    try Exporter.write(content, as: format, to: output)
    try output.commit()
    return path
}

@Suite("exports")
struct ExporterTests {
    @Test("the CSV export starts with limber's header and writes one row per set")
    func csvHeader() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try export(try SampleJournal.content(), as: .csv, to: folder, name: "out.csv")
        let text = try readText(path)
        let firstLine = text.prefix { $0 != "\r\n" && $0 != "\n" }
        #expect(firstLine == LimberCSVLayout.columns.joined(separator: ","))
        #expect(text.hasPrefix(LimberCSVLayout.columns.joined(separator: ",") + "\r\n"))
        // 2 + 3 sets, the empty rockback entry's row, 1 set.
        let rows = try #require(try? importFile(path, format: .csv)).records
        #expect(rows == 7)
    }

    @Test("a CSV export reads back to the same sessions, notes with , \" and line breaks intact")
    func csvRoundTrip() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try export(try SampleJournal.content(), as: .csv, to: folder, name: "out.csv")
        let data = try importFile(path, format: .csv)
        #expect(data.format == .csv)
        let expected = try SampleJournal.sessions()
        #expect(data.sessions == expected)
        #expect(data.sessions.first?.notes == SampleJournal.sessionNotes)
        #expect(data.sessions.first?.entries.last?.notes == "slow, \"controlled\"")
        #expect(data.exercises.map(\.id) == ["goblet-squat", "rowing"])
        #expect(try importFile(path).format == .csv, "recognised from its header")
    }

    @Test("a CSV field with a comma, quote or line break is quoted, quotes doubled")
    func csvQuoting() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let text = try readText(
            try export(try SampleJournal.content(), as: .csv, to: folder, name: "out.csv"))
        #expect(text.contains(#","Knee, ""tight""\#nthen *better* # ok","#))
        #expect(text.contains(#","slow, ""controlled""","#))
        #expect(text.contains(",skipped: knee,"))
    }

    @Test("the Markdown log escapes Markdown characters in notes and marks warm-ups and pain stops")
    func markdown() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let text = try readText(
            try export(try SampleJournal.content(), as: .markdown, to: folder, name: "log.md"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# Training log")
        #expect(lines.contains("## 2026-11-24 (Tue) 07:30 · sciatica · 25 min"))
        #expect(lines.contains("Pain 6/10 before, 4/10 after."))
        #expect(lines.contains("- **Bird dog** (left): 12 × 5 kg"))
        #expect(lines.contains("> Knee, \"tight\""))
        #expect(lines.contains(##"> then \*better\* \# ok"##))
        #expect(!text.contains("then *better*"), "an unescaped * would start emphasis")
        #expect(lines.contains { $0.contains("30 s hold (stopped: pain)") })
        #expect(
            lines.contains {
                $0.hasPrefix("- **Goblet squat**: 8 × 16 kg (warm-up), 10 × 35.5 lb @8.5")
            })
        #expect(lines.contains { $0.contains("7 × 35.5 lb (to failure)") })
        #expect(lines.contains { $0.contains("(drop set)") })
        #expect(lines.contains("- **Rockbacks**: no sets recorded"))
        #expect(lines.contains("  - skipped: knee"))
    }

    @Test("Markdown escapes every structural character a person might type")
    func markdownEscape() {
        #expect(
            MarkdownExporter.escape("# *a* _b_ [c](d) <e> |f| `g` !h ~i \\")
                == ##"\# \*a\* \_b\_ \[c\](d) \<e\> \|f\| \`g\` \!h \~i \\"##)
    }

    @Test("the JSON export re-imports to the same sessions, exercises and profile")
    func jsonRoundTrip() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try export(try SampleJournal.content(), as: .json, to: folder, name: "out.json")
        let data = try importFile(path, format: .limber)
        #expect(data.sessions == (try SampleJournal.sessions()))
        #expect(data.exercises == SampleJournal.exercises)
        #expect(data.profile == SampleJournal.profile)
        #expect(data.routines.isEmpty)
        #expect(try importFile(path).format == .limber, "recognised from its content")
        let text = try readText(path)
        #expect(text.contains(#""format":"limber.export""#))
        #expect(text.contains(#""version":1"#))
        #expect(text.split(separator: "\n").count == 3 + 2, "one line per session")
    }

    @Test("an empty export writes and re-imports as empty")
    func emptyExports() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let content = ExportContent(
            sessions: [], catalog: Catalog(), profile: Profile(),
            exportedAt: LocalTimestamp(epochSeconds: 0, utcOffsetSeconds: 0))
        let json = try export(content, as: .json, to: folder, name: "e.json")
        #expect(try importFile(json).sessions.isEmpty)
        let csv = try export(content, as: .csv, to: folder, name: "e.csv")
        #expect(try readText(csv) == LimberCSVLayout.columns.joined(separator: ",") + "\r\n")
        let markdown = try export(content, as: .markdown, to: folder, name: "e.md")
        #expect(try readText(markdown).contains("No sessions."))
    }

    @Test("an export file appears only at commit, with mode 0600")
    func appearsAtCommit() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = folder.file("out.json")
        let output = try ExportOutput(path: path)
        try Exporter.write(try SampleJournal.content(), as: .json, to: output)
        #expect(!exists(path))
        #expect(folder.names().count == 1, "only the temporary file")
        try output.commit()
        #expect(exists(path))
        #expect(permissions(path) == 0o600)
        #expect(folder.names() == ["out.json"])
        #expect(try importFile(path).sessions.count == 3)
    }

    @Test("an export released without commit leaves nothing behind")
    func abandoned() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        do {
            let output = try ExportOutput(path: folder.file("out.csv"))
            try Exporter.write(try SampleJournal.content(), as: .csv, to: output)
            // Past the 64 KiB buffer, so bytes reach the temporary file.
            try output.write(String(repeating: "x", count: 1 << 17))
            #expect(folder.names().count == 1)
        }
        #expect(folder.names().isEmpty)
    }

    @Test("an existing file is replaced only at commit")
    func replaceAtCommit() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("out.md", "old log\n")
        let output = try ExportOutput(path: path)
        try Exporter.write(try SampleJournal.content(), as: .markdown, to: output)
        #expect(try readText(path) == "old log\n")
        try output.commit()
        #expect(try readText(path).hasPrefix("# Training log\n"))
        #expect(permissions(path) == 0o600)
    }

    @Test("an export into a missing folder is refused before anything is written")
    func missingFolder() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        #expect(throws: ExportError.self) { try ExportOutput(path: folder.file("absent/out.json")) }
        #expect(throws: ExportError.self) { try ExportOutput(path: folder.path + "/") }
        #expect(folder.names().isEmpty)
    }
}
