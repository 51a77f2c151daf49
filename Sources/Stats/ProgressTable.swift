import JournalModel

/// `stats` as text: a few short tables that fit a terminal's width (a row is cut, never
/// wrapped), and pain sparklines on a fixed 0–10 scale.
public enum ProgressTable {
    /// The narrowest width laid out; a narrower terminal gets rows cut at this width.
    public static let minimumWidth = 40

    /// The bars of a sparkline, from 0 to 10 (a fixed scale: auto-scaling would make 3 → 4 look
    /// like 0 → 10).
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One bar for a pain score of 0 to 10, a space for a week without one.
    public static func bar(_ score: Double?) -> Character {
        guard let score, score.isFinite else { return " " }
        let clamped = min(max(score, 0), 10)
        return bars[Int((clamped / 10 * Double(bars.count - 1)).rounded())]
    }

    /// The sparkline of weekly means, one bar a week.
    public static func sparkline(_ means: [Double?]) -> String {
        String(means.map(bar))
    }

    /// The report as lines of at most `width` characters.
    public static func lines(_ report: ProgressReport, width: Int) -> [String] {
        let width = max(width, minimumWidth)
        var out: [String] = []
        let period = [report.since?.description ?? report.firstWeek, report.until?.description ?? report.lastWeek]
            .compactMap { $0 }
        out.append(
            "\(report.sessions) session(s)"
                + (period.isEmpty ? "" : ", " + period.joined(separator: " to "))
                + (report.pain.weeks.isEmpty ? "" : " (\(report.pain.weeks.count) week(s))"))
        guard report.sessions > 0 else { return out.map { cut($0, width) } }

        out.append("")
        out += table(
            ["exercise", "side", "sessions", "sets", "reps", "volume", "best"],
            report.exercises.map { item in
                [
                    item.name, item.side?.rawValue ?? "", String(item.sessions), String(item.sets), String(item.reps),
                    item.volume.map { ProgressFormat.number($0) + (item.volumeUnit?.rawValue ?? "") } ?? "",
                    item.records.isEmpty && item.prescribedSets == item.sets && item.sets > 0
                        ? "(as prescribed)" : best(item.records),
                ]
            }, width: width)

        let weeks = report.pain.weeks
        if weeks.contains(where: { $0.before != nil || $0.after != nil }) {
            out.append("")
            out.append("pain (0–10, weekly mean, one bar a week from \(weeks.first?.week ?? ""))")
            for (label, scores, change) in [
                ("before", weeks.map { $0.before?.mean }, report.pain.before),
                ("after ", weeks.map { $0.after?.mean }, report.pain.after),
            ] {
                let line = sparkline(Array(scores.suffix(max(1, width - 40))))
                let latest = scores.last { $0 != nil }.flatMap { $0 }.map { "latest week " + ProgressFormat.number($0) }
                out.append("  \(label) \(line)  " + (change.map(changeText) ?? latest ?? ""))
            }
            if report.pain.before == nil, report.pain.after == nil {
                out.append("  a change is measured once two weeks of pain and a later one are logged")
            }
            if !report.pain.baselineWeeks.isEmpty {
                out.append("  baseline: " + report.pain.baselineWeeks.joined(separator: ", "))
            }
            for flare in report.pain.flares.suffix(5) {
                out.append("  pain rose \(flare.before) → \(flare.after) on \(flare.date)")
            }
        }

        let adherence = report.adherence
        if !adherence.isEmpty {
            out.append("")
            out += table(
                ["week", "routine", "sessions", "partial", "sets done"],
                adherence.suffix(12).map { week in
                    let done = week.doses.reduce(0) { $0 + $1.setsDone }
                    let asked = week.doses.reduce(0) { $0 + $1.setsPrescribed }
                    return [
                        week.week, week.routine,
                        String(week.loggedSessions) + (week.prescribedSessions.map { " of \($0)" } ?? ""),
                        String(week.partialSessions), asked > 0 ? "\(done) of \(asked)" : "",
                    ]
                }, width: width)
        }

        if !report.sides.isEmpty {
            out.append("")
            out += table(
                ["left against right", "measure", "left", "right", "asymmetry"],
                report.sides.map { balance in
                    let o = balance.overall
                    let (l, r) = o.texts
                    return [
                        balance.name, o.measure.rawValue, l, r,
                        o.asymmetryPercent.map { asymmetryText($0) } ?? "",
                    ]
                }, width: width)
        }

        let flags = report.flags
        if !flags.stoppedForPain.isEmpty || !flags.contraindicated.isEmpty {
            out.append("")
            for item in flags.stoppedForPain {
                out.append("stopped for pain: \(item.exercise), \(item.sets) set(s), last on \(item.dates.last?.description ?? "")")
            }
            for item in flags.contraindicated.suffix(5) {
                out.append("contraindicated with \(item.condition): \(item.exercise) on \(item.date)")
            }
        }
        return out.map { cut($0, width) }
    }

