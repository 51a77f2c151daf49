import Foundation
import JournalModel
import Testing

import EventLog
import LimberTestSupport

extension Tag {
    /// Tests of what survives a crash or damage (the log's durability promises).
    @Tag static var logDurability: Self
}

/// Random content for the log tests.
extension SplitMix64 {
    /// `count` characters that deflate barely compresses (6 random bits each), JSON-safe.
    mutating func incompressibleText(count: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 10)
        while bytes.count < count {
            var word = next()
            for _ in 0..<10 {
                bytes.append(alphabet[Int(word & 63)])
                word >>= 6
            }
        }
        return String(decoding: bytes.prefix(count), as: UTF8.self)
    }
}

/// Values used to fill test journals.
enum LogSample {
    /// Every writer in these tests runs as this machine.
    static let environment = ["LIMBER_MACHINE_ID": "test-machine"]

    /// A fixed instant (2026-11-19T…+01:00) plus `day` days.
    static func start(day: Int = 0) -> LocalTimestamp {
        LocalTimestamp(epochSeconds: 1_795_500_000 + Int64(day) * 86_400, utcOffsetSeconds: 3600)
    }

    static func session(day: Int = 0, notes: String? = nil) -> Session {
        Session(
            start: start(day: day), durationSeconds: 1500, routine: nil,
            painBefore: PainScore(rawValue: 5), painAfter: PainScore(rawValue: 3), notes: notes,
            entries: [
                Entry(exercise: "bird-dog", side: .left, sets: [ExerciseSet(reps: 12), ExerciseSet(reps: 10)]),
                Entry(exercise: "rockback", sets: [ExerciseSet(reps: 10, weight: Weight(value: 12.5, unit: .kg))]),
            ])
    }

    /// A commit of one session and an amendment of it.
    static func commit(day: Int, notes: String? = nil) -> [NewEvent] {
        let session = session(day: day, notes: notes)
        return [
            NewEvent(entity: session.id, body: .sessionLogged(session)),
            NewEvent(entity: session.id, body: .sessionAmended(SessionPatch([.painAfter(PainScore(rawValue: 2))]))),
        ]
    }

    /// A commit of one small event (a deletion).
    static func smallCommit() -> [NewEvent] {
        [NewEvent(entity: Session.newID(), body: .sessionDeleted)]
    }
}

/// A journal folder in a fresh temporary folder; call `remove()` in a `defer`.
struct TemporaryJournal {
    /// The temporary folder holding the journal (and scratch files).
    let folder: URL
    let layout: JournalLayout

    /// Creates `<tmp>/limber-<uuid>/journal` with a `limber.json` of `format`.
    init(format: Int = JournalManifest.currentFormat) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("limber-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        layout = JournalLayout(root: folder.appendingPathComponent("journal").path)
        try FileManager.default.createDirectory(atPath: layout.root, withIntermediateDirectories: true)
        let manifest = JournalManifest(
            format: format, journal: "0193a1b2-0000-7000-8000-000000000001", created: "2026-11-25T10:00:00Z")
        try Data(try manifest.encoded()).write(to: URL(fileURLWithPath: layout.manifest))
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    func writer(timeout: Double = 2) throws -> LogWriter {
        try LogWriter(layout: layout, lockTimeout: timeout, environment: LogSample.environment)
    }

    /// The absolute path of a path relative to the journal.
    func path(_ relative: String) -> String { layout.root + "/" + relative }

    /// The segment file names in a device's folder, sorted.
    func segmentNames(device: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: layout.deviceFolder(device))
            .filter { $0.hasSuffix(".jsonl.gz") && $0.count == 25 }.sorted()
    }

    func fileSize(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.size] as? NSNumber)?.intValue ?? -1
    }

    func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// The lines `zcat` prints for a file, without their `\n`.
    func zcatLines(_ path: String) throws -> [[UInt8]] {
        let output = folder.appendingPathComponent("zcat-\(UUID()).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zcat")
        process.arguments = [path]
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        #expect(process.terminationStatus == 0, "zcat \(path) failed")
        let bytes = Array(try Data(contentsOf: output))
        try FileManager.default.removeItem(at: output)
        #expect(bytes.last == 0x0A, "every stored line ends with a newline")
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }
}

/// Writes segments by hand (for logs that the writer would never produce).
struct HandWrittenDevice {
    let device: String
    private(set) var lastHash = String(repeating: "0", count: 64)
    private(set) var lines: [[UInt8]] = []

    init(device: String) { self.device = device }

    /// An event of this device, chained to the previous one made here unless `prev` is given.
    mutating func event(
        seq: UInt64, hlc: HLC, body: EventBody = .sessionDeleted, entity: String = "s-1",
        prev: String? = nil, deviceField: String? = nil, id: String? = nil, type: EventType? = nil
    ) throws -> (event: Event, line: [UInt8]) {
        let event = Event(
            id: id ?? EventID.makeV7(millis: hlc.millis), device: deviceField ?? device, seq: seq, hlc: hlc,
            prev: prev ?? lastHash, entity: entity, parents: [], body: body, type: type)
        let line = Array(try JSONCoding.encoder().encode(event))
        lastHash = Hex.chainHash(line)
        lines.append(line)
        return (event, line)
    }

    /// One gzip member holding `lines`, indexed from the first line's seq.
    static func member(_ events: [(event: Event, line: [UInt8])]) throws -> [UInt8] {
        var payload: [UInt8] = []
        for item in events { payload += item.line + [0x0A] }
        return try GzipMember.encode(
            payload: payload, firstSeq: events[0].event.seq, count: UInt32(events.count))
    }

    /// Writes `members` as the segment `name` of this device.
    func writeSegment(_ members: [[UInt8]], named name: String, in journal: TemporaryJournal) throws {
        try FileManager.default.createDirectory(
            atPath: journal.layout.deviceFolder(device), withIntermediateDirectories: true)
        try journal.write(members.flatMap { $0 }, to: journal.layout.deviceFolder(device) + "/" + name)
    }
}
