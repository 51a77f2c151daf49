import JournalModel

/// The formats `limber export` writes (DESIGN §8).
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    /// The lossless `limber.export` document.
    case json
    /// One row per set (see ``LimberCSVLayout``).
    case csv
    /// A readable training log.
    case markdown
    /// The raw event log, every device, in merge order (JSON Lines).
    case events
}

extension ExportFormat {
    /// The format a file name's extension means: `.json`, `.csv`, `.md`/`.markdown`,
    /// `.jsonl`/`.ndjson` (events); `nil` for any other name.
    public init?(fileName: String) {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "json": self = .json
        case "csv": self = .csv
        case "md", "markdown": self = .markdown
        case "jsonl", "ndjson": self = .events
        default: return nil
        }
    }

    /// The format of `export`: `--format` when given, else what `--output`'s name says, else
    /// JSON to standard output. A `--format` that disagrees with the name, or a name that says
    /// nothing without `--format`, is refused: `-o sets.csv` must never hold JSON.
    ///
    /// - Throws: ``ModelError`` naming the option and the file.
    public static func choose(_ format: String?, output: String?) throws(ModelError) -> ExportFormat {
        let named = output.flatMap { ExportFormat(fileName: $0) }
        let formats = "json, csv, markdown or events"
        if let format {
            guard let chosen = ExportFormat(rawValue: format.lowercased()) else {
                throw ModelError(
                    kind: .unknown, field: "--format", input: format,
                    description: "--format: \(ModelError.quote(format)) is not an export format",
                    hint: "use \(formats) (the HTML report is `limber report`)")
            }
            if let named, let output, named != chosen {
                throw ModelError(
                    kind: .invalidSyntax, field: "--output", input: output,
                    description:
                        "--format \(chosen.rawValue) does not match the file name \(ModelError.quote(output)) (\(named.rawValue))",
                    hint: "give --format \(named.rawValue), or name the file for \(chosen.rawValue)")
            }
            return chosen
        }
        guard let output else { return .json }
        guard let named else {
            throw ModelError(
                kind: .missingUnit, field: "--output", input: output,
                description: "cannot tell the export format from the name \(ModelError.quote(output))",
                hint: "add --format \(formats), or end the name in .json, .csv, .md or .jsonl")
        }
        return named
    }
}

extension ExportFormat {
    /// `true` when `head` (the first bytes of an existing file) starts as limber writes this
    /// format, or the file is empty: such a file is an earlier export, safe to replace.
    public func isOwnExport(head: some Collection<UInt8>) -> Bool {
        if head.isEmpty { return true }
        let text = String(decoding: head, as: UTF8.self)
        switch self {
        case .json:
            // Keys are sorted, so a long list of exercises may push the format key past `head`.
            return text.hasPrefix(#"{"exercises":["#) || text.contains(#""format":"limber.export""#)
        case .csv: return text.hasPrefix(LimberCSVLayout.columns.prefix(3).joined(separator: ",") + ",")
        case .markdown: return text.hasPrefix(MarkdownExporter.title)
        case .events: return text.hasPrefix(#"{"body":"#) && text.contains(#""dev":"#)
        }
    }
}
