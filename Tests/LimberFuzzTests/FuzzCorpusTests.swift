import Backup
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

    /// Every merge seed gets the planner to take members (from the source or from the
    /// conflict copies), so that mutants start deep in it.
    @Test("the merge seeds plan members")
    func mergeSeeds() throws {
        let seeds = try Self.seeds("merge")
        #expect(seeds.count >= 3)
        for path in seeds {
            let bytes = try #require(FileManager.default.contents(atPath: path))
            let planned = FuzzTarget.mergePlannedMembers([UInt8](bytes))
            #expect((planned ?? 0) > 0, "\((path as NSString).lastPathComponent): \(String(describing: planned))")
        }
    }

    /// Every snapshot-load seed (made by the CLI in `snapshot-load/.journal`) loads warm and
    /// folds exactly the events of the log, as a cold open would.
    @Test("the snapshot-load seeds load warm and fold the whole log")
    func snapshotLoadSeeds() throws {
        #expect(FuzzTarget.snapshotLoadJournal != nil)
        for path in try Self.seeds("snapshot-load") {
            let bytes = try #require(FileManager.default.contents(atPath: path))
            #expect(
                FuzzTarget.snapshotLoadFoldsTheLog([UInt8](bytes)) == true,
                "\((path as NSString).lastPathComponent)")
        }
    }

    /// The import seeds named `bad-*` (cut from `Fixtures/imports/bad`) must be refused; every
    /// other one must import with the format recognised, as the format its name says.
    @Test("the import seeds import as their format, but the bad ones")
    func importSeeds() throws {
        let options = ImportOptions(zone: .fixed(utcOffsetSeconds: 0), defaultWeightUnit: .kg)
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

    /// The archive seeds named `cli-*` (made by `limber archive create`) and `hand-*` (made
    /// with Python's `tarfile` and `cryptography`) must restore, and verify but
    /// `hand-segment-not-gzip.tar` (its segment has the right hash but is no gzip);
    /// `cli-wrong-passphrase.enc` must be refused for its passphrase, every `bad-*` one by
    /// `restore` (and `list` where the manifest is at fault); `skip-*` the target skips.
    @Test("the archive seeds restore, but the bad ones")
    func archiveSeeds() throws {
        let passphrase = FuzzTarget.archivePassphrase
        for path in try Self.seeds("archive") {
            let name = (path as NSString).lastPathComponent
            let bytes = try #require(FileManager.default.contents(atPath: path))
            #expect(bytes.count < 16384, "\(name)")
            let skipped = [UInt8](bytes).withUnsafeBytes { FuzzTarget.archiveKeyIsTooCostly($0) }
            #expect(skipped == name.hasPrefix("skip-"), "\(name)")
            if skipped { continue }
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("limber-archive-seed-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let restore = {
                try Archive.restore(path, to: folder.path, passphrase: passphrase)
            }
            switch name {
            case "cli-wrong-passphrase.enc":
                #expect(throws: BackupError(.wrongPassphrase), "\(name)") { try restore() }
            case _ where name.hasPrefix("bad-"):
                #expect(throws: BackupError.self, "\(name)") { try restore() }
                #expect(!FileManager.default.fileExists(atPath: folder.path), "\(name)")
            default:
                let summary = try restore()
                #expect(summary.files.first?.path == "limber.json", "\(name)")
                #expect(summary.encrypted == name.hasSuffix(".enc"), "\(name)")
                if name == "hand-segment-not-gzip.tar" {
                    #expect(throws: BackupError.self, "\(name)") {
                        try Archive.verify(path, passphrase: passphrase)
                    }
                } else {
                    let verified = try Archive.verify(path, passphrase: passphrase)
                    #expect(verified.members >= verified.segments, "\(name)")
                }
            }
        }
    }

    /// The repair of tar checksums finds every header of a seed and fixes a broken one.
    @Test("the archive target repairs tar checksums")
    func archiveChecksumRepair() throws {
        let path = Self.fixtures.appendingPathComponent("archive/cli-one-device.tar").path
        let bytes = try [UInt8](#require(FileManager.default.contents(atPath: path)))
        #expect(bytes.withUnsafeBytes { FuzzTarget.archiveTarChecksumsRepaired($0) } == nil)
        var broken = bytes
        // The segment's header (the fifth) and the name in it.
        broken[3072] ^= 0x01
        broken[3072 + 148] = UInt8(ascii: "7")
        let repaired = try #require(
            broken.withUnsafeBytes { FuzzTarget.archiveTarChecksumsRepaired($0) })
        #expect(repaired[3072] == broken[3072])
        #expect(repaired.withUnsafeBytes { FuzzTarget.archiveTarChecksumsRepaired($0) } == nil)
    }
}
