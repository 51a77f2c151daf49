import Glibc
import Limber

/// `--timezone`: the zone another app's local times are in. `UTC`, an offset (`+01:00`,
/// `-0530`) or an IANA name (`Europe/Berlin`, which makes it the process's zone).
enum TimeZoneOption {
    static func zone(_ text: String?) throws -> LocalTimestamp.Zone {
        guard let text else { return .system }
        if text.uppercased() == "UTC" || text == "Z" { return .fixed(utcOffsetSeconds: 0) }
        if let first = text.first, first == "+" || first == "-" {
            let digits = text.dropFirst().filter { $0 != ":" }
            if digits.count == 4, digits.allSatisfy(\.isNumber), let value = Int(digits) {
                let hours = value / 100
                let minutes = value % 100
                if hours <= 23, minutes <= 59 {
                    let seconds = Int32((hours * 3600 + minutes * 60) * (first == "-" ? -1 : 1))
                    return .fixed(utcOffsetSeconds: seconds)
                }
            }
        } else if !text.contains(".."), !text.hasPrefix("/"),
            access("/usr/share/zoneinfo/" + text, R_OK) == 0
        {
            setenv("TZ", text, 1)
            tzset()
            return .system
        }
        throw LimberError(
            .usage(
                "\"\(text)\" is not a time zone",
                hint: "give UTC, an offset such as +01:00, or a name such as Europe/Berlin"))
    }
}
