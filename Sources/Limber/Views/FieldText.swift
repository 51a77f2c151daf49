import EventLog

/// How a session field and its value read in `conflicts` and `show --history`: one place, so
/// both say `pain after` and `12,12,10!` alike.
enum FieldText {
    /// `pain after`, `notes`, `Bird dog (left)`.
    static func name(_ field: SessionField, catalog: Catalog) -> String {
        switch field {
        case .start: "start"
        case .durationSeconds: "duration"
        case .routine: "routine"
        case .painBefore: "pain before"
        case .painAfter: "pain after"
        case .notes: "notes"
        case .symptomsBefore: "symptoms before"
        case .symptomsAfter: "symptoms after"
        case .entry(let key):
            (catalog.exercise(id: key.exercise)?.name ?? key.exercise)
                + (key.side.map { " (\($0.rawValue))" } ?? "")
        }
    }

    /// The value a change writes, as text; `(none)` for a cleared field or a removed entry.
    static func value(_ change: SessionChange?) -> String {
        switch change {
        case nil: "(none)"
        case .start(let value)?: LocalTime.text(value) + " (UTC" + value.offsetText + ")"
        case .durationSeconds(let value)?:
            value.map { DurationText.format(seconds: $0) } ?? "(none)"
        case .routine(let value)?: value ?? "(none)"
        case .painBefore(let value)?, .painAfter(let value)?:
            value.map { "\($0.rawValue)" } ?? "(none)"
        case .notes(let value)?: value.map { ModelError.quote($0) } ?? "(none)"
        case .symptomsBefore(let value)?, .symptomsAfter(let value)?:
            value.map { $0.isEmpty ? "(none recorded)" : $0.summary } ?? "(none)"
        case .entry(_, let entry)?:
            entry.map { SetText.compact($0.sets) + ($0.prescribed ? " (as prescribed)" : "") }
                ?? "(none)"
        }
    }
}

/// Times as a person reads them: on this machine's clock, `2026-11-24 07:30`.
public enum LocalTime {
    /// `2026-11-24 07:30` on the wall clock of the offset the timestamp carries.
    public static func text(_ time: LocalTimestamp) -> String {
        // RFC 3339 text is ASCII up to the minutes: `2026-11-24T07:30`.
        let text = time.rfc3339
        let bytes = Array(text.utf8)
        guard bytes.count >= 16 else { return text }
        return String(decoding: bytes[0..<10], as: UTF8.self) + " "
            + String(decoding: bytes[11..<16], as: UTF8.self)
    }

    /// The instant of a hybrid-clock time on this machine's clock now.
    static func of(_ hlc: HLC) -> LocalTimestamp {
        let seconds = hlc.millis / 1000
        return LocalTimestamp(epochSeconds: seconds, utcOffsetSeconds: 0).inSystemZone()
    }
}
