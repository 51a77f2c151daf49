import EventLog
import Foundation
import Testing

/// Writes what another machine, or a hostile one, could sync into a journal's `devices/`:
/// event lines of a made-up device, chained or not, packed into gzip members and segments.
struct HostileLog {
    /// The device id (16 hex digits, like limber's).
    let device: String
    /// The lines written so far, each without its `\n`.
    private(set) var lines: [String] = []
    private var prev = Hex.genesis
    private var seq: UInt64 = 0

    init(device: String = "badc0ffee0ddf00d") {
        self.device = device
    }

    /// Appends one `device.named` event (any fields overridden) and returns its line; the chain
    /// (`prev`, `seq`) continues from the last line unless overridden.
    @discardableResult
    mutating func event(
        id: String? = nil, hlc: String = "0001764000000000-0000", seq forcedSeq: UInt64? = nil,
        prev forcedPrev: String? = nil, device forcedDevice: String? = nil,
        type: String = "device.named", entity: String? = nil, body: String = #"{"name":"other"}"#
    ) -> String {
        let next = forcedSeq ?? (seq + 1)
        let line =
            #"{"body":\#(body),"dev":"\#(forcedDevice ?? device)","entity":"\#(entity ?? "device/" + device)","hlc":"\#(hlc)","id":"\#(id ?? Self.newID())","parents":[],"prev":"\#(forcedPrev ?? prev)","seq":\#(next),"type":"\#(type)","v":1}"#
        lines.append(line)
        prev = Hex.chainHash(Array(line.utf8))
        seq = next
        return line
    }

    /// One gzip member holding `lines` (its LB first_seq from `firstSeq`).
    static func member(_ lines: [String], firstSeq: UInt64, maxInflated: Int = 64 << 20) throws
        -> [UInt8]
    {
        let payload = Array(lines.map { $0 + "\n" }.joined().utf8)
        return try GzipMember.encode(
            payload: payload, firstSeq: firstSeq, count: UInt32(lines.count),
            limits: SegmentLimits(maxMemberInflated: maxInflated, maxLine: 8 << 20))
    }

    /// Every line so far as one member, in `devices/<device>/<first seq>.jsonl.gz` of the
    /// journal (the folder is made).
    func write(into journal: String, firstSeq: UInt64 = 1, members: [[UInt8]]? = nil) throws {
        let folder = journal + "/devices/" + device
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bytes = try members ?? [Self.member(lines, firstSeq: firstSeq)]
        try Data(bytes.joined()).write(
            to: URL(fileURLWithPath: folder + "/" + SegmentName.fileName(firstSeq: firstSeq)))
    }

    /// A fresh UUID in lower case, as limber writes ids.
    static func newID() -> String { UUID().uuidString.lowercased() }
}

/// Runs limber with `arguments` (output discarded) under a small python3 parent and returns
/// its exit status and the largest resident size it reached, in KiB. (A child spawned by the
/// big test process would report the test process's own peak.)
func peakResident(
    _ arguments: [String], in sandbox: Sandbox
) throws -> (status: Int32, kib: Int) {
    let script = """
        import resource, subprocess, sys
        done = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        """
    let result = try sandbox.run("/usr/bin/env", ["python3", "-c", script, LimberBinary.path] + arguments)
    let fields = result.stdout.split(separator: " ").map {
        Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
    try #require(fields.count == 2, "\(result)")
    return (Int32(fields[0] < 0 ? 128 - fields[0] : fields[0]), fields[1])
}
