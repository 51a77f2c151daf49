import Foundation
import Limber
import Testing

@Suite("two journal instances on one folder")
struct TwoInstancesTests {
    @Test("a write catches up with the other instance's writes under the lock, and the states converge")
    func catchUpUnderLock() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        #expect(try Journal.create(at: folder.journalPath, options: Facade.options))
        let a = try Journal.open(at: folder.journalPath, options: Facade.options)
        let b = try Journal.open(at: folder.journalPath, options: Facade.options)

        let first = try a.log(Facade.request(day: 0, notes: "by a")).value
        #expect(try b.sessions.isEmpty, "b has not read since it opened")

        // b's write reads a's commit under the lock before it appends.
        let second = try b.log(Facade.request(day: 1, notes: "by b")).value
        #expect(try b.sessions == [first, second])
        // b can amend a session it had never seen when it opened.
        let amended = try b.amend(String(first.id.prefix(8)), AmendRequest(notes: "amended by b")).value
        #expect(amended.notes == "amended by b")
        #expect(try a.sessions == [first], "a has not read since its write")

        let third = try a.log(Facade.request(day: 2, notes: "by a again")).value
        #expect(try a.sessions == [amended, second, third])

        // A write that changes nothing still catches up.
        let unchanged = try b.amend(second.id, AmendRequest(notes: "by b"))
        #expect(!unchanged.changed)
        let fresh = try Journal.open(at: folder.journalPath, options: Facade.options)
        #expect(try a.sessions == fresh.sessions)
        #expect(try b.sessions == fresh.sessions)
        #expect(try fresh.sessions == [amended, second, third])

        // One device, one gapless chain, whichever instance wrote.
        let report = try Journal.verify(at: folder.journalPath)
        #expect(report.clean)
        #expect(report.problems.isEmpty)
        #expect(report.devices == 1)
        #expect(report.events == 5, "4 writes and the device.named of its first commit")
    }
}