    /// The best of an exercise's records, shortest first: load, then reps, hold, distance.
    static func best(_ records: ExerciseRecords) -> String {
        var parts: [String] = []
        if let heaviest = records.heaviestWeight { parts.append(ProgressFormat.weight(heaviest.value)) }
        if let estimate = records.estimatedOneRepMax { parts.append("e1RM " + ProgressFormat.weight(estimate.value)) }
        if records.heaviestWeight == nil, let reps = records.mostReps { parts.append("\(reps.value.reps) reps") }
        if let hold = records.longestHoldSeconds { parts.append(ProgressFormat.seconds(hold.value)) }
        if let distance = records.longestDistanceMeters { parts.append(ProgressFormat.meters(distance.value)) }
        return parts.joined(separator: ", ")
    }

    /// Every record with its date: `heaviest 10kg (2026-11-24), best estimated 1RM 13.3kg
    /// (2026-11-24), most reps 12 (2026-11-02)`.
    public static func recordsText(_ records: ExerciseRecords) -> String {
        var parts: [String] = []
        func add<Value>(_ label: String, _ record: Record<Value>?, _ text: (Value) -> String) {
            if let record { parts.append("\(label) \(text(record.value)) (\(record.date))") }
        }
        add("heaviest", records.heaviestWeight, ProgressFormat.weight)
        add("estimated 1RM", records.estimatedOneRepMax, ProgressFormat.weight)
        add("most reps", records.mostReps) { "\($0.reps)" + ($0.weight.map { " at " + ProgressFormat.weight($0) } ?? "") }
        add("longest hold", records.longestHoldSeconds, ProgressFormat.seconds)
        add("longest distance", records.longestDistanceMeters, ProgressFormat.meters)
        return parts.joined(separator: ", ")
    }

    /// `−2 (−33 %) since the baseline, important`.
    static func changeText(_ change: PainChange) -> String {
        let sign = change.points > 0 ? "+" : change.points < 0 ? "−" : "±"
        let percent = change.percent.map { " (\(sign)\(ProgressFormat.number(abs($0))) %)" } ?? ""
        return "\(ProgressFormat.number(change.baseline)) → \(ProgressFormat.number(change.latest)): "
            + sign + ProgressFormat.number(abs(change.points)) + percent
            + (change.important ? ", an important change" : "")
    }

    /// `left 17 % less`, `right 5 % less`, `even`.
    static func asymmetryText(_ percent: Double) -> String {
        let size = ProgressFormat.number(abs(percent))
        if size == "0" { return "even" }
        return (percent < 0 ? "left " : "right ") + size + " % less"
    }

    /// Columns as wide as their widest cell; when the row is wider than `width`, the last
    /// column shrinks first (to 12), then the first (to 8), and a cell cut ends in `…`.
    static func table(_ header: [String], _ rows: [[String]], width: Int) -> [String] {
        let all = [header] + rows
        var widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        let total = { widths.reduce(0, +) + 2 * (widths.count - 1) }
        if total() > width, let last = widths.indices.last, last > 0 {
            widths[last] = max(min(widths[last], 12), widths[last] - (total() - width))
        }
        if total() > width { widths[0] = max(8, widths[0] - (total() - width)) }
        return all.map { row in
            row.enumerated().map { column, cell in
                let text = cell.count > widths[column] ? String(cell.prefix(widths[column] - 1)) + "…" : cell
                let pad = String(repeating: " ", count: widths[column] - text.count)
                // Numbers right-aligned, text (and the last column, a phrase) left-aligned.
                let number = column > 0 && column < row.count - 1 && cell.first?.isNumber == true
                return number ? pad + text : text + pad
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }
    }

    /// `line` cut to `width` characters (a row is never wrapped).
    static func cut(_ line: String, _ width: Int) -> String {
        line.count > width ? String(line.prefix(width - 1)) + "…" : line
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
