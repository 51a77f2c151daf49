import JournalModel

/// Writes limber's CSV (``LimberCSVLayout``): one row per set, RFC 4180 quoting, `\r\n`
/// line ends as spreadsheets expect, numbers with a `.` decimal point, times in RFC 3339.
///
/// Rows are built as UTF-8 bytes: the session's and the entry's fields are quoted once and
/// shared by the rows of their sets (building each row as Strings cost 9 s for 100k sessions,
/// mostly in `Character` comparisons).
enum CSVExporter {
    static func write(
        _ content: ExportContent, to output: ExportOutput, progress: ProgressHandler?
    ) throws {
        try output.write(LimberCSVLayout.columns.joined(separator: ",") + "\r\n")
        let total = Int64(content.count)
        var head: [UInt8] = []
        var prefix: [UInt8] = []
        var line: [UInt8] = []
        var tail: [UInt8] = []
        try content.forEachSession { index, session in
            // The session's symptoms end every row of it.
            tail.removeAll(keepingCapacity: true)
            append(session.symptomsBefore?.text ?? "", to: &tail)
            quote(session.symptomsAfter?.text ?? "", into: &tail)
            tail.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
            head.removeAll(keepingCapacity: true)
            for field in [
                session.id, session.start.localDate.description, session.start.rfc3339,
                session.durationSeconds.map(String.init) ?? "", session.routine ?? "",
                session.painBefore.map { String($0.rawValue) } ?? "",
                session.painAfter.map { String($0.rawValue) } ?? "", session.notes ?? "",
            ] {
                append(field, to: &head)
            }
            for entry in session.entries {
                prefix.removeAll(keepingCapacity: true)
                prefix.append(contentsOf: head)
                for field in [
                    entry.exercise, content.name(of: entry.exercise), entry.side?.rawValue ?? "",
                    entry.notes ?? "",
                ] {
                    append(field, to: &prefix)
                }
                let prescribed = entry.prescribed ? "true" : "false"
                if entry.sets.isEmpty {
                    line.removeAll(keepingCapacity: true)
                    line.append(contentsOf: prefix)
                    line.append(contentsOf: repeatElement(UInt8(ascii: ","), count: 9))
                    append(prescribed, to: &line)
                    line.append(contentsOf: tail)
                    try output.write(bytes: line)
                }
                for (position, set) in entry.sets.enumerated() {
                    line.removeAll(keepingCapacity: true)
                    line.append(contentsOf: prefix)
                    append(String(position + 1), to: &line)
                    append(set.kind.rawValue, to: &line)
                    append(set.reps.map { String($0) } ?? "", to: &line)
                    append(set.weight.map { number($0.value) } ?? "", to: &line)
                    append(set.weight?.unit.rawValue ?? "", to: &line)
                    append(set.durationSeconds.map(number) ?? "", to: &line)
                    append(set.distanceMeters.map(number) ?? "", to: &line)
                    append(set.rpe.map(number) ?? "", to: &line)
                    append(set.stoppedForPain ? "true" : "false", to: &line)
                    append(prescribed, to: &line)
                    line.append(contentsOf: tail)
                    try output.write(bytes: line)
                }
            }
            if let progress, index % 1000 == 999 { progress(Progress(done: Int64(index + 1), total: total)) }
        }
    }

    static func number(_ value: Double) -> String { SetText.number(value) }

    /// Appends `field` (quoted if it needs to be) and a comma.
    private static func append(_ field: String, to out: inout [UInt8]) {
        quote(field, into: &out)
        out.append(UInt8(ascii: ","))
    }

    /// Appends `field`, in quotes (a quote doubled) when it holds a comma, a quote or a line
    /// break, or starts or ends with a space.
    private static func quote(_ field: String, into out: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            let needsQuotes =
                bytes.first == UInt8(ascii: " ") || bytes.last == UInt8(ascii: " ")
                || bytes.contains { byte in
                    byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
                        || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                }
            guard needsQuotes else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}
