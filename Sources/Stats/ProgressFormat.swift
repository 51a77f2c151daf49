import JournalModel

/// How the report writes numbers for a person: one place, used by every rendering.
public enum ProgressFormat {
    /// A number with at most one decimal and no trailing `.0` (`12`, `12.5`).
    public static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }

    /// A weight with at most one decimal (`22.7kg`).
    public static func weight(_ weight: Weight) -> String {
        number(weight.value) + weight.unit.rawValue
    }

    /// Seconds as `45 s`.
    public static func seconds(_ value: Double) -> String { number(value) + " s" }

    /// Meters as `400 m`.
    public static func meters(_ value: Double) -> String { number(value) + " m" }
}
