import JournalModel
import Testing

@testable import Interchange

/// A fixture and the format its content shows.
struct DetectionCase: Sendable, CustomTestStringConvertible {
    let file: String
    let format: ImportFormat
    var testDescription: String { file }
}

@Suite("format recognition")
struct FormatDetectionTests {
    static let fixtures: [DetectionCase] = [
        DetectionCase(file: "strong/sample_strong.csv", format: .strong),
        DetectionCase(file: "strong/sample_strong_legacy.csv", format: .strong),
        DetectionCase(file: "hevy/sample_hevy.csv", format: .hevy),
        DetectionCase(file: "fitnotes/FitNotes_Export_2025_05_21_08_39_11.csv", format: .fitnotes),
        DetectionCase(file: "fitnotes/lifting.csv", format: .fitnotes),
        DetectionCase(file: "variants/strong-2019-semicolon.csv", format: .strong),
        DetectionCase(file: "variants/strong-quoted-units.csv", format: .strong),
        DetectionCase(file: "variants/strong-french.csv", format: .strong),
        DetectionCase(file: "variants/strong-12h.csv", format: .strong),
        DetectionCase(file: "variants/hevy-imperial.csv", format: .hevy),
        DetectionCase(file: "variants/hevy-us-dates.csv", format: .hevy),
        DetectionCase(file: "variants/fitnotes-lbs-header.csv", format: .fitnotes),
        DetectionCase(file: "variants/fitnotes-cardio.csv", format: .fitnotes),
        DetectionCase(file: "bad/utf8-bom-ok.csv", format: .fitnotes),
        DetectionCase(file: "bad/strong-bad-rows.csv", format: .strong),
    ]

    @Test("the format is recognised from the content of every fixture", arguments: fixtures)
    func recognised(_ fixture: DetectionCase) throws {
        do {
            let data = try RealExports.read(fixture.file)
            #expect(data.format == fixture.format)
        } catch {
            // A refused file must still have been read as its format (row problems, not
            // unknownFormat or missingColumns).
            guard case .rows = error.kind else {
                Issue.record("\(fixture.file): \(error.description)")
                return
            }
            #expect(fixture.file.hasPrefix("bad/"))
        }
    }

    // The two largest files are left out to keep the suite fast; "recognised" covers them.
    @Test(
        "recognising the format gives the same sessions as naming it",
        arguments: fixtures.filter {
            !["bad/strong-bad-rows.csv", "hevy/sample_hevy.csv", "fitnotes/lifting.csv"].contains(
                $0.file)
        })
    func recognisedEqualsNamed(_ fixture: DetectionCase) throws {
        let recognised = try RealExports.read(fixture.file)
        let named = try importFixture(fixture.file, format: fixture.format)
        #expect(recognised.sessions == named.sessions)
        #expect(recognised.exercises == named.exercises)
    }

    @Test("naming the wrong CSV format reports the columns that format needs")
    func wrongFormatNamed() throws {
        let strong = FixturePaths.imports("strong/sample_strong.csv")
        let hevy = FixturePaths.imports("hevy/sample_hevy.csv")
        let fitNotes = FixturePaths.imports("fitnotes/lifting.csv")
        #expect(
            importError(hevy, format: .strong)?.kind
                == .missingColumns(["date", "exercise-name", "set-order"], format: .strong))
        #expect(
            importError(fitNotes, format: .strong)?.kind
                == .missingColumns(["exercise-name", "set-order"], format: .strong))
        #expect(
            importError(strong, format: .hevy)?.kind
                == .missingColumns(["title", "start-time", "exercise-title"], format: .hevy))
        #expect(
            importError(fitNotes, format: .hevy)?.kind
                == .missingColumns(["title", "start-time", "exercise-title"], format: .hevy))
        #expect(
            importError(strong, format: .fitnotes)?.kind
                == .missingColumns(["exercise"], format: .fitnotes))
        #expect(
            importError(hevy, format: .fitnotes)?.kind
                == .missingColumns(["date", "exercise"], format: .fitnotes))
        #expect(
            importError(strong, format: .csv)?.kind
                == .missingColumns(["session-id", "start", "exercise"], format: .csv))
    }

    @Test("a missing-columns message names the file, the format and the columns")
    func missingColumnsMessage() throws {
        let hevy = FixturePaths.imports("hevy/sample_hevy.csv")
        let error = try #require(importError(hevy, format: .strong))
        #expect(
            error.description
                == "\(hevy):1: the Strong header lacks \"date\", \"exercise-name\", \"set-order\"")
        #expect(error.exitCode == 1)
    }

    @Test("naming a JSON format for a CSV file is refused at line 1")
    func jsonFormatForCSV() throws {
        let error = importError(FixturePaths.imports("strong/sample_strong.csv"), format: .limber)
        #expect(rowProblems(error).map(\.line) == [1])
        #expect(rowProblems(error).first?.column == 1)
    }

    @Test("a CSV header of no known app is an unknown format, exit code 2")
    func unknownHeader() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("other.csv", "when,what,how much\n2025-01-01,curl,10\n")
        let error = try #require(importError(path))
        guard case .unknownFormat(let seen) = error.kind else {
            Issue.record("expected unknownFormat, got \(error.kind)")
            return
        }
        #expect(seen.contains("when,what,how much"))
        #expect(error.exitCode == 2)
    }

    @Test("JSON is told apart from limber's event lines by its first line")
    func jsonKinds() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let export = try folder.write(
            "export.json", #"{"format":"limber.export","version":1,"sessions":[]}"#)
        #expect(try importFile(export).format == .limber)
        let blank = try folder.write("blank.json", "  \n\n ")
        #expect(importError(blank)?.kind == .empty(headerOnly: false))
    }
}
