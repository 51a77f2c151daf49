import JournalModel

/// The SVG charts of ``ProgressPage``: drawn from the report's numbers alone, each an image
/// with a title (its numbers stand in a table beside it).
enum PageCharts {
    static let before = "#1f5fa8"
    static let after = "#c8661b"

    /// A number for an SVG attribute (one decimal).
    static func n(_ value: Double) -> String { ProgressFormat.number(value) }

    static func svg(_ id: String, width: Int, height: Int, title: String, _ body: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"10\">"
            + "<title id=\"\(id)\">\(HTMLText.escape(title))</title>" + body + "</svg>"
    }

    /// The Monday the report's first week starts on.
    static func firstMonday(_ report: ProgressReport) -> LocalDate? {
        guard let first = report.since ?? report.timeline.first?.date else { return nil }
        return first.adding(days: 1 - first.isoWeekday)
    }

    /// Pain before and after each session on a fixed 0–10 scale, the weekly means as lines and
    /// the baselines dashed.
    static func pain(_ report: ProgressReport, firstWeek: String) -> String {
        let (width, height) = (400, 190)
        let (left, right, top, bottom) = (28.0, 392.0, 22.0, 168.0)
        let weeks = report.pain.weeks
        guard let monday = firstMonday(report), !weeks.isEmpty else { return "" }
        let days = Double(weeks.count * 7)
        let x = { (day: Double) in left + (day + 0.5) / days * (right - left) }
        let y = { (score: Double) in bottom - score / 10 * (bottom - top) }
        var body = ""
        for score in stride(from: 0, through: 10, by: 2) {
            let yy = n(y(Double(score)))
            body += "<line x1=\"\(n(left))\" x2=\"\(n(right))\" y1=\"\(yy)\" y2=\"\(yy)\" stroke=\"#ddd\"/>"
            body += "<text x=\"\(n(left - 4))\" y=\"\(n(y(Double(score)) + 3))\" text-anchor=\"end\" fill=\"#555\">\(score)</text>"
        }
        // Week labels: the first, the last and a few between.
        let step = max(1, weeks.count / 5)
        for (index, week) in weeks.enumerated() where index % step == 0 || index == weeks.count - 1 {
            body += "<text x=\"\(n(x(Double(index * 7) + 3)))\" y=\"\(n(bottom + 14))\" text-anchor=\"middle\" fill=\"#555\">\(week.week.suffix(3))</text>"
        }
        for (change, color) in [(report.pain.before, before), (report.pain.after, after)] {
            guard let change else { continue }
            let yy = n(y(change.baseline))
            body += "<line x1=\"\(n(left))\" x2=\"\(n(right))\" y1=\"\(yy)\" y2=\"\(yy)\" stroke=\"\(color)\" stroke-dasharray=\"4 3\" stroke-width=\"1\" opacity=\"0.7\"/>"
        }
        for (path, color) in [(\PainWeek.before, before), (\PainWeek.after, after)] {
            var run: [String] = []
            var lines: [[String]] = []
            for (index, week) in weeks.enumerated() {
                if let mean = week[keyPath: path]?.mean {
                    run.append("\(n(x(Double(index * 7) + 3))),\(n(y(mean)))")
                } else if !run.isEmpty {
                    lines.append(run)
                    run = []
                }
            }
            if !run.isEmpty { lines.append(run) }
            for line in lines {
                body += "<polyline points=\"\(line.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            }
        }
        for point in report.timeline {
            let day = Double(point.date.daysSinceEpoch - monday.daysSinceEpoch)
            guard day >= 0, day < days else { continue }
            if let score = point.painBefore {
                body += "<circle cx=\"\(n(x(day)))\" cy=\"\(n(y(Double(score))))\" r=\"2.6\" fill=\"\(before)\"/>"
            }
            if let score = point.painAfter {
                body += "<rect x=\"\(n(x(day) - 2.4))\" y=\"\(n(y(Double(score)) - 2.4))\" width=\"4.8\" height=\"4.8\" fill=\"\(after)\"/>"
            }
        }
        for (change, color) in [(report.pain.before, before), (report.pain.after, after)] {
            guard let change, change.important,
                let index = weeks.firstIndex(where: { $0.week == change.latestWeek })
            else { continue }
            body += "<text x=\"\(n(x(Double(index * 7) + 3)))\" y=\"\(n(y(change.latest) - 7))\" text-anchor=\"middle\" fill=\"\(color)\" font-weight=\"bold\">★</text>"
        }
        body += "<circle cx=\"34\" cy=\"9\" r=\"2.6\" fill=\"\(before)\"/><text x=\"40\" y=\"12\">before</text>"
        body += "<rect x=\"86\" y=\"6.6\" width=\"4.8\" height=\"4.8\" fill=\"\(after)\"/><text x=\"95\" y=\"12\">after</text>"
        body += "<text x=\"132\" y=\"12\" fill=\"#555\">lines: weekly means · dashed: baseline · ★ important change</text>"
        return svg(
            "pain-chart", width: width, height: height,
            title: "Pain before and after each session, 0 to 10, from week \(firstWeek), with weekly means and baselines",
            body)
    }

    /// One row a week, Monday to Sunday: a filled day had a session (lighter: partial).
    static func calendar(_ report: ProgressReport, weeks: [String]) -> String {
        guard let monday = firstMonday(report), let firstShown = weeks.first,
            let offset = report.pain.weeks.firstIndex(where: { $0.week == firstShown })
        else { return "" }
        let cell = 15
        let (labelWidth, top) = (64, 16)
        let width = labelWidth + 7 * cell + 4
        let height = top + weeks.count * cell + 4
        var byDay: [Int64: [SessionPoint]] = [:]
        for point in report.timeline { byDay[point.date.daysSinceEpoch, default: []].append(point) }
        var body = ""
        for (index, day) in ["M", "T", "W", "T", "F", "S", "S"].enumerated() {
            body += "<text x=\"\(labelWidth + index * cell + cell / 2)\" y=\"11\" text-anchor=\"middle\" fill=\"#555\">\(day)</text>"
        }
        for (row, week) in weeks.enumerated() {
            let yy = top + row * cell
            body += "<text x=\"0\" y=\"\(yy + 11)\" fill=\"#555\">\(week)</text>"
            for column in 0..<7 {
                let day = monday.adding(days: (offset + row) * 7 + column).daysSinceEpoch
                let held = byDay[day] ?? []
                let fill =
                    held.isEmpty ? "#eeeeee" : held.allSatisfy { $0.partial == true } ? "#9ccc9f" : "#2e7d32"
                let stroke = held.contains { $0.stoppedForPain > 0 } ? " stroke=\"#b3261e\" stroke-width=\"2\"" : ""
                body += "<rect x=\"\(labelWidth + column * cell + 1)\" y=\"\(yy + 1)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" rx=\"2\" fill=\"\(fill)\"\(stroke)/>"
                if held.count > 1 {
                    body += "<text x=\"\(labelWidth + column * cell + cell / 2)\" y=\"\(yy + 11)\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"9\">\(held.count)</text>"
                }
            }
        }
        return svg(
            "calendar-chart", width: width, height: height,
            title: "Sessions by day, one row a week (Monday first): dark green a session, light green a partial one, red edge a set stopped for pain",
            body)
    }

    /// Left and right of each per-side exercise as two bars, in the measure its asymmetry is
    /// taken of.
    static func sides(_ report: ProgressReport) -> String {
        let rowHeight = 30
        let (labelWidth, barWidth) = (150.0, 170.0)
        let width = Int(labelWidth + barWidth) + 60
        let height = report.sides.count * rowHeight + 6
        var body = ""
        for (row, balance) in report.sides.enumerated() {
            let o = balance.overall
            let (l, r) = o.values
            let larger = max(l, r, 1)
            let yy = row * rowHeight + 4
            let label = balance.name.count > 24 ? String(balance.name.prefix(23)) + "…" : balance.name
            body += "<text x=\"0\" y=\"\(yy + 15)\" font-size=\"9\">\(HTMLText.escape(label))</text>"
            for (index, (value, color, side)) in [(l, before, "L"), (r, after, "R")].enumerated() {
                let top = yy + index * 12
                let length = max(1, value / larger * barWidth)
                body += "<text x=\"\(n(labelWidth - 4))\" y=\"\(top + 9)\" text-anchor=\"end\" fill=\"#555\">\(side)</text>"
                body += "<rect x=\"\(n(labelWidth))\" y=\"\(top)\" width=\"\(n(length))\" height=\"10\" fill=\"\(color)\"/>"
                body += "<text x=\"\(n(labelWidth + length + 4))\" y=\"\(top + 9)\" fill=\"#333\">\(n(value))</text>"
            }
        }
        return svg(
            "sides-chart", width: width, height: height,
            title: "Left (blue) against right (orange) for each per-side exercise: load in kg, else seconds held, else reps",
            body)
    }
}
