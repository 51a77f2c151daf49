import EventLog
import Reconcile

extension Journal {
    /// Refuses to replace a file at `path` that is not an earlier export of `format` (a typo
    /// in `--output` must not overwrite a person's own file), unless `force`; a folder always
    /// (also when `format` is not known yet).
    ///
    /// - Throws: ``LimberError`` `.invalid` naming the file.
    public static func checkExportTarget(_ path: String, format: ExportFormat?, force: Bool) throws {
        switch FileSystem.kind(of: path) {
        case .missing: return
        case .directory:
            throw LimberError(
                .invalid(
                    "\(path) is a folder",
                    hint: "give a file name, such as \(path)/journal.\(format?.rawValue ?? "json")"))
        case .file, .link, .other:
            guard !force, let format else { return }
            if let head = FileSystem.readPrefix(path, count: 1 << 16), format.isOwnExport(head: head) {
                return
            }
            throw LimberError(
                .invalid(
                    "\(path) exists and is not a limber \(format.rawValue) export; it was left as it is",
                    hint: "choose another file name, or add --force to replace it"))
        }
    }

    /// Writes an export (DESIGN §8) of the sessions `filter` admits, to `output`, and commits
    /// it (a file appears only complete). Deleted sessions are left out; a conflicted session
    /// is written as the journal shows it until the conflict is resolved.
    ///
    /// `events` writes every stored event line of every device, byte for byte, in merge
    /// order; it takes no filter (a partial log could not be imported elsewhere).
    ///
    /// - Returns: The number of sessions (or events) written.
    public func export(
        _ format: ExportFormat, filter: SessionFilter = SessionFilter(), to output: ExportOutput,
        progress: ProgressHandler? = nil
    ) throws -> Int {
        let count: Int
        if format == .events {
            guard filter == SessionFilter() else {
                throw LimberError(
                    .usage(
                        "--since, --until and --exercise do not apply to --format events",
                        hint: "the event log is exported whole so it can be read back; filter the json or csv export instead"))
            }
            count = try writeEvents(to: output, progress: progress)
        } else {
            // Streamed from the store: one session in memory at a time.
            var first: Session?
            var last: Session?
            try forEachSession(matching: filter) { first = $0; return false }
            try forEachSession(matching: filter, newestFirst: true) { last = $0; return false }
            let span = first.flatMap { first in
                last.map { (first.start.localDate, $0.start.localDate) }
            }
            let range = filter.selection
            let content = ExportContent(
                count: try recovering { try store.count(in: range) }, span: span,
                catalog: catalog, profile: profile, exportedAt: .now()
            ) { body in
                try self.forEachSession(matching: filter) { session in
                    try body(session)
                    return true
                }
            }
            try Exporter.write(content, as: format, to: output, progress: progress)
            count = content.count
        }
        try output.commit()
        return count
    }

    private func writeEvents(to output: ExportOutput, progress: ProgressHandler?) throws -> Int {
        let contents = try LogReader.read(layout, keepingLines: true)
        var seen: Set<String> = []
        let order = contents.events.indices.sorted { contents.events[$0].order < contents.events[$1].order }
        let total = Int64(order.count)
        var written = 0
        for index in order where seen.insert(contents.events[index].id).inserted {
            try output.write(bytes: contents.lines[index])
            try output.write("\n")
            written += 1
            if let progress, written % 10_000 == 0 { progress(Progress(done: Int64(written), total: total)) }
        }
        return written
    }
}
