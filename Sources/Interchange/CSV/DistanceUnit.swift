import JournalModel

/// Distance units as apps write them.
enum DistanceUnit {
    /// Meters in one `text` (`m`, `km`, `mi`, `miles`, `yd`, `ft`), or `nil`.
    static func meters(per text: String) -> Double? {
        switch Slug.make(text) {
        case "m", "meter", "meters", "metre", "metres": 1
        case "km", "kms", "kilometer", "kilometers", "kilometre", "kilometres": 1000
        case "mi", "mile", "miles": 1609.344
        case "yd", "yard", "yards": 0.9144
        case "ft", "foot", "feet": 0.3048
        default: nil
        }
    }
}
