import Glibc

extension LocalTimestamp {
    /// How a wall-clock time without an offset becomes an instant.
    public enum Zone: Sendable, Hashable {
        /// The machine's time zone rules for that date (`mktime` with `tm_isdst = -1`), so a
        /// summer date gets the summer offset whatever the season now.
        case system
        /// A fixed offset, in seconds east of UTC.
        case fixed(utcOffsetSeconds: Int32)

        /// The instant of a wall-clock time in this zone, or `nil` when the C library cannot
        /// represent it. In a daylight-saving gap the C library's choice is taken (`02:30`
        /// on a spring-forward day usually becomes `03:30`).
        func resolve(_ date: LocalDate, secondsOfDay: Int) -> LocalTimestamp? {
            switch self {
            case .fixed(let offset):
                let local = date.daysSinceEpoch * 86_400 + Int64(secondsOfDay)
                return LocalTimestamp(epochSeconds: local - Int64(offset), utcOffsetSeconds: offset)
            case .system:
                var parts = tm()
                parts.tm_year = Int32(date.year - 1900)
                parts.tm_mon = Int32(date.month - 1)
                parts.tm_mday = Int32(date.day)
                parts.tm_hour = Int32(secondsOfDay / 3600)
                parts.tm_min = Int32(secondsOfDay / 60 % 60)
                parts.tm_sec = Int32(secondsOfDay % 60)
                parts.tm_isdst = -1
                let seconds = mktime(&parts)
                if seconds == -1 {
                    // -1 is also 1969-12-31T23:59:59Z: accept it only if it reads back as asked.
                    guard parts.tm_year == Int32(date.year - 1900), parts.tm_mday == Int32(date.day)
                    else { return nil }
                }
                let epoch = Int64(seconds)
                return LocalTimestamp(
                    epochSeconds: epoch, utcOffsetSeconds: Self.systemOffset(at: epoch))
            }
        }

        /// The machine's UTC offset at an instant (`localtime_r`'s `tm_gmtoff`), 0 if unknown.
        static func systemOffset(at epochSeconds: Int64) -> Int32 {
            var seconds = time_t(epochSeconds)
            var parts = tm()
            guard localtime_r(&seconds, &parts) != nil else { return 0 }
            return Int32(clamping: parts.tm_gmtoff)
        }
    }
}
