import JournalModel
import Testing

@testable import Interchange

/// Issue #10, items 7 and 8: every note a person wrote in another app reaches the journal,
/// and a 0 in a reps column means "not recorded", as a 0 weight does.
@Suite("notes and zero reps of other apps' exports")
struct NoteAndRepsTests {
    static let files = [
        "strong/sample_strong.csv", "strong/sample_strong_legacy.csv", "hevy/sample_hevy.csv",
        "fitnotes/FitNotes_Export_2025_05_21_08_39_11.csv", "fitnotes/lifting.csv",
        "variants/fitnotes-cardio.csv", "variants/fitnotes-lbs-header.csv",
        "variants/hevy-imperial.csv", "variants/hevy-us-dates.csv", "variants/strong-12h.csv",
        "variants/strong-2019-semicolon.csv", "variants/strong-french.csv",
        "variants/strong-quoted-units.csv",
    ]

    /// The header names (as slugs) of every note column the three apps write, in the
    /// languages of the fixtures.
    static let noteColumns: Set<String> = [
        "notes", "remarques", "notizen", "notas", "workout-notes", "notes-dentrainement",
        "notes-de-lentrainement", "notes-de-seance", "trainingsnotizen", "description",
        "exercise-notes", "comment",
    ]

    /// Every non-empty note cell of a CSV file, with its line.
    static func noteCells(_ path: String) throws -> [(line: Int, text: String)] {
        let head = try readBytes(path).prefix { $0 != 0x0A }
        var reader = CSVReader(
            file: try InputFile(path: path), delimiter: CSVReader.guessDelimiter(headerLine: head))
        guard let header = try reader.next() else { return [] }
        let columns = header.fields.indices.filter {
            noteColumns.contains(Slug.make(String(header.fields[$0])))
        }
        var cells: [(Int, String)] = []
        while let row = try reader.next() {
            for column in columns where column < row.fields.count {
                let text = String(row.fields[column]).trimmingSpaces
                if !text.isEmpty { cells.append((row.line, text.replacingOccurrences(of: "\\n", with: "\n"))) }
            }
        }
        return cells
    }

    @Test("no note text of any fixture or variant is lost", arguments: files)
    func notesKept(_ file: String) throws {
        let path = FixturePaths.imports(file)
        let data = try importFile(path)
        let kept = data.sessions.flatMap { session in
            [session.notes ?? ""] + session.entries.map { $0.notes ?? "" }
        }
        let cells = try Self.noteCells(path)
        for cell in cells {
            #expect(kept.contains { $0.contains(cell.text) }, "\(file):\(cell.line): a note is lost")
        }
    }

    @Test("a Strong workout note on a later row of its workout is kept")
    func laterWorkoutNote() throws {
        let csv = """
            Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
            2025-01-29 17:30:00,"Evening",1h,"Deadlift (Barbell)",1,100,5,0,0,,,
            2025-01-29 17:30:00,"Evening",1h,"Deadlift (Barbell)",2,100,5,0,0,,,
            2025-01-29 17:30:00,"Evening",1h,"Deadlift (Barbell)",3,100,5,0,0,,"knee felt fine",

            """
        let folder = try TempFolder()
        defer { folder.remove() }
        let file = try folder.write("late-note.csv", csv)
        let data = try importFile(file)
        #expect(data.sessions.count == 1)
        #expect(data.sessions.first?.notes?.contains("knee felt fine") == true, "\(String(describing: data.sessions.first?.notes))")
    }

    // Counted with Python's csv module: 244 rows have reps 0 (243 of them timed), and 275 rows
    // have a duration and reps 0 or empty.
    @Test("Hevy's reps 0 is no reps at all: no set of the real export has 0 reps; 275 are holds")
    func hevyZeroReps() throws {
        let data = try RealExports.read("hevy/sample_hevy.csv")
        let sets = data.sessions.flatMap(\.entries).flatMap(\.sets)
        #expect(!sets.contains { $0.reps == 0 }, "0 reps means not recorded")
        let holds = sets.filter { $0.reps == nil && $0.durationSeconds != nil }
        #expect(holds.count == 275)
    }
}
