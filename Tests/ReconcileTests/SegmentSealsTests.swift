import EventLog
import Foundation
@testable import Reconcile
import Testing

@Suite("the seals of the session store's segments")
struct SegmentSealsTests {
    @Test("a seal holds for the segment it was read from, breaks when the bytes differ, and never reads a path the journal does not list")
    func seals() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("limber-seals-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/journal/devices/0123456789abcdef"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let segment = "devices/0123456789abcdef/0000000000000001.jsonl.gz"
        try Data((0..<64).map { UInt8($0) }).write(to: URL(fileURLWithPath: root + "/journal/" + segment))
        try Data((0..<64).map { UInt8($0) }).write(to: URL(fileURLWithPath: root + "/outside"))
        let layout = JournalLayout(root: root + "/journal")

        let watermark = [segment: 40]
        let seals = SegmentSeals.read(layout, watermark)
        #expect(seals == [segment: Hex.encode((32..<40).map { UInt8($0) })])
        #expect(SegmentSeals.hold(layout, watermark, seals))
        #expect(!SegmentSeals.hold(layout, watermark, [segment: String(repeating: "0", count: 16)]))
        #expect(!SegmentSeals.hold(layout, watermark, [:]), "a segment read past 8 bytes needs its seal")
        #expect(SegmentSeals.hold(layout, [segment: 4], [:]), "too short to seal")

        // A cache naming a file outside the journal, with its true bytes as the seal: refused,
        // as a segment the journal does not have.
        let outside = "../outside"
        let forged = [outside: Hex.encode((32..<40).map { UInt8($0) })]
        #expect(!SegmentSeals.hold(layout, [outside: 40], forged))
    }
}
