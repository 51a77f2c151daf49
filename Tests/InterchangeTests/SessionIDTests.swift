import JournalModel
import Testing

@testable import Interchange

@Suite("session ids of imported workouts")
struct SessionIDTests {
    static let files = [
        "strong/sample_strong.csv", "hevy/sample_hevy.csv", "fitnotes/lifting.csv",
        "variants/strong-french.csv", "variants/hevy-us-dates.csv", "variants/fitnotes-cardio.csv",
    ]

    @Test("reading the same file twice gives the same session ids", arguments: files)
    func sameFileSameIDs(_ file: String) throws {
        let first = try RealExports.read(file)
        let second = try importFixture(file)
        #expect(first.sessions.map(\.id) == second.sessions.map(\.id))
        #expect(first.sessions == second.sessions)
    }

    @Test("every session of a file has its own valid lowercase UUID", arguments: files)
    func distinctValidIDs(_ file: String) throws {
        let ids = try RealExports.read(file).sessions.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy(Session.isValidID))
    }

    @Test("the ids do not depend on the zone the times are read in")
    func idsIgnoreZone() throws {
        let path = FixturePaths.imports("variants/strong-12h.csv")
        let plus = try Importer.read(
            path, options: ImportOptions(zone: .fixed(utcOffsetSeconds: 3600), defaultWeightUnit: .kg), catalog: Catalog())
        let minus = try Importer.read(
            path, options: ImportOptions(zone: .fixed(utcOffsetSeconds: -5 * 3600), defaultWeightUnit: .kg),
            catalog: Catalog())
        #expect(plus.sessions.map(\.id) == minus.sessions.map(\.id))
        #expect(minus.sessions.first?.start.rfc3339 == "2025-01-29T17:30:00-05:00")
    }

    @Test("the same source key in two formats gives two different ids")
    func formatsDiffer() {
        let key = "2024-11-28 17:36:08\nB"
        let ids = ImportFormat.allCases.map { SessionAssembler.sessionID(format: $0, key: key) }
        #expect(Set(ids).count == ImportFormat.allCases.count)
        #expect(ids.allSatisfy(Session.isValidID))
    }

    @Test("different source keys in one format give different ids; the same key the same id")
    func keysDiffer() {
        let a = SessionAssembler.sessionID(format: .strong, key: "2024-11-28 17:36:08\nB")
        let b = SessionAssembler.sessionID(format: .strong, key: "2024-11-28 17:36:08\nA")
        let c = SessionAssembler.sessionID(format: .strong, key: "2024-11-28 17:36:09\nB")
        #expect(a != b && a != c && b != c)
        #expect(a == SessionAssembler.sessionID(format: .strong, key: "2024-11-28 17:36:08\nB"))
    }

    @Test("a workout in two Strong files (same start and name) gets the same id in both")
    func sameWorkoutTwoFiles() throws {
        let sample = try RealExports.read("strong/sample_strong.csv")
        let legacy = try importFixture("strong/sample_strong_legacy.csv")
        #expect(sample.sessions.first?.id == legacy.sessions.first?.id)
        #expect(
            legacy.sessions.dropFirst().allSatisfy { session in
                !sample.sessions.contains { $0.id == session.id }
            })
    }

    @Test("the same rows read as Strong and as another format get different ids")
    func sameRowsOtherFormat() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        // A header that both Strong and FitNotes accept: Date, Exercise (Name), Category, Set Order.
        let text =
            "Date,Exercise,Exercise Name,Category,Set Order,Reps\n2025-01-01,Curl,Curl,Arms,1,8\n"
        let path = try folder.write("both.csv", text)
        let strong = try importFile(path, format: .strong)
        let fitNotes = try importFile(path, format: .fitnotes)
        #expect(strong.sessions.count == 1 && fitNotes.sessions.count == 1)
        #expect(strong.sessions.first?.id != fitNotes.sessions.first?.id)
    }
}
