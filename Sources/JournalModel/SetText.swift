/// How sets and numbers read, in one place: `show`, `conflicts`, `show --history`, the
/// Markdown log and the CSV export all write them through this.
public enum SetText {
    /// A number without a needless `.0`: `5`, `12.5`.
    public static func number(_ value: Double) -> String { Weight.format(value) }

    /// A set as `--set` takes it, so it can be typed back: `12`, `12x5kg`, `45s`, `10!`.
    /// What `--set` cannot say is appended: a distance (`5000m`), RPE (`@8`) and a set kind
    /// other than normal (`warmup:12x5kg`).
    public static func compact(_ set: ExerciseSet) -> String {
        var text = ""
        if let reps = set.reps { text += String(reps) }
        if let weight = set.weight { text += (set.reps == nil ? "" : "x") + weight.description }
        if let hold = set.durationSeconds {
            if !text.isEmpty { text += " " }
            text += hold == hold.rounded() && abs(hold) < 1e9
                ? DurationText.format(seconds: Int(hold)) : number(hold) + "s"
        }
        if let distance = set.distanceMeters {
            if !text.isEmpty { text += " " }
            text += number(distance) + "m"
        }
        if text.isEmpty { text = "done" }
        if let rpe = set.rpe { text += "@" + number(rpe) }
        if set.kind != .normal { text = set.kind.rawValue + ":" + text }
        if set.stoppedForPain { text += "!" }
        return text
    }

    /// Every set of an entry, compact, separated by commas: `12,12,10!`.
    public static func compact(_ sets: [ExerciseSet]) -> String {
        sets.isEmpty ? "no sets" : sets.map(compact).joined(separator: ",")
    }

    /// A set as a person (or a physiotherapist) reads it: `12 × 5 kg`, `45 s hold`,
    /// `5 km in 25:30`, `12 @8 (warm-up) (stopped: pain)`.
    public static func readable(_ set: ExerciseSet) -> String {
        var parts: [String] = []
        if let reps = set.reps {
            parts.append(
                set.weight.map { "\(reps) × \(number($0.value)) \($0.unit.rawValue)" } ?? "\(reps)")
        } else if let weight = set.weight {
            parts.append("\(number(weight.value)) \(weight.unit.rawValue)")
        }
        if let distance = set.distanceMeters {
            parts.append(
                distance >= 1000
                    ? "\(number((distance / 10).rounded() / 100)) km" : "\(number(distance.rounded())) m")
        }
        if let seconds = set.durationSeconds {
            parts.append(
                set.reps == nil && set.distanceMeters == nil
                    ? "\(clock(seconds)) hold" : "in \(clock(seconds))")
        }
        var text = parts.isEmpty ? "done (amount not recorded)" : parts.joined(separator: " ")
        if let rpe = set.rpe { text += " @\(number(rpe))" }
        switch set.kind {
        case .normal: break
        case .warmup: text += " (warm-up)"
        case .drop: text += " (drop set)"
        case .failure: text += " (to failure)"
        }
        if set.stoppedForPain { text += " (stopped: pain)" }
        return text
    }

    /// Seconds as a clock: `45 s`, `1:30`, `1:02:03`.
    public static func clock(_ seconds: Double) -> String {
        // A value from another device is not validated: never trap on it.
        guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return number(seconds) + " s" }
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        let hours = total / 3600
        return hours > 0
            ? "\(hours):\(pad(total / 60 % 60)):\(pad(total % 60))"
            : "\(total / 60):\(pad(total % 60))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
