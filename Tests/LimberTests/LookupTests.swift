import EventLog
import Foundation
import Limber
import Testing

@Suite("finding sessions")
struct LookupTests {
    @Test("a session is found by any unique prefix; a shared prefix is ambiguous; others are unknown")
    func resolvePrefixes() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        // 17 random ids: two of them must share their first hex digit.
        var ids: [String] = []
        for index in 0..<17 { ids.append(try journal.log(Facade.request(day: index)).value.id) }
        for candidate in try [journal] + folder.coldAndWarm() {
            for id in ids {
                #expect(try candidate.resolveSessionID(id) == id)
                #expect(try candidate.resolveSessionID(id.uppercased()) == id)
                let others = ids.filter { $0 != id }
                let length = (1...36).first { n in !others.contains { $0.hasPrefix(id.prefix(n)) } } ?? 36
                #expect(try candidate.resolveSessionID(String(id.prefix(length))) == id)
            }
            let shared = try #require("0123456789abcdef".map(String.init).first { digit in ids.filter { $0.hasPrefix(digit) }.count >= 2 })
            let matching = ids.filter { $0.hasPrefix(shared) }.sorted()
            #expect(limberError { _ = try candidate.resolveSessionID(shared) } == .ambiguousSession(shared, candidates: matching))
            if let unused = "0123456789abcdef".map(String.init).first(where: { digit in !ids.contains { $0.hasPrefix(digit) } }) {
                #expect(limberError { _ = try candidate.resolveSessionID(unused) } == .sessionNotFound(unused))
            }
            #expect(limberError { _ = try candidate.resolveSessionID("zz") } == .sessionNotFound("zz"))
            #expect(limberError { _ = try candidate.resolveSessionID("") }?.name == "usage")
            #expect(limberError { _ = try candidate.resolveSessionID(ids[0] + "0") } == .sessionNotFound(ids[0] + "0"))
        }
    }

    @Test("since, until, exercise and last select the sessions, oldest first")
    func filters() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        // Days 0…5, bird-dog on even days, rockback on odd days; day 5 logged after an open.
        var logged: [Session] = []
        for day in 0..<5 {
            logged.append(try journal.log(Facade.request(day: day, exercise: day % 2 == 0 ? "bird-dog" : "rockback", side: day % 2 == 0 ? .left : nil)).value)
        }
        let cold = try folder.coldAndWarm()[0]
        logged.append(try cold.log(Facade.request(day: 5, exercise: "rockback")).value)
        // Deleted sessions are never listed.
        let deleted = try cold.log(Facade.request(day: 3, hour: 1, exercise: "rockback")).value
        _ = try cold.delete(deleted.id)
        // Warm: the cache of days 0…4 plus what was written since.
        let warm = try Journal.open(at: folder.journalPath, options: Facade.options)
        let day = { (index: Int) in Facade.start(day: index).epochSeconds }

        let names = ["a cold open that wrote", "a warm open", "a cold open", "a warm open of that"]
        for (name, candidate) in try zip(names, [cold, warm] + folder.coldAndWarm()) {
            #expect(try candidate.sessions == logged, "\(name)")
            #expect(try candidate.sessions(matching: SessionFilter()) == logged, "\(name)")
            #expect(try candidate.sessions(matching: SessionFilter(since: day(2))) == Array(logged[2...]), "\(name)")
            #expect(try candidate.sessions(matching: SessionFilter(since: day(2) + 1)) == Array(logged[3...]), "\(name): since is inclusive to the second")
            #expect(try candidate.sessions(matching: SessionFilter(until: day(2))) == Array(logged[..<2]), "\(name): until is exclusive")
            #expect(try candidate.sessions(matching: SessionFilter(since: day(1), until: day(4))) == Array(logged[1...3]), "\(name)")
            #expect(try candidate.sessions(matching: SessionFilter(exercise: "rockback")) == [logged[1], logged[3], logged[5]], "\(name)")
            #expect(try candidate.sessions(matching: SessionFilter(exercise: "plank")) == [], "\(name)")
            #expect(try candidate.sessions(matching: SessionFilter(last: 2)) == Array(logged[4...]), "\(name)")
            #expect(try candidate.sessions(matching: SessionFilter(last: 0)) == [], "\(name)")
            #expect(try candidate.sessions(matching: SessionFilter(last: 100)) == logged, "\(name)")
            #expect(try candidate.sessions(matching: SessionFilter(exercise: "bird-dog", last: 2)) == [logged[2], logged[4]], "\(name)")
            #expect(try candidate.sessions(matching: SessionFilter(until: day(5), exercise: "rockback", last: 1)) == [logged[3]], "\(name)")
            #expect(try candidate.sessions(matching: SessionFilter(since: day(1), until: day(5), last: 2)) == [logged[3], logged[4]], "\(name)")
        }
    }

    @Test("filter bounds: a bare day as --until includes that whole day")
    func bounds() throws {
        let utc = try SessionFilter.bound("2026-11-22T00:00:00Z", isUpperBound: false)
        #expect(utc == 1_795_305_600)
        #expect(try SessionFilter.bound("2026-11-22T00:00:00Z", isUpperBound: true) == utc, "a full timestamp is not widened")
        #expect(try SessionFilter.bound("2026-11-22T01:00:00+01:00", isUpperBound: false) == utc)
        let lower = try SessionFilter.bound("2026-11-22", isUpperBound: false)
        let upper = try SessionFilter.bound("2026-11-22", isUpperBound: true)
        #expect(upper - lower == 86_400)
        #expect(throws: ModelError.self) { _ = try SessionFilter.bound("next tuesday", isUpperBound: false) }
    }
}
