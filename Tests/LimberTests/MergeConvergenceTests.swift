import Foundation
@testable import Limber
import Reconcile
import Testing
import LimberTestSupport

/// Random work on three machines, with random merges between them: after everyone has merged
/// everyone, all three show the same sessions and conflicts, hold byte-identical segment files,
/// and no session any machine logged is missing.
@Suite("merging random histories converges")
struct MergeConvergenceTests {
    private struct Machine {
        let path: String
        let options: Journal.Options
        func open() throws -> Journal { try Journal.open(at: path, options: options) }
    }

    private func segmentFiles(_ root: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let devices = root + "/devices"
        for device in try FileManager.default.contentsOfDirectory(atPath: devices) {
            for name in try FileManager.default.contentsOfDirectory(atPath: devices + "/" + device) {
                files[device + "/" + name] = try Data(contentsOf: URL(fileURLWithPath: devices + "/" + device + "/" + name))
            }
        }
        return files
    }

    @Test("three machines, random logs, amendments, deletions and merges", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func converge(seed: UInt64) throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        _ = try folder.makeJournal()
        var machines: [Machine] = []
        for name in ["a", "b", "c"] {
            let path = folder.url.appendingPathComponent(name).path
            try FileManager.default.copyItem(atPath: folder.journalPath, toPath: path)
            machines.append(Machine(path: path, options: Journal.Options(lockTimeout: 2, environment: ["LIMBER_MACHINE_ID": name])))
        }
        var random = SplitMix64(seed: seed)
        var logged: Set<String> = []
        for step in 0..<40 {
            let machine = machines[Int.random(in: 0..<3, using: &random)]
            let journal = try machine.open()
            let known = try journal.sessions.map(\.id)
            switch Int.random(in: 0..<10, using: &random) {
            case 0...3:
                let session = try journal.log(LogRequest(
                    start: LocalTimestamp(epochSeconds: 1_790_000_000 + Int64(step) * 60, utcOffsetSeconds: 0),
                    sets: [SetSpec(exercise: "rockback", sets: [ExerciseSet(reps: step + 1)])]))
                logged.insert(session.value.id)
            case 4...6 where !known.isEmpty:
                let id = known[Int.random(in: 0..<known.count, using: &random)]
                _ = try journal.amend(id, AmendRequest(painAfter: PainScore(rawValue: Int.random(in: 0...10, using: &random))))
            case 7 where !known.isEmpty:
                _ = try journal.delete(known[Int.random(in: 0..<known.count, using: &random)])
            default:
                let other = machines[Int.random(in: 0..<3, using: &random)]
                if other.path != machine.path { _ = try journal.merge(from: other.path, dryRun: false) }
            }
        }
        // Everyone merges everyone.
        for _ in 0..<2 {
            for into in machines {
                for from in machines where from.path != into.path {
                    let report = try into.open().merge(from: from.path, dryRun: false)
                    #expect(report.devices.allSatisfy { $0.refused == nil }, "\(report.devices)")
                }
            }
        }
        let views = try machines.map { machine -> ([Session], [String], Set<String>) in
            let journal = try machine.open()
            let all = Set(journal.state.records.keys)
            return (try journal.sessions, try journal.conflicts().map(\.id).sorted(), all)
        }
        #expect(views[1].0 == views[0].0 && views[2].0 == views[0].0, "same sessions everywhere")
        #expect(views[1].1 == views[0].1 && views[2].1 == views[0].1, "same conflicts everywhere")
        #expect(logged.isSubset(of: views[0].2), "no logged session is lost")
        let files = try machines.map { try segmentFiles($0.path) }
        #expect(files[1] == files[0] && files[2] == files[0], "byte-identical segments everywhere")
    }
}
