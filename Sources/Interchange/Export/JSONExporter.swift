import EventLog
import FoundationEssentials
import JournalModel

/// Writes the `limber.export` document (DESIGN §8): every key of every session, custom
/// exercises and routines, the profile. One session per line inside `sessions`, so the file
/// is still one JSON value but diffs and streams line by line.
enum JSONExporter {
    static func write(
        _ content: ExportContent, to output: ExportOutput, progress: ProgressHandler?
    ) throws {
        let encoder = JSONCoding.encoder()
        func encode<Value: Encodable>(_ value: Value) throws(ExportError) -> Data {
            do { return try encoder.encode(value) } catch {
                throw ExportError(.cannotWrite(output.path ?? "standard output", "cannot encode: \(error)"))
            }
        }
        let custom = content.catalog.exercises.filter { !$0.builtIn }
        let routines = content.catalog.routines.filter { !$0.builtIn }
        try output.write("{\"exercises\":")
        try output.write(bytes: encode(custom))
        try output.write(",\"exportedAt\":")
        try output.write(bytes: encode(content.exportedAt))
        try output.write(",\"format\":\"limber.export\",\"profile\":")
        try output.write(bytes: encode(content.profile))
        try output.write(",\"routines\":")
        try output.write(bytes: encode(routines))
        try output.write(",\"sessions\":[")
        let total = Int64(content.count)
        var line: [UInt8] = []
        try content.forEachSession { index, session in
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: (index == 0 ? "\n" : ",\n").utf8)
            // The same bytes as JSONEncoder's (sorted keys), without its boxing.
            session.write(to: &line)
            try output.write(bytes: line)
            if let progress, index % 1000 == 999 { progress(Progress(done: Int64(index + 1), total: total)) }
        }
        try output.write(content.count == 0 ? "],\"version\":1}\n" : "\n],\"version\":1}\n")
    }
}
