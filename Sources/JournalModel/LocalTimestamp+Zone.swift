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
        /// on a spring-forward day usually becomes `03:30`); a time that happens twice (the
        /// fall-back hour) is the first of the two, whatever the C library prefers, so typed
        /// and imported times agree.
        func resolve(_ date: LocalDate, secondsOfDay: Int) -> LocalTimestamp? {
            switch self {
            case .fixed(let offset):
                let local = date.daysSinceEpoch * 86_400 + Int64(secondsOfDay)
                return LocalTimestamp(epochSeconds: local - Int64(offset), utcOffsetSeconds: offset)
            case .system:
                guard let found = Self.mktime(date, secondsOfDay) else { return nil }
                if let (first, _) = Self.twice(date, secondsOfDay, found: found) { return first }
                return found
            }
        }

        /// Like ``resolve(_:secondsOfDay:)``, and says in one line when the wall-clock time
        /// does not exist on that day (skipped when the clocks moved forward: the C library
        /// moves it on) or exists twice (when they moved back: the first is taken).
        func resolveReporting(_ date: LocalDate, secondsOfDay: Int) -> (
            LocalTimestamp, String?
        )? {
            guard case .system = self else {
                return resolve(date, secondsOfDay: secondsOfDay).map { ($0, nil) }
            }
            guard let found = Self.mktime(date, secondsOfDay) else { return nil }
            let asked = date.description + " " + Self.clock(secondsOfDay)
            if found.localDate != date || found.localSecondsOfDay != secondsOfDay {
                // Name the date too when the gap moved it (a day skipped across the date line).
                let taken =
                    (found.localDate != date ? found.localDate.description + " " : "")
                    + Self.clock(found.localSecondsOfDay)
                return (
                    found,
                    "\(asked) does not exist here (the clocks moved forward): taken as \(taken) \(found.offsetText)"
                )
            }
            if let (first, second) = Self.twice(date, secondsOfDay, found: found) {
                return (
                    first,
                    "\(asked) happens twice here (the clocks moved back that night): taken as the first, \(first.rfc3339); give \(second.rfc3339) for the second"
                )
            }
            return (found, nil)
        }

        /// `mktime` of a wall-clock time with the zone's own choice of daylight saving.
        private static func mktime(_ date: LocalDate, _ secondsOfDay: Int) -> LocalTimestamp? {
            var parts = tm()
            parts.tm_year = Int32(date.year - 1900)
            parts.tm_mon = Int32(date.month - 1)
            parts.tm_mday = Int32(date.day)
            parts.tm_hour = Int32(secondsOfDay / 3600)
            parts.tm_min = Int32(secondsOfDay / 60 % 60)
            parts.tm_sec = Int32(secondsOfDay % 60)
            parts.tm_isdst = -1
            let seconds = Glibc.mktime(&parts)
            if seconds == -1 {
                // -1 is also 1969-12-31T23:59:59Z: accept it only if it reads back as asked.
                guard parts.tm_year == Int32(date.year - 1900), parts.tm_mday == Int32(date.day)
                else { return nil }
            }
            let epoch = Int64(seconds)
            return LocalTimestamp(epochSeconds: epoch, utcOffsetSeconds: systemOffset(at: epoch))
        }

        /// The two instants of a wall-clock time that happens twice, earlier first, or `nil`:
        /// the same wall time under the offset in force six hours before or after `found`.
        private static func twice(_ date: LocalDate, _ secondsOfDay: Int, found: LocalTimestamp)
            -> (LocalTimestamp, LocalTimestamp)?
        {
            let wall = date.daysSinceEpoch * 86_400 + Int64(secondsOfDay)
            for probe in [found.epochSeconds - 21_600, found.epochSeconds + 21_600] {
                let offset = systemOffset(at: probe)
                let other = wall - Int64(offset)
                guard other != found.epochSeconds, systemOffset(at: other) == offset else { continue }
                let (early, late) = (min(other, found.epochSeconds), max(other, found.epochSeconds))
                return (
                    LocalTimestamp(epochSeconds: early, utcOffsetSeconds: systemOffset(at: early)),
                    LocalTimestamp(epochSeconds: late, utcOffsetSeconds: systemOffset(at: late))
                )
            }
            return nil
        }

        private static func clock(_ secondsOfDay: Int) -> String {
            CivilCalendar.pad(secondsOfDay / 3600, 2) + ":" + CivilCalendar.pad(secondsOfDay / 60 % 60, 2)
                + (secondsOfDay % 60 == 0 ? "" : ":" + CivilCalendar.pad(secondsOfDay % 60, 2))
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
