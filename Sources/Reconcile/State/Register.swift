import EventLog

/// A last-writer-wins register: the value written by the event latest in merge order.
///
/// Applying writes in any order gives the same result, which is what makes the fold
/// order-independent (DESIGN §5).
package struct Register<Value: Sendable & Hashable>: Sendable, Hashable {
    package private(set) var value: Value
    package private(set) var stamp: EventOrder
    /// The id of the event that wrote the current value.
    package private(set) var eventID: String

    package init(_ value: Value, stamp: EventOrder, eventID: String) {
        self.value = value
        self.stamp = stamp
        self.eventID = eventID
    }

    /// Takes `value` if its event comes later in merge order than the current one.
    package mutating func write(_ value: Value, stamp: EventOrder, eventID: String) {
        guard stamp > self.stamp else { return }
        self.value = value
        self.stamp = stamp
        self.eventID = eventID
    }
}

extension Optional {
    /// Writes into an optional register, creating it on first write.
    package mutating func write<Value>(_ value: Value, stamp: EventOrder, eventID: String)
    where Wrapped == Register<Value> {
        if var register = self {
            register.write(value, stamp: stamp, eventID: eventID)
            self = register
        } else {
            self = Register(value, stamp: stamp, eventID: eventID)
        }
    }
}
