import EventLog
import Foundation
import Limber
import Testing

/// A temporary folder for one test; call `remove()` in a `defer`.
struct TestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("limber-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// `<folder>/journal`, not created.
    var journalPath: String { url.appendingPathComponent("journal").path }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Deletes `local/cache` (derived data), so that the next open folds the whole log.
    func dropCache() throws {
        let cache = journalPath + "/local/cache"
        if FileManager.default.fileExists(atPath: cache) { try FileManager.default.removeItem(atPath: cache) }
    }

    /// Opens the journal twice: first after dropping the cache (a cold open that folds the
    /// whole log and rebuilds the cache), then again (a warm open from that cache).
    func coldAndWarm() throws -> [Journal] {
        try dropCache()
        let cold = try Journal.open(at: journalPath, options: Facade.options)
        let warm = try Journal.open(at: journalPath, options: Facade.options)
        return [cold, warm]
    }

    /// Creates a journal at `journalPath` and opens it.
    func makeJournal() throws -> Journal {
        #expect(try Journal.create(at: journalPath, options: Facade.options))
        return try Journal.open(at: journalPath, options: Facade.options)
    }

    /// Every file's bytes and every folder under the journal, except the writer lock.
    func snapshot() throws -> [String: Data?] {
        var result: [String: Data?] = [:]
        let root = journalPath
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
        while let relative = enumerator.nextObject() as? String {
            guard relative != "local/lock" else { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            result[relative] = isDirectory.boolValue ? .some(nil) : .some(try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
        }
        return result
    }
}

enum Facade {
    static let environment = ["LIMBER_MACHINE_ID": "test-machine"]
    static let options = Journal.Options(lockTimeout: 2, environment: environment)

    /// 2026-11-19T…+01:00 plus `day` days and `hour` hours.
    static func start(day: Int = 0, hour: Int = 0) -> LocalTimestamp {
        LocalTimestamp(epochSeconds: 1_795_500_000 + Int64(day) * 86_400 + Int64(hour) * 3600, utcOffsetSeconds: 3600)
    }

    static func reps(_ counts: Int...) -> [ExerciseSet] { counts.map { ExerciseSet(reps: $0) } }

    /// A request that logs `exercise` once (on `side`, for a per-side exercise). Its start may
    /// lie ahead of today's clock: these tests use fixed dates.
    static func request(
        day: Int = 0, hour: Int = 0, exercise: String = "rockback", side: Side? = nil, notes: String? = nil
    ) -> LogRequest {
        var request = LogRequest(
            start: start(day: day, hour: hour), notes: notes,
            sets: [SetSpec(exercise: exercise, side: side, sets: reps(10))])
        request.allowFuture = true
        return request
    }
}

extension LimberError.Kind {
    var name: String { String(describing: self).prefix { $0 != "(" }.description }
}
