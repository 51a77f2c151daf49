import JournalModel

/// Writes a training log a person reads (or hands to a physiotherapist): one section per
/// session with its time, routine, duration and pain, a line per exercise with its sets, and
/// the notes. Text the person wrote is escaped so it cannot turn into Markdown structure.
enum MarkdownExporter {
    /// The first line of every Markdown export.
    static let title = "# Training log"

    static func write(
        _ content: ExportContent, to output: ExportOutput, progress: ProgressHandler?
    ) throws {
        try output.write(title + "\n\n")
        let count = content.count
        if let (first, last) = content.span {
            let range = first == last ? "on \(first)" : "from \(first) to \(last)"
            try output.write("\(count) session\(count == 1 ? "" : "s") \(range). ")
        } else {
            try output.write("No sessions. ")
        }
        try output.write("Exported by limber on \(content.exportedAt.localDate).\n")
        let total = Int64(count)
        try content.forEachSession { index, session in
            try output.write("\n" + heading(session) + "\n\n")
            if let pain = pain(session) { try output.write(pain + "\n\n") }
            if let symptoms = symptoms(session) { try output.write(symptoms + "\n\n") }
            for entry in session.entries {
                var line = "- **\(escape(content.name(of: entry.exercise)))**"
                if let side = entry.side { line += " (\(side == .both ? "each side" : side.rawValue))" }
                line += ": " + (entry.sets.isEmpty ? "no sets recorded" : entry.sets.map(SetText.readable).joined(separator: ", "))
                if entry.prescribed { line += " *(as prescribed: filled in from the routine, not entered)*" }
                try output.write(line + "\n")
                if let notes = entry.notes {
                    for noteLine in notes.split(separator: "\n", omittingEmptySubsequences: false) {
                        try output.write("  - \(escape(String(noteLine)))\n")
                    }
                }
            }
            if let notes = session.notes {
                try output.write("\n")
                for noteLine in notes.split(separator: "\n", omittingEmptySubsequences: false) {
                    try output.write("> \(escape(String(noteLine)))\n")
                }
            }
            if let progress, index % 1000 == 999 { progress(Progress(done: Int64(index + 1), total: total)) }
        }
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// `## 2026-11-24 (Tue) 07:30 · sciatica · 25 min`.
    static func heading(_ session: Session) -> String {
        let date = session.start.localDate
        let seconds = session.start.localSecondsOfDay
        let time = pad(seconds / 3600) + ":" + pad(seconds / 60 % 60)
        var parts = ["\(date) (\(weekdays[date.isoWeekday - 1])) \(time)"]
        if let routine = session.routine { parts.append(escape(routine)) }
        if let duration = session.durationSeconds { parts.append(minutes(duration)) }
        return "## " + parts.joined(separator: " · ")
    }

    static func pain(_ session: Session) -> String? {
        switch (session.painBefore, session.painAfter) {
        case (let before?, let after?): "Pain \(before.rawValue)/10 before, \(after.rawValue)/10 after."
        case (let before?, nil): "Pain \(before.rawValue)/10 before."
        case (nil, let after?): "Pain \(after.rawValue)/10 after."
        case (nil, nil): nil
        }
    }

    /// `Symptoms before: back 3, left leg 5 to the knee. After: back 2.`
    static func symptoms(_ session: Session) -> String? {
        var parts: [String] = []
        if let before = session.symptomsBefore, !before.isEmpty {
            parts.append("Symptoms before: \(escape(before.summary)).")
        }
        if let after = session.symptomsAfter, !after.isEmpty {
            parts.append((parts.isEmpty ? "Symptoms after: " : "After: ") + "\(escape(after.summary)).")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    static func minutes(_ seconds: Int) -> String {
        seconds < 60 ? "\(seconds) s" : seconds % 60 == 0 || seconds >= 600
            ? "\((seconds + 30) / 60) min" : "\(seconds / 60) min \(seconds % 60) s"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Backslash-escapes the characters that would make Markdown structure.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\`*_[]<>|#!~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
