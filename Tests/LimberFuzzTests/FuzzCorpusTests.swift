import EventLog
import Foundation
import Interchange
import JournalModel
import LimberFuzz
import Reconcile
import Testing

/// Replays every input of `Fixtures/fuzz/<target>/` through the fuzzer's own checks, in
/// process: the seeds at its top, and in its `found/` folder each input the fuzzer found, once
/// its bug is fixed (the regression guard). A trap here ends the test run, as it ends
/// `Scripts/fuzz`.
@Suite("fuzz corpus")
struct FuzzCorpusTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    static func corpus(_ name: String) throws -> [String] {
        try FuzzCorpus.files(in: [fixtures.appendingPathComponent(name).path])
    }

    /// The seeds of a corpus: its files but those in `found/`.
    static func seeds(_ name: String) throws -> [String] {
        try corpus(name).filter { !$0.contains("/found/") }
    }

    @Test("every input passes the target's checks", arguments: FuzzTarget.allCases)
    func replay(_ target: FuzzTarget) throws {
        let files = try Self.corpus(target.corpusName)
        #expect(files.count >= 3)
        for (path, failure) in try FuzzCorpus.replay(target, files: files) {
            Issue.record("\((path as NSString).lastPathComponent): \(failure)")
        }
    }

    @Test("empty and one-byte inputs pass every target", arguments: FuzzTarget.allCases)
    func tinyInputs(_ target: FuzzTarget) {
        for input in [[], [0x00], [0x0A], [0x1F], [0x7B], [0xFF]] as [[UInt8]] {
            #expect(target.run(input) == nil)
        }
    }

    // The seeds must be valid, or the fuzzer starts where every input is refused at once.

    @Test("the segment seeds hold valid members")
    func segmentSeeds() throws {
        for path in try Self.seeds("segment") {
            let bytes = try #require(FileManager.default.contents(atPath: path))
            let scan = try SegmentReader.scan([UInt8](bytes), inflate: true)
            #expect(!scan.members.isEmpty, "\(path)")
            #expect(scan.corruption.allSatisfy { $0.kind == .missingIndex }, "\(path)")
        }
    }

    @Test("the event seeds decode")
    func eventSeeds() throws {
        for path in try Self.seeds("event") {
            let bytes = try #require(FileManager.default.contents(atPath: path))
            #expect(throws: Never.self, "\(path)") {
                try EventDecoding.decode(ArraySlice(bytes))
            }
        }
    }

    @Test("the snapshot seeds open with the fuzzer's journal id")
    func snapshotSeeds() throws {
        for path in try Self.seeds("snapshot") {
            #expect(Snapshot(path: path, journal: FuzzTarget.snapshotJournal) != nil, "\(path)")
        }
    }

    /// The import seeds named `bad-*` (cut from `Fixtures/imports/bad`) must be refused; every
    /// other one must import with the format recognised, as the format its name says.
    @Test("the import seeds import as their format, but the bad ones")
    func importSeeds() throws {
        let options = ImportOptions(zone: .fixed(utcOffsetSeconds: 0))
        for path in try Self.seeds("import") {
            let name = (path as NSString).lastPathComponent
            let result = Result { () throws(ImportError) in
                try Importer.read(path, options: options, catalog: Catalog())
            }
            if name.hasPrefix("bad-") {
                #expect(throws: ImportError.self, "\(name)") { try result.get() }
                continue
            }
            let data = try #require(try? result.get(), "\(name): \(result)")
            #expect(!data.sessions.isEmpty, "\(name)")
            let expected: ImportFormat? = ImportFormat.allCases.first { format in
                switch format {
                case .limber: name.hasSuffix(".json")
                case .events: name.hasSuffix(".jsonl")
                case .csv: name == "limber-export.csv"
                case .strong, .hevy: name.contains("-\(format.rawValue)-")
                case .fitnotes: name.contains("fitnotes-") || name.hasPrefix("bom-")
                }
            }
            #expect(data.format == expected, "\(name)")
        }
    }
}
