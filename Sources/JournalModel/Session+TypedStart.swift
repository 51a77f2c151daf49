extension Session {
    /// Checks a start time a person typed: not before ``InputLimits/earliestTypedYear`` and
    /// not more than ``InputLimits/futureToleranceSeconds`` ahead of `now` unless
    /// `allowFuture` (a session planned ahead, or a clock known to be wrong).
    ///
    /// - Throws: ``ModelError`` `.notAllowed` naming the field and the time.
    public static func checkTypedStart(
        _ start: LocalTimestamp, now: LocalTimestamp, allowFuture: Bool, field: String = "--at"
    ) throws(ModelError) {
        if start.localDate.year < InputLimits.earliestTypedYear {
            throw ModelError(
                kind: .notAllowed, field: field, input: start.rfc3339,
                description:
                    "\(field): \(start.localDate) is before \(InputLimits.earliestTypedYear); that is a typo",
                hint: "check the year, such as \(now.localDate.year)")
        }
        if !allowFuture, start.epochSeconds > now.epochSeconds + InputLimits.futureToleranceSeconds {
            let days = (start.epochSeconds - now.epochSeconds) / 86_400
            throw ModelError(
                kind: .notAllowed, field: field, input: start.rfc3339,
                description:
                    "\(field): \(start.localDate) is \(days) day\(days == 1 ? "" : "s") in the future",
                hint: "check the date; to log a session ahead on purpose, add --future")
        }
    }
}
