/// limber's own CSV (DESIGN §8): one row per set, the session's and the entry's fields
/// repeated on each of its rows, so a spreadsheet can filter and sum without lookups. An entry
/// without sets has one row with the set columns empty. Documented in docs/EXPORT.md.
enum LimberCSVLayout {
    /// The header, in order. The symptoms (their text form, `back=3,leg-left=5`) came last,
    /// after the columns of the first layout, which keep their places.
    static let columns = [
        "session_id", "date", "start", "duration_seconds", "routine", "pain_before", "pain_after",
        "session_notes", "exercise", "exercise_name", "side", "entry_notes", "set_number", "kind",
        "reps", "weight", "weight_unit", "hold_seconds", "distance_meters", "rpe",
        "stopped_for_pain", "prescribed", "symptoms_before", "symptoms_after",
    ]

    /// `true` when `header` is limber's CSV header.
    static func recognises(_ header: CSVHeader) -> Bool {
        header.index("session-id") != nil && header.index("set-number") != nil
            && header.index("exercise") != nil
    }
}
