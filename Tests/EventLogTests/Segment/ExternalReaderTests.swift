import EventLog
import Foundation
import Testing

/// Segments must stay readable by stock tools (DESIGN §3: `zcat seg.jsonl.gz | jq .`).
@Suite("stock gzip readers")
struct ExternalReaderTests {
    @Test("zcat prints the exact concatenated payload of a 3-member file")
    func zcat() throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2])
        let url = try SegmentFixture.temporaryFile(file.bytes, name: "0000000000000001.jsonl.gz")
        let folder = url.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try SegmentFixture.run("/usr/bin/zcat", [url.path], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == file.members.flatMap(\.payload))
    }

    @Test("python3's gzip module reads the exact concatenated payload")
    func python() throws {
        let file = try SegmentFixture.file(counts: [3, 5, 2])
        let url = try SegmentFixture.temporaryFile(file.bytes, name: "0000000000000001.jsonl.gz")
        let folder = url.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = "import gzip, sys; sys.stdout.buffer.write(gzip.open(sys.argv[1]).read())"
        let result = try SegmentFixture.run(
            "/usr/bin/env", ["python3", "-c", script, url.path], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == file.members.flatMap(\.payload))
    }
}
