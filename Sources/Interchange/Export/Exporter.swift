/// Writes an export in one of the formats of DESIGN §8 (the event log is written by the
/// ``Journal`` facade, which holds the stored lines).
public enum Exporter {
    /// Writes `content` as `format` to `output` (not committed: the caller commits), one
    /// session at a time.
    ///
    /// - Precondition: `format` is not ``ExportFormat/events``.
    /// - Throws: ``ExportError`` when the output cannot be written; what the content's
    ///   ``ExportContent/visitSessions`` throws.
    public static func write(
        _ content: ExportContent, as format: ExportFormat, to output: ExportOutput,
        progress: ProgressHandler? = nil
    ) throws {
        switch format {
        case .json: try JSONExporter.write(content, to: output, progress: progress)
        case .csv: try CSVExporter.write(content, to: output, progress: progress)
        case .markdown: try MarkdownExporter.write(content, to: output, progress: progress)
        case .events: preconditionFailure("the event log is written by Journal.export")
        }
    }
}
