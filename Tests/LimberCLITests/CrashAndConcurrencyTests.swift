import Foundation
import Glibc
import Testing

/// The durability promises a person relies on, tested on the real binary: nothing that
/// `log` acknowledged (printed an id for) is ever lost, whatever moment the process dies at,
/// and writers running at once never lose or interleave each other's sessions.
@Suite("crashes and concurrent writers")
struct CrashAndConcurrencyTests {
    /// Starts `limber log` with stdout to a file; returns the process and the file.
    private func startLog(_ sandbox: Sandbox, reps: Int, tag: String) throws -> (Process, URL) {
        let output = URL(fileURLWithPath: sandbox.root + "/io/log-\(tag).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LimberBinary.path)
        process.arguments = ["log", "--set", "rockback=\(reps)", "--journal", sandbox.journal]
        process.environment = sandbox.environment(["LIMBER_LOCK_TIMEOUT": "20"])
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, output)
    }

    private func acknowledgedID(_ output: URL) throws -> String? {
        let text = try String(contentsOf: output, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return UUID(uuidString: text) != nil ? text : nil
    }

    private func listedIDs(_ sandbox: Sandbox) throws -> Set<String> {
        let result = try sandbox.limber("list", "--json")
        try #require(result.exitCode == 0, "\(result)")
        return Set(try result.jsonArray().compactMap { $0["id"] as? String })
    }

    @Test("SIGKILL at random moments never loses an acknowledged session")
    func killedWritersLoseNothingAcknowledged() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=1")
        var random = SystemRandomNumberGenerator()
        var acknowledged: Set<String> = []
        var killed = 0
        for round in 0..<40 {
            let (process, output) = try startLog(sandbox, reps: round + 2, tag: "\(round)")
            usleep(UInt32.random(in: 0...25_000, using: &random))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            if let id = try acknowledgedID(output) { acknowledged.insert(id) }
        }
        // One more write cuts any torn tail a killed writer left.
        acknowledged.insert(try sandbox.logSession("--set", "rockback=99"))
        let listed = try listedIDs(sandbox)
        #expect(acknowledged.isSubset(of: listed), "lost: \(acknowledged.subtracting(listed))")
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 0, "\(verify)")
        #expect(killed + acknowledged.count >= 40, "every round either finished or was killed")
    }

    @Test("four writers at once: every session is there, the device's seqs are gapless")
    func concurrentWriters() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.initJournal()
        try sandbox.logSession("--set", "rockback=1")
        var running: [(Process, URL)] = []
        for index in 0..<12 { running.append(try startLog(sandbox, reps: index + 2, tag: "c\(index)")) }
        var acknowledged: Set<String> = []
        for (process, output) in running {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            if let id = try acknowledgedID(output) { acknowledged.insert(id) }
        }
        #expect(acknowledged.count == 12)
        let listed = try listedIDs(sandbox)
        #expect(acknowledged.isSubset(of: listed))
        #expect(listed.count == 13)
        let verify = try sandbox.limber("verify")
        #expect(verify.exitCode == 0, "gaps or forks: \(verify)")
    }
}
