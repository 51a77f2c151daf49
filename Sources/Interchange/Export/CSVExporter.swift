import JournalModel

/// Writes limber's CSV (``LimberCSVLayout``): one row per set, RFC 4180 quoting, `\r\n`
/// line ends as spreadsheets expect, numbers with a `.` decimal point, times in RFC 3339.
enum CSVExporter {
    static func write(
        _ content: ExportContent, to output: ExportOutput, progress: ProgressHandler?
    ) throws(ExportError) {
        try output.write(LimberCSVLayout.columns.joined(separator: ",") + "\r\n")
        let total = Int64(content.sessions.count)
        for (index, session) in content.sessions.enumerated() {
            let head = [
                session.id, session.start.localDate.description, session.start.rfc3339,
                session.durationSeconds.map(String.init) ?? "", session.routine ?? "",
                session.painBefore.map { String($0.rawValue) } ?? "",
                session.painAfter.map { String($0.rawValue) } ?? "", session.notes ?? "",
            ]
            for entry in session.entries {
                let entryFields = [
                    entry.exercise, content.name(of: entry.exercise), entry.side?.rawValue ?? "",
                    entry.notes ?? "",
                ]
                let prescribed = entry.prescribed ? "true" : "false"
                if entry.sets.isEmpty {
                    try output.write(
                        row(head + entryFields + Array(repeating: "", count: 9) + [prescribed]))
                }
                for (position, set) in entry.sets.enumerated() {
                    let weight: String = set.weight.map { number($0.value) } ?? ""
                    let unit: String = set.weight?.unit.rawValue ?? ""
                    let hold: String = set.durationSeconds.map(number) ?? ""
                    let distance: String = set.distanceMeters.map(number) ?? ""
                    let rpe: String = set.rpe.map(number) ?? ""
                    let reps: String = set.reps.map { String($0) } ?? ""
                    let setFields: [String] = [
                        String(position + 1), set.kind.rawValue, reps, weight, unit, hold, distance,
                        rpe, set.stoppedForPain ? "true" : "false", prescribed,
                    ]
                    try output.write(row(head + entryFields + setFields))
                }
            }
            if let progress, index % 1000 == 999 { progress(Progress(done: Int64(index + 1), total: total)) }
        }
    }

    static func number(_ value: Double) -> String { SetText.number(value) }

    /// One CSV record: fields with a comma, quote or line break are quoted.
    static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            || field.first == " " || field.last == " "
        else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
