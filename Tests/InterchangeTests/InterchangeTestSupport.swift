import Glibc
import JournalModel
import Testing

@testable import Interchange

/// Why a test helper could not touch the file system.
struct FileSystemError: Error, CustomStringConvertible {
    var description: String
}

/// A fresh folder under `$TMPDIR` (else `/tmp`); `remove()` deletes it and the files in it.
struct TempFolder {
    let path: String

    init() throws {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/limber-ix-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw FileSystemError(description: "mkdtemp: \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    /// The path of `name` inside the folder.
    func file(_ name: String) -> String { path + "/" + name }

    /// The names in the folder, sorted, without `.` and `..`.
    func names() -> [String] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Deletes the files in the folder (tests make no subfolders), then the folder.
    func remove() {
        for name in names() { unlink(file(name)) }
        rmdir(path)
    }

    /// Writes `bytes` to `name` (replacing it) and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let target = file(name)
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileSystemError(
                description: "open \(target): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { raw in
                raw.baseAddress.map { Glibc.write(descriptor, $0, raw.count) } ?? 0
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                throw FileSystemError(
                    description: "write \(target): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
        return target
    }

    /// Writes `text` as UTF-8 to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }
}

/// The bytes of the file at `path`.
func readBytes(_ path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
        throw FileSystemError(description: "open \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { raw in
            raw.baseAddress.map { Glibc.read(descriptor, $0, raw.count) } ?? 0
        }
        if count < 0, errno == EINTR { continue }
        guard count >= 0 else {
            throw FileSystemError(description: "read \(path): \(String(cString: strerror(errno)))")
        }
        if count == 0 { return bytes }
        bytes += chunk[0..<count]
    }
}

/// The text of the file at `path`.
func readText(_ path: String) throws -> String {
    String(decoding: try readBytes(path), as: UTF8.self)
}

/// Whether anything exists at `path`.
func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

/// The permission bits of the file at `path`, or `nil` when it does not exist.
func permissions(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
}

// MARK: - Importing

/// The zone every import test reads local times in, so no result depends on the machine.
let testZone = LocalTimestamp.Zone.fixed(utcOffsetSeconds: 3600)

/// Imports `path` with the built-in catalog, times read at UTC+01:00.
func importFile(
    _ path: String, format: ImportFormat? = nil, unit: WeightUnit = .kg
) throws(ImportError) -> ImportedData {
    try Importer.read(
        path, options: ImportOptions(format: format, zone: testZone, defaultWeightUnit: unit),
        catalog: Catalog())
}

/// Imports `Fixtures/imports/<relative>`.
func importFixture(_ relative: String, format: ImportFormat? = nil) throws(ImportError)
    -> ImportedData
{
    try importFile(FixturePaths.imports(relative), format: format)
}

/// The error importing `path` gives, or `nil` when it imports.
func importError(_ path: String, format: ImportFormat? = nil) -> ImportError? {
    do {
        _ = try importFile(path, format: format)
        return nil
    } catch {
        return error
    }
}

/// The problems of a `.rows` error (empty for any other kind).
func rowProblems(_ error: ImportError?) -> [ImportProblem] {
    guard let error, case .rows(let problems, _) = error.kind else { return [] }
    return problems
}

extension ImportedData {
    /// How many sets there are of each kind (every kind present, 0 when none).
    var kindCounts: [SetKind: Int] {
        var counts = Dictionary(uniqueKeysWithValues: SetKind.allCases.map { ($0, 0) })
        for session in sessions {
            for entry in session.entries {
                for set in entry.sets { counts[set.kind, default: 0] += 1 }
            }
        }
        return counts
    }

    /// The custom exercise made for `id`, if any.
    func customExercise(_ id: String) -> Exercise? { exercises.first { $0.id == id } }
}

extension Session {
    /// The entry for `exercise` on `side`.
    func entry(_ exercise: String, side: Side? = nil) -> Entry? {
        entries.first { $0.exercise == exercise && $0.side == side }
    }

    /// The sets of every entry, in order.
    var allSets: [ExerciseSet] { entries.flatMap(\.sets) }
}

/// Set counts by kind, to compare with ``ImportedData/kindCounts``.
func kinds(normal: Int, warmup: Int = 0, drop: Int = 0, failure: Int = 0) -> [SetKind: Int] {
    [.normal: normal, .warmup: warmup, .drop: drop, .failure: failure]
}

/// The real exports, each imported once (format recognised) and shared by the tests that only
/// look at the result: the Hevy file alone takes half a second to read in a debug build.
enum RealExports {
    static let strong = Result { () throws(ImportError) in
        try importFixture("strong/sample_strong.csv")
    }
    static let hevy = Result { () throws(ImportError) in try importFixture("hevy/sample_hevy.csv") }
    static let fitNotes = Result { () throws(ImportError) in
        try importFixture("fitnotes/FitNotes_Export_2025_05_21_08_39_11.csv")
    }
    static let lifting = Result { () throws(ImportError) in
        try importFixture("fitnotes/lifting.csv")
    }

    /// `Fixtures/imports/<relative>` imported with its format recognised: the shared result for
    /// a real export, a fresh import for any other file.
    static func read(_ relative: String) throws(ImportError) -> ImportedData {
        switch relative {
        case "strong/sample_strong.csv": try strong.get()
        case "hevy/sample_hevy.csv": try hevy.get()
        case "fitnotes/FitNotes_Export_2025_05_21_08_39_11.csv": try fitNotes.get()
        case "fitnotes/lifting.csv": try lifting.get()
        default: try importFixture(relative)
        }
    }
}
