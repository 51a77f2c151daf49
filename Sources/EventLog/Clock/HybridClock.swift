import Glibc

/// The writer's hybrid logical clock (DESIGN §4).
///
/// `tick` returns `max(now, last seen)`, adding one to the counter when the wall clock has not
/// moved past the last timestamp, so every event this device writes sorts after every event
/// it has seen.
package struct HybridClock: Sendable {
    /// The largest timestamp seen or issued so far.
    package private(set) var last: HLC

    /// Creates a clock that issues only timestamps after `last`.
    ///
    /// - Parameter last: The largest timestamp already seen or issued; ``HLC/zero`` for none.
    package init(last: HLC = .zero) {
        self.last = last
    }

    /// The latest time the clock follows a seen timestamp to: a day before
    /// ``HLC/latestAccepted``, so every timestamp it issues stays readable.
    package static let ceiling = HLC(millis: HLC.latestAccepted.millis - 86_400_000, counter: 0)

    /// Records a timestamp read from the log (any device); one past ``ceiling`` counts as
    /// ``ceiling``.
    package mutating func observe(_ seen: HLC) {
        let bounded = min(seen, Self.ceiling)
        if bounded > last { last = bounded }
    }

    /// Issues the next timestamp.
    package mutating func tick(nowMillis: Int64 = HybridClock.wallClockMillis()) -> HLC {
        let next: HLC
        if nowMillis > last.millis {
            next = HLC(millis: nowMillis, counter: 0)
        } else if last.counter < UInt16(9999) {
            next = HLC(millis: last.millis, counter: last.counter + 1)
        } else {
            // The counter has four digits; borrow the next millisecond rather than overflow.
            next = HLC(millis: last.millis + 1, counter: 0)
        }
        last = next
        return next
    }

    /// The wall clock in milliseconds since the epoch (`clock_gettime(CLOCK_REALTIME)`).
    package static func wallClockMillis() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
