import JournalModel
import Stats
import Testing

@Suite("progress table and page")
struct ProgressTableTests {
    @Test("sparkline bars sit on a fixed 0–10 scale: 3 → 4 is a small step, not the whole height")
    func fixedScale() {
        #expect(ProgressTable.sparkline([0, 10]) == "▁█")
        #expect(ProgressTable.sparkline([3, 4]) == "▃▄")
        #expect(ProgressTable.sparkline([nil, 5, .nan, 12, -1]) == " ▅ █▁")
    }

    @Test("no line is wider than asked, however long a name")
    func width() throws {
        let name = String(repeating: "very long custom exercise ", count: 8)
        let catalog = Catalog(custom: [Exercise(custom: name)])
        let id = try #require(catalog.exercises.last?.id)
        let session = Session(
            start: LocalTimestamp(epochSeconds: 1_795_600_000, utcOffsetSeconds: 3600),
            painBefore: PainScore(rawValue: 4), painAfter: PainScore(rawValue: 2),
            entries: [Entry(exercise: id, sets: [ExerciseSet(reps: 10, weight: Weight(value: 20, unit: .kg))])])
        let report = ProgressReport(sessions: [session], catalog: catalog, profile: Profile())
        for width in [10, 40, 57, 80, 200] {
            let lines = ProgressTable.lines(report, width: width)
            #expect(lines.allSatisfy { $0.count <= max(width, ProgressTable.minimumWidth) }, "\(width): \(lines)")
        }
    }

    @Test("the page escapes every name and holds no script")
    func page() {
        let catalog = Catalog(custom: [Exercise(custom: "<img src=x onerror=alert(1)>", perSide: true)])
        let id = catalog.exercises.last!.id
        let session = Session(
            start: LocalTimestamp(epochSeconds: 1_795_600_000, utcOffsetSeconds: 0),
            entries: [
                Entry(exercise: id, side: .left, sets: [ExerciseSet(reps: 10)]),
                Entry(exercise: id, side: .right, sets: [ExerciseSet(reps: 8)]),
            ])
        let report = ProgressReport(sessions: [session], catalog: catalog, profile: Profile())
        let html = ProgressPage.html(report, generated: session.start)
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<script"))
        #expect(html.contains(ProgressPage.generatorTag))
    }
}
