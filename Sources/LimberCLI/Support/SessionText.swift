import Limber

/// How sessions read on a terminal.
enum SessionText {
    /// One line for `list`: short id, local start, routine, duration, pain, exercises.
    static func line(_ session: Session, conflicted: Bool) -> String {
        var parts = [String(session.id.prefix(8)), timestamp(session.start)]
        if let routine = session.routine { parts.append(routine) }
        if let duration = session.durationSeconds {
            parts.append(DurationText.format(seconds: duration))
        }
        if let pain = pain(session) { parts.append(pain) }
        var exercises: [String] = []
        for entry in session.entries where !exercises.contains(entry.exercise) {
            exercises.append(entry.exercise)
        }
        let shown = exercises.prefix(3).joined(separator: ", ")
        parts.append(exercises.count > 3 ? shown + " (+\(exercises.count - 3))" : shown)
        let prescribed = session.entries.filter(\.prescribed).count
        if prescribed > 0 {
            parts.append(
                prescribed == session.entries.count
                    ? "(all as prescribed)"
                    : "(\(prescribed) of \(session.entries.count) entries as prescribed)")
        }
        if conflicted { parts.append("[conflict]") }
        return parts.joined(separator: "  ")
    }

    /// The full session for `show`.
    static func detail(
        _ session: Session, catalog: Catalog, conflicted: Bool, deleted: Bool, draft: Bool = false
    ) -> String {
        var lines =
            draft
            ? []
            : [
                "session   \(session.id)" + (deleted ? "  (deleted)" : "")
                    + (conflicted ? "  [conflict]" : "")
            ]
        lines.append(
            "start     \(timestamp(session.start)) (UTC\(session.start.offsetText))")
        if let duration = session.durationSeconds {
            lines.append("duration  \(DurationText.format(seconds: duration))")
        }
        if let routine = session.routine { lines.append("routine   \(routine)") }
        if let pain = pain(session) { lines.append("pain      \(pain.dropFirst(5))") }
        if let symptoms = session.symptomsBefore, !symptoms.isEmpty {
            lines.append("before    \(symptoms.summary)")
        }
        if let symptoms = session.symptomsAfter, !symptoms.isEmpty {
            lines.append("after     \(symptoms.summary)")
        }
        if let notes = session.notes { lines.append("notes     \(notes)") }
        for entry in session.entries {
            let name = (try? catalog.exercise(matching: entry.exercise).name) ?? entry.exercise
            var heading = "  \(name)"
            if let side = entry.side { heading += " (\(side.rawValue))" }
            if entry.prescribed { heading += "  as prescribed (filled in from the routine)" }
            lines.append(heading)
            if let notes = entry.notes { lines.append("    note: \(notes)") }
            for (index, set) in entry.sets.enumerated() {
                lines.append("    \(index + 1). \(SetText.readable(set))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func pain(_ session: Session) -> String? {
        switch (session.painBefore, session.painAfter) {
        case (nil, nil): nil
        case (let before?, nil): "pain \(before.rawValue)→?"
        case (nil, let after?): "pain ?→\(after.rawValue)"
        case (let before?, let after?): "pain \(before.rawValue)→\(after.rawValue)"
        }
    }

    /// `2026-11-24 07:30` in the offset the session was logged with.
    static func timestamp(_ time: LocalTimestamp) -> String { LocalTime.text(time) }


}
