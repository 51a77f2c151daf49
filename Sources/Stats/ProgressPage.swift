import JournalModel

/// `limber report`: the progress report as one self-contained HTML page for a
/// physiotherapist: no network, no scripts, inline CSS and SVG, printable on A4.
///
/// Every chart is an `<svg role="img">` with a `<title>`, and its numbers stand in a table
/// beside it; a chart is kept on one page when printed.
public enum ProgressPage {
    /// The most weeks the adherence calendar draws (the latest are kept).
    static let calendarWeeks = 26
    /// The most sessions the last-sessions table lists.
    static let lastSessions = 12

    /// The page.
    ///
    /// - Parameters:
    ///   - report: What to show.
    ///   - generated: When the page is made (printed in its header).
    public static func html(_ report: ProgressReport, generated: LocalTimestamp) -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(generatorTag)
            <title>Progress report \(HTMLText.escape(periodText(report)))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>
            <h1>Progress report</h1>
            <p class="period">\(HTMLText.escape(periodText(report))) · \(report.sessions) session(s)\
            \(routinesText(report)) · made \(HTMLText.escape(generated.localDate.description)) by limber</p>
            </header>

            """
        page += flagsSection(report)
        page += painSection(report)
        page += adherenceSection(report)
        page += exercisesSection(report)
        page += sidesSection(report)
        page += lastSessionsSection(report)
        page += "<footer>Figures and formulas: docs/STATS.md in limber. Pain is 0 (none) to 10 (worst imaginable).</footer>\n</body>\n</html>\n"
        return page
    }

    /// The tag that marks a page as limber's (an earlier report may be replaced, another file
    /// not).
    public static let generatorTag = "<meta name=\"generator\" content=\"limber report\">"

    static let style = """
        @page { size: A4; margin: 14mm 14mm 16mm; }
        * { box-sizing: border-box; }
        body { font: 10pt/1.35 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1d1d1d;
          margin: 0 auto; max-width: 182mm; padding: 6mm 0; }
        h1 { font-size: 17pt; margin: 0; }
        h2 { font-size: 12pt; margin: 5mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #bbb;
          break-after: avoid; page-break-after: avoid; }
        .period { margin: 1mm 0 0; color: #444; }
        section { break-inside: avoid-page; }
        figure { margin: 0 0 3mm; display: flex; flex-wrap: wrap; gap: 5mm; align-items: flex-start;
          break-inside: avoid; page-break-inside: avoid; }
        figure svg { flex: 0 0 auto; }
        figcaption { font-size: 9pt; color: #444; margin-top: 1mm; }
        table { border-collapse: collapse; font-size: 8.5pt; }
        th, td { padding: 0.6mm 1.6mm; text-align: right; border-bottom: 1px solid #e3e3e3;
          white-space: nowrap; }
        table.names td:first-child { white-space: normal; min-width: 34mm; }
        th { font-weight: 600; border-bottom: 1px solid #999; }
        th:first-child, td:first-child, td.text, th.text { text-align: left; }
        tr { break-inside: avoid; }
        .flags { border: 1.5px solid #b3261e; border-radius: 2mm; padding: 2mm 3mm; margin-top: 4mm; }
        .flags h2 { border: 0; color: #b3261e; margin: 0 0 1mm; }
        .flags ul { margin: 0; padding-left: 5mm; }
        .important { color: #0b6b2f; font-weight: 600; }
        .worse { color: #b3261e; font-weight: 600; }
        .note { color: #555; font-size: 9pt; margin: 1mm 0; }
        small { color: #666; font-size: 7.5pt; }
        footer { margin-top: 5mm; color: #666; font-size: 8pt; }
        """

    /// The period as `2026-11-02 to 2026-11-29`, or `no sessions`.
    public static func periodText(_ report: ProgressReport) -> String {
        let from = report.since?.description ?? report.timeline.first?.date.description
        let to = report.until?.description ?? report.timeline.last?.date.description
        switch (from, to) {
        case let (from?, to?): return "\(from) to \(to)"
        default: return "no sessions"
        }
    }

    static func routinesText(_ report: ProgressReport) -> String {
        let routines = Set(report.timeline.compactMap(\.routine)).sorted()
        return routines.isEmpty ? "" : " · routine " + HTMLText.escape(routines.joined(separator: ", "))
    }

    // MARK: - Sections

    static func flagsSection(_ report: ProgressReport) -> String {
        let flags = report.flags
        var items: [String] = []
        for item in flags.contraindicated {
            items.append(
                "\(HTMLText.escape(name(item.exercise, report))) logged on \(item.date), contraindicated with \(HTMLText.escape(item.condition))")
        }
        for item in flags.stoppedForPain {
            items.append(
                "\(HTMLText.escape(name(item.exercise, report))): \(item.sets) set(s) stopped for pain, on "
                    + item.dates.map(\.description).joined(separator: ", "))
        }
        for flare in report.pain.flares {
            items.append("pain rose from \(flare.before) to \(flare.after) during the session of \(flare.date)")
        }
        guard !items.isEmpty else { return "" }
        return "<section class=\"flags\"><h2>To look at first</h2><ul>\n"
            + items.map { "<li>\($0)</li>\n" }.joined() + "</ul></section>\n"
    }

    static func name(_ exercise: String, _ report: ProgressReport) -> String {
        report.exercises.first { $0.exercise == exercise }?.name ?? exercise
    }

    static func painSection(_ report: ProgressReport) -> String {
        let points = report.timeline.filter { $0.painBefore != nil || $0.painAfter != nil }
        var out = "<section><h2>Pain</h2>\n"
        guard !points.isEmpty, let first = report.pain.weeks.first else {
            return out + "<p class=\"note\">No pain was recorded in this period.</p></section>\n"
        }
        out += "<figure>" + PageCharts.pain(report, firstWeek: first.week) + "\n"
        out += table(
            ["week", "sessions", "before (mean)", "after (mean)"],
            report.pain.weeks.suffix(16).map { week in
                [week.week, String(week.sessions), week.before.map { ProgressFormat.number($0.mean) } ?? "–",
                 week.after.map { ProgressFormat.number($0.mean) } ?? "–"]
            })
        out += "</figure>\n"
        var notes: [String] = []
        if !report.pain.baselineWeeks.isEmpty {
            notes.append("Baseline: " + report.pain.baselineWeeks.joined(separator: " and ") + " (the first weeks with pain recorded).")
        }
        for (label, change) in [("before", report.pain.before), ("after", report.pain.after)] {
            guard let change else { continue }
            let percent = change.percent.map { ", \(signed($0)) %" } ?? ""
            let mark =
                change.important
                ? (change.points < 0 ? " <span class=\"important\">important improvement</span>" : " <span class=\"worse\">important worsening</span>")
                : ""
            notes.append(
                "Pain \(label) the session: \(ProgressFormat.number(change.baseline)) at baseline, "
                    + "\(ProgressFormat.number(change.latest)) in \(change.latestWeek) (\(signed(change.points)) points\(percent)).\(mark)")
        }
        if report.pain.before == nil, report.pain.after == nil {
            notes.append("A change is measured once two weeks with pain and a later one are logged.")
        }
        out += notes.map { "<p class=\"note\">\($0)</p>\n" }.joined()
        return out + "</section>\n"
    }

    static func signed(_ value: Double) -> String {
        (value > 0 ? "+" : value < 0 ? "−" : "±") + ProgressFormat.number(abs(value))
    }

    static func adherenceSection(_ report: ProgressReport) -> String {
        guard !report.pain.weeks.isEmpty else { return "" }
        var out = "<section><h2>Sessions and adherence</h2>\n<figure>"
        out += PageCharts.calendar(report, weeks: Array(report.pain.weeks.suffix(calendarWeeks).map(\.week))) + "\n"
        let rows = report.adherence.suffix(calendarWeeks).map { week -> [String] in
            let done = week.doses.reduce(0) { $0 + $1.setsDone }
            let asked = week.doses.reduce(0) { $0 + $1.setsPrescribed }
            return [
                week.week, HTMLText.escape(week.routine),
                String(week.loggedSessions) + (week.prescribedSessions.map { " of \($0)" } ?? ""),
                String(week.partialSessions), asked > 0 ? "\(done) of \(asked)" : "–",
            ]
        }
        out += rows.isEmpty
            ? "<p class=\"note\">No session was logged against a routine.</p>"
            : table(["week", "routine", "sessions", "partial", "sets done"], rows)
        out += "</figure>\n"
        if report.adherence.contains(where: { $0.prescribedSessions == nil }) {
            out += "<p class=\"note\">The routine gives no weekly frequency: sessions logged are shown, not a share of a target.</p>\n"
        }
        return out + "</section>\n"
    }

    static func exercisesSection(_ report: ProgressReport) -> String {
        guard !report.exercises.isEmpty else { return "" }
        let rows = report.exercises.map { item -> [String] in
            let r = item.records
            return [
                HTMLText.escape(item.name) + (item.side.map { " (\($0.rawValue))" } ?? ""),
                String(item.sessions), String(item.sets), String(item.reps),
                item.volume.map { ProgressFormat.number($0) + " " + (item.volumeUnit?.rawValue ?? "") } ?? "–",
                r.heaviestWeight.map { ProgressFormat.weight($0.value) + dated($0.date) } ?? "–",
                r.estimatedOneRepMax.map { ProgressFormat.weight($0.value) } ?? "–",
                r.mostReps.map { "\($0.value.reps)" + dated($0.date) } ?? "–",
                r.longestHoldSeconds.map { ProgressFormat.seconds($0.value) + dated($0.date) } ?? "–",
                item.prescribedSets > 0 ? String(item.prescribedSets) : "",
            ]
        }
        return "<section><h2>Exercises and records</h2>\n"
            + table(
                ["exercise", "sessions", "sets", "reps", "volume", "heaviest", "est. 1RM", "most reps", "longest hold", "prescribed"],
                rows, names: true)
            + "<p class=\"note\">Warm-ups and sets logged as prescribed never set a record; est. 1RM is an estimate (Brzycki, sets of at most 10 reps).</p>\n</section>\n"
    }

    /// A record's date, small: ` <small>11-27</small>` (the year is the period's).
    static func dated(_ date: LocalDate) -> String {
        " <small>" + String(date.description.dropFirst(5)) + "</small>"
    }

    static func sidesSection(_ report: ProgressReport) -> String {
        guard !report.sides.isEmpty else { return "" }
        var out = "<section><h2>Left against right</h2>\n<figure>" + PageCharts.sides(report) + "\n"
        out += table(
            ["exercise", "measure", "left", "right", "asymmetry"],
            report.sides.map { balance in
                let o = balance.overall
                return [
                    HTMLText.escape(balance.name), o.measure.rawValue, o.texts.left, o.texts.right,
                    o.asymmetryPercent.map { ProgressTable.asymmetryText($0) } ?? "–",
                ]
            }, names: true)
        return out + "</figure>\n</section>\n"
    }

    static func lastSessionsSection(_ report: ProgressReport) -> String {
        guard !report.timeline.isEmpty else { return "" }
        let rows = report.timeline.suffix(lastSessions).reversed().map { point -> [String] in
            let pain = [point.painBefore, point.painAfter].map { $0.map(String.init) ?? "–" }.joined(separator: " → ")
            return [
                point.date.description, HTMLText.escape(point.routine ?? "–"), pain, String(point.exercises),
                String(point.sets), point.stoppedForPain > 0 ? String(point.stoppedForPain) : "",
                point.partial == true ? "partial" : "",
            ]
        }
        return "<section><h2>Last sessions</h2>\n"
            + table(["date", "routine", "pain", "exercises", "sets", "stopped: pain", ""], Array(rows))
            + "</section>\n"
    }

    /// A table; cells are HTML already (escaped by the caller). With `names`, the first column
    /// holds names, which may wrap.
    static func table(_ header: [String], _ rows: [[String]], names: Bool = false) -> String {
        (names ? "<table class=\"names\">" : "<table>") + "<thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>\n"
            + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }.joined()
            + "</tbody></table>"
    }
}
