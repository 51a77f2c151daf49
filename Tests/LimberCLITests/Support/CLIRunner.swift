import Foundation
import Testing

/// What one run of the `limber` binary did.
struct CLIResult: Sendable, CustomStringConvertible {
    var exitCode: Int32
    var stdout: String
    var stderr: String

    /// The non-empty lines of stderr.
    var stderrLines: [String] {
        stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// The non-empty lines of stdout.
    var stdoutLines: [String] {
        stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// stdout parsed as JSON.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(stdout.utf8), options: [.fragmentsAllowed])
    }

    /// stdout parsed as one JSON object.
    func jsonObject() throws -> [String: Any] {
        try #require(try json() as? [String: Any], "stdout is not a JSON object: \(stdout)")
    }

    /// stdout parsed as a JSON array of objects.
    func jsonArray() throws -> [[String: Any]] {
        try #require(try json() as? [[String: Any]], "stdout is not a JSON array: \(stdout)")
    }

    var description: String {
        "exit \(exitCode)\n--- stdout\n\(stdout)--- stderr\n\(stderr)---"
    }
}

/// Where the `limber` binary is: `$LIMBER_BIN`, else beside the test bundle (STYLE §9).
enum LimberBinary {
    static let path: String = {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["LIMBER_BIN"], !explicit.isEmpty { return explicit }
        // On Linux Bundle.main.executableURL is `<bin>/LimberPackageTests.xctest`; elsewhere
        // it may sit deeper in a bundle, so walk up until a `limber` is found.
        var folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("limber").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return "limber-binary-not-found (set LIMBER_BIN)"
    }()
}

/// A temporary folder with a journal path inside it, and a clean environment that points
/// `HOME`, `XDG_DATA_HOME` and `LIMBER_JOURNAL` into it. Remove it with ``remove()`` in a
/// `defer`.
struct Sandbox: Sendable {
    /// The temporary folder (`<tmp>/limber-<uuid>`).
    let root: String
    /// `<root>/j`: the journal every run gets as `--journal` unless told otherwise.
    let journal: String
    /// The machine id the runs use.
    let machineID: String

    init(machineID: String = "limber-cli-tests-machine") throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent(
            "limber-\(UUID())")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.path
        journal = root + "/j"
        self.machineID = machineID
        for folder in ["home", "xdg", "io"] {
            try FileManager.default.createDirectory(
                atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// The environment every run gets (nothing inherited but PATH): never a real journal.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root + "/home",
            "XDG_DATA_HOME": root + "/xdg",
            "LIMBER_JOURNAL": root + "/env-journal",
            "LIMBER_MACHINE_ID": machineID,
            "LIMBER_LOCK_TIMEOUT": "5",
            "TZ": "UTC",
            "LANG": "C.UTF-8",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Runs `limber ARGS --journal <journal>` (the journal option goes last, after the
    /// subcommand and its arguments).
    @discardableResult
    func limber(
        _ arguments: [String], journal: String? = nil, environment extra: [String: String] = [:],
        stdin: String? = nil
    ) throws -> CLIResult {
        try run(
            LimberBinary.path, arguments + ["--journal", journal ?? self.journal],
            environment: extra, stdin: stdin)
    }

    @discardableResult
    func limber(_ arguments: String..., journal: String? = nil) throws -> CLIResult {
        try limber(arguments, journal: journal)
    }

    /// Runs `limber ARGS --journal <journal>` on a pseudo-terminal (util-linux `script`, Debian
    /// package bsdutils), typing `stdin`; what the terminal showed comes back as stdout.
    func onTerminal(_ arguments: [String], journal: String? = nil, stdin: String) throws -> CLIResult {
        let script = "/usr/bin/script"
        try #require(
            FileManager.default.isExecutableFile(atPath: script),
            "\(script) is missing: apt-get install bsdutils")
        let command = ([LimberBinary.path] + arguments + ["--journal", journal ?? self.journal])
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        return try run(script, ["-qec", command, "/dev/null"], stdin: stdin)
    }

    /// Runs `init` and requires it to succeed.
    func initJournal() throws {
        let result = try limber("init")
        try #require(result.exitCode == 0, "init failed: \(result)")
    }

    /// Runs `log ARGS`, requires success and returns the printed session id.
    @discardableResult
    func logSession(_ arguments: String...) throws -> String {
        let result = try limber(["log"] + arguments)
        try #require(result.exitCode == 0, "log failed: \(result)")
        let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(UUID(uuidString: id) != nil, "log printed no UUID: \(result)")
        return id
    }

    /// Runs any program with stdout and stderr going to files (never two pipes), stdin from
    /// `stdin` (text) or `/dev/null`; kills it after `timeout` seconds.
    func run(
        _ executable: String, _ arguments: [String], environment extra: [String: String] = [:],
        stdin: String? = nil, timeout: Double = 30
    ) throws -> CLIResult {
        let name = UUID().uuidString
        let outPath = root + "/io/\(name).out"
        let errPath = root + "/io/\(name).err"
        let inPath = root + "/io/\(name).in"
        try Data().write(to: URL(fileURLWithPath: outPath))
        try Data().write(to: URL(fileURLWithPath: errPath))
        if let stdin { try Data(stdin.utf8).write(to: URL(fileURLWithPath: inPath)) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let input = try FileHandle(
            forReadingFrom: URL(fileURLWithPath: stdin == nil ? "/dev/null" : inPath))
        defer {
            try? output.close()
            try? errors.close()
            try? input.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment(extra)
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(2_000) }
        var timedOut = false
        if process.isRunning {
            timedOut = true
            process.terminate()
        }
        process.waitUntilExit()
        let stdout = String(
            decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        var stderr = String(
            decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        if timedOut { stderr += "\n[test: killed after \(timeout) s]\n" }
        return CLIResult(exitCode: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
