import Foundation
import Testing

import EventLog

@Suite("device identity")
struct DeviceIdentityTests {
    @Test("the same machine and path keep their device id")
    func stable() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        let (first, change) = try DeviceIdentity.establish(for: journal.layout, environment: LogSample.environment)
        #expect(change == .created)
        #expect(DeviceIdentity.isValidID(first.device))
        let (again, none) = try DeviceIdentity.establish(for: journal.layout, environment: LogSample.environment)
        #expect(again == first)
        #expect(none == nil)
        #expect(DeviceIdentity.current(for: journal.layout, environment: LogSample.environment) == first)
        // A trailing slash names the same folder.
        let slashed = JournalLayout(root: journal.layout.root + "/")
        #expect(try DeviceIdentity.establish(for: slashed, environment: LogSample.environment).0 == first)
    }

    @Test("another machine id makes a new device and says which one it replaces")
    func otherMachine() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        let (first, _) = try DeviceIdentity.establish(for: journal.layout, environment: LogSample.environment)
        let other = ["LIMBER_MACHINE_ID": "other-machine"]
        #expect(DeviceIdentity.current(for: journal.layout, environment: other) == nil)
        let (second, change) = try DeviceIdentity.establish(for: journal.layout, environment: other)
        #expect(second.device != first.device)
        #expect(change == .copied(previousDevice: first.device))
        let (third, unchanged) = try DeviceIdentity.establish(for: journal.layout, environment: other)
        #expect(third == second)
        #expect(unchanged == nil)
    }

    @Test("a journal folder copied to another path writes as a new device")
    func copiedFolder() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        let original: String
        do {
            let writer = try journal.writer()
            original = writer.device
            _ = try writer.append(LogSample.smallCommit())
        }
        let copy = journal.folder.appendingPathComponent("copy").path
        try FileManager.default.copyItem(atPath: journal.layout.root, toPath: copy)
        let copied = JournalLayout(root: copy)
        #expect(DeviceIdentity.current(for: copied, environment: LogSample.environment) == nil)

        let writer = try LogWriter(layout: copied, lockTimeout: 1, environment: LogSample.environment)
        #expect(writer.device != original)
        #expect(writer.identityChange == .copied(previousDevice: original))
        let events = try writer.append(LogSample.smallCommit())
        #expect(events.map(\.seq) == [1], "a new device starts its own chain")
        #expect(try FileManager.default.contentsOfDirectory(atPath: copied.devices).sorted() == [original, writer.device].sorted())
        #expect(try journal.segmentNames(device: original) == ["0000000000000001.jsonl.gz"])
        #expect(try journal.bytes(copied.segment(device: original, firstSeq: 1)) == journal.bytes(journal.layout.segment(device: original, firstSeq: 1)),
                "the copy never appends to the original device's log")
        // The original folder still writes as the original device.
        #expect(DeviceIdentity.current(for: journal.layout, environment: LogSample.environment)?.device == original)
    }
}
