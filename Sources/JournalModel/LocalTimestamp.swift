import FoundationEssentials
import Glibc

/// An instant plus the UTC offset it was logged with, so "07:30 in Berlin" stays 07:30.
///
/// Encodes as an RFC 3339 string with whole seconds: `"2026-11-24T07:30:00+01:00"`, and
/// `"2026-11-24T06:30:00Z"` when the offset is zero (`Z`, as most tools write UTC).
/// Ordered by instant, then by offset, so equal instants logged in different zones are
/// distinct but adjacent.
public struct LocalTimestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let epochSeconds: Int64
    /// The offset from UTC of the local clock at that instant, in seconds east of UTC: a whole
    /// number of minutes within ±23:59.
    public let utcOffsetSeconds: Int32

    /// The largest offset RFC 3339 can write, 23:59.
    public static let maximumOffsetSeconds: Int32 = 23 * 3600 + 59 * 60

    /// Creates a timestamp. The offset is truncated to whole minutes and clamped to ±23:59,
    /// the offsets RFC 3339 can write (only pre-1900 local mean times have seconds).
    public init(epochSeconds: Int64, utcOffsetSeconds: Int32) {
        self.epochSeconds = epochSeconds
        let minutes = utcOffsetSeconds - utcOffsetSeconds % 60
        self.utcOffsetSeconds = min(
            max(minutes, -Self.maximumOffsetSeconds), Self.maximumOffsetSeconds)
    }

    /// Creates a timestamp from a `Date` (fractions of a second dropped, rounding down).
    public init(date: Date, utcOffsetSeconds: Int32) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let clamped = min(max(seconds, -1e17), 1e17)
        self.init(epochSeconds: Int64(clamped), utcOffsetSeconds: utcOffsetSeconds)
    }

    /// The instant as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(epochSeconds)) }

    /// Seconds since 1970-01-01T00:00:00 on the local wall clock.
    var localEpochSeconds: Int64 { epochSeconds + Int64(utcOffsetSeconds) }

    /// The calendar day on the wall clock where it was logged.
    public var localDate: LocalDate {
        LocalDate(daysSinceEpoch: Self.floorDivide(localEpochSeconds, 86_400))
    }

    /// Seconds since local midnight, 0…86399.
    public var localSecondsOfDay: Int {
        let local = localEpochSeconds
        return Int(local - Self.floorDivide(local, 86_400) * 86_400)
    }

    /// The ISO week of the local date, such as `2026-W48`.
    public var isoWeek: String { localDate.isoWeek }

    /// The same instant on the machine's clock now (its current rules for that instant).
    public func inSystemZone() -> LocalTimestamp {
        LocalTimestamp(
            epochSeconds: epochSeconds, utcOffsetSeconds: Zone.systemOffset(at: epochSeconds))
    }

    /// Now, with the machine's current UTC offset (from `localtime_r`'s `tm_gmtoff`).
    public static func now() -> LocalTimestamp {
        let seconds = Int64(time(nil))
        return LocalTimestamp(
            epochSeconds: seconds, utcOffsetSeconds: Zone.systemOffset(at: seconds))
    }

    /// Orders by instant, then by offset.
    public static func < (lhs: LocalTimestamp, rhs: LocalTimestamp) -> Bool {
        (lhs.epochSeconds, lhs.utcOffsetSeconds) < (rhs.epochSeconds, rhs.utcOffsetSeconds)
    }

    /// The RFC 3339 form, such as `2026-11-24T07:30:00+01:00` (`Z` for offset zero).
    public var description: String { rfc3339 }

    /// The offset as `+01:00` or `-05:30` (`+00:00` for UTC).
    public var offsetText: String {
        let minutes = Int(utcOffsetSeconds.magnitude) / 60
        return (utcOffsetSeconds < 0 ? "-" : "+") + CivilCalendar.pad(minutes / 60, 2) + ":"
            + CivilCalendar.pad(minutes % 60, 2)
    }

    /// The RFC 3339 form, such as `2026-11-24T07:30:00+01:00` (`Z` for offset zero).
    public var rfc3339: String {
        let local = localEpochSeconds
        let days = Self.floorDivide(local, 86_400)
        let secondsOfDay = Int(local - days * 86_400)
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        func put(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        if (0...9999).contains(year) {
            put(Int(year), 4)
        } else {
            bytes.append(contentsOf: String(year).utf8)  // outside RFC 3339; kept readable
        }
        bytes.append(UInt8(ascii: "-"))
        put(Int(month), 2)
        bytes.append(UInt8(ascii: "-"))
        put(Int(day), 2)
        bytes.append(UInt8(ascii: "T"))
        put(secondsOfDay / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        put(secondsOfDay / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        put(secondsOfDay % 60, 2)
        if utcOffsetSeconds == 0 {
            bytes.append(UInt8(ascii: "Z"))
        } else {
            bytes.append(UInt8(ascii: utcOffsetSeconds < 0 ? "-" : "+"))
            let minutes = Int(utcOffsetSeconds.magnitude) / 60
            put(minutes / 60, 2)
            bytes.append(UInt8(ascii: ":"))
            put(minutes % 60, 2)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes an RFC 3339 string (see ``init(rfc3339:field:)``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try LocalTimestamp(rfc3339: text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: error.description)
        }
    }

    /// Encodes the RFC 3339 form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
