import ArgumentParser
import Limber

/// `--since` and `--until`, shared by the commands that take a time range.
struct DateRangeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Only sessions from this day or time on (YYYY-MM-DD, \"YYYY-MM-DD HH:MM\", RFC 3339, 7d, 4w, last-week).",
            valueName: "date"))
    var since: String?

    @Option(
        help: ArgumentHelp(
            "Only sessions up to this day (inclusive; last-week, this-week) or before this time.", valueName: "date"))
    var until: String?

    /// Sets the range of `filter`; a range that ends before it starts is refused.
    func apply(to filter: inout SessionFilter) throws {
        filter.since = try since.map { try SessionFilter.bound($0, isUpperBound: false) }
        filter.until = try until.map { try SessionFilter.bound($0, isUpperBound: true) }
        if let start = filter.since, let end = filter.until, start >= end {
            throw LimberError(
                .usage(
                    "--since \(since ?? "") is not before --until \(until ?? ""): no session can match",
                    hint: "swap them, or check the dates"))
        }
    }
}
