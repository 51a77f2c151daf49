import Foundation
import JournalModel
import Stats
import Testing

@Suite("stats --json written in pieces")
struct StreamedJSONTests {
    /// The whole report encoded at once, as `stats --json` printed it before.
    private func whole(_ report: ProgressReport) throws -> String {
        let encoder = JSONCoding.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    private func pieces(_ report: ProgressReport) throws -> (text: String, count: Int) {
        var text = ""
        var count = 0
        try report.writeJSON { piece in
            text += piece
            count += 1
        }
        return (text, count)
    }

    @Test("the same bytes as one JSONEncoder pass, with no sessions, one, and across the chunks", arguments: [0, 1, 999, 1000, 2501])
    func sameBytes(sessions count: Int) throws {
        let sessions = try (0..<count).map { index in
            try ProgressReportTests.session(
                "2026-01-05T07:30:00", id: index + 1, routine: index % 3 == 0 ? "sciatica" : nil,
                pain: index % 2 == 0 ? (4, 3) : nil,
                [Entry(exercise: "bird-dog", side: index % 2 == 0 ? .left : .right, notes: "a \"quote\"\nand a line",
                       sets: ProgressReportTests.sets(10 + index % 5, count: 2))])
        }
        let report = ProgressReportTests.report(sessions)
        let streamed = try pieces(report)
        #expect(streamed.text == (try whole(report)))
        #expect(streamed.count == (count == 0 ? 1 : 2 + (count + 999) / 1000))
    }
}
