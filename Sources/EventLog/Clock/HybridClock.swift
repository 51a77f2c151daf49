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

    /// Records a timestamp read from the log (any device).
    package mutating func observe(_ seen: HLC) {
        if seen > last { last = seen }
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
