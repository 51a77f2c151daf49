import JournalModel
import Testing

@testable import Interchange

@Suite("hostile files (Fixtures/imports/bad)")
struct BadFileTests {
    @Test("strong-bad-rows.csv lists all five problems in line order, with line and column")
    func strongBadRows() throws {
        let path = FixturePaths.imports("bad/strong-bad-rows.csv")
        let error = try #require(importError(path))
        guard case .rows(let problems, let total) = error.kind else {
            Issue.record("expected row problems, got \(error.kind)")
            return
        }
        #expect(total == 5)
        try #require(problems.count == 5, "\(problems)")
        #expect(problems.map(\.line) == [7, 14, 21, 28, 36])
        #expect(problems[0].column == 7)
        #expect(problems[0].field == "Reps")
        #expect(problems[0].message.contains("\"abc\""))
        #expect(problems[1].column == 6)
        #expect(problems[1].field == "Weight")
        #expect(problems[1].message.contains("negative"))
        #expect(problems[2].column == 1)
        #expect(problems[2].field == "Date")
        #expect(problems[2].message.contains("2024-13-45 10:00:00"))
        // VARIANTS.md: column 8 (`Distance`, the first missing field), or the whole line.
        #expect(problems[3].column == 8 || problems[3].column == nil)
        #expect(problems[3].message.contains("7 fields"))
        #expect(problems[4].column == 4)
        #expect(problems[4].message.contains("never closed"))
        #expect(error.file == path)
        #expect(error.details.count == 5)
        #expect(error.details.first == "\(path):7:7: Reps: \(problems[0].message)")
        #expect(error.exitCode == 1)
    }

    @Test("an empty file is refused as empty")
    func empty() {
        #expect(
            importError(FixturePaths.imports("bad/empty.csv"))?.kind == .empty(headerOnly: false))
    }

    @Test("a header without rows is refused as header only", arguments: [nil, ImportFormat.strong])
    func headerOnly(_ format: ImportFormat?) {
        let error = importError(FixturePaths.imports("bad/header-only.csv"), format: format)
        #expect(error?.kind == .empty(headerOnly: true))
    }

    @Test(
        "a Latin-1 file is refused as not UTF-8 at line 1", arguments: [nil, ImportFormat.strong])
    func latin1(_ format: ImportFormat?) throws {
        let error = try #require(
            importError(FixturePaths.imports("bad/latin1.csv"), format: format))
        guard case .encoding(let encoding, let line) = error.kind else {
            Issue.record("expected an encoding error, got \(error.kind)")
            return
        }
        #expect(line == 1)
        #expect(encoding.contains("Latin-1"))
        #expect(error.hint?.contains("iconv -f LATIN1") == true)
    }

    @Test(
        "a UTF-16 file with a byte-order mark is refused as UTF-16 at line 1",
        arguments: [nil, ImportFormat.hevy])
    func utf16(_ format: ImportFormat?) throws {
        let error = try #require(
            importError(FixturePaths.imports("bad/utf16-bom.csv"), format: format))
        guard case .encoding(let encoding, let line) = error.kind else {
            Issue.record("expected an encoding error, got \(error.kind)")
            return
        }
        #expect(line == 1)
        #expect(encoding.hasPrefix("UTF-16"))
        #expect(error.hint?.contains("iconv -f UTF-16") == true)
    }

    @Test(
        "random bytes are refused as binary, whatever format is named",
        arguments: [nil, ImportFormat.limber, .strong])
    func junk(_ format: ImportFormat?) {
        #expect(importError(FixturePaths.imports("bad/junk.bin"), format: format)?.kind == .binary)
    }

    @Test("a Latin-1 byte after many good lines is reported on its own line")
    func latin1Later() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        var bytes = Array("Date,Exercise,Category,Weight,Weight Unit,Reps\n".utf8)
        for _ in 0..<40 { bytes += Array("2025-01-01,Curl,Arms,10,kgs,8\n".utf8) }
        bytes += Array("2025-01-01,Curl ".utf8) + [0xE9] + Array(",Arms,10,kgs,8\n".utf8)
        let path = try folder.write("late.csv", bytes)
        #expect(importError(path)?.kind == .encoding("Latin-1 or another 8-bit encoding", line: 42))
    }

    @Test("a missing file and a folder are unreadable")
    func unreadable() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let missing = importError(folder.file("absent.csv"))
        guard case .unreadable = missing?.kind else {
            Issue.record("expected unreadable, got \(String(describing: missing?.kind))")
            return
        }
        let directory = importError(folder.path)
        guard case .unreadable = directory?.kind else {
            Issue.record("expected unreadable, got \(String(describing: directory?.kind))")
            return
        }
    }

    @Test("a problem in an otherwise good file names the file, line, column and field")
    func singleProblemDescription() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write(
            "one.csv",
            "Date,Exercise,Category,Weight,Weight Unit,Reps\n2025-01-01,Curl,Arms,10,stones,8\n")
        let error = try #require(importError(path))
        #expect(rowProblems(error).map(\.line) == [2])
        #expect(rowProblems(error).first?.column == 5)
        #expect(rowProblems(error).first?.field == "Weight Unit")
        #expect(error.description.hasPrefix("\(path):2:5: Weight Unit: "))
    }

    @Test("more than 50 problems are listed up to 50 and counted in full")
    func manyProblems() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        var text = "Date,Exercise,Category,Weight,Weight Unit,Reps\n"
        for _ in 0..<60 { text += "2025-01-01,Curl,Arms,10,kgs,many\n" }
        let error = try #require(importError(try folder.write("many.csv", text)))
        guard case .rows(let problems, let total) = error.kind else {
            Issue.record("expected row problems, got \(error.kind)")
            return
        }
        #expect(total == 60)
        #expect(problems.count == ImportError.maximumListed)
        #expect(problems.map(\.line) == Array(2...51))
        #expect(error.details.last == "… and 10 more problems")
    }
}
