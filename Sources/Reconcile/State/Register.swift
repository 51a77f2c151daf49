import EventLog

/// A last-writer-wins register: the value written by the event latest in merge order.
///
/// Applying writes in any order gives the same result, which is what makes the fold
/// order-independent (DESIGN §5).
package struct Register<Value: Sendable & Hashable>: Sendable, Hashable {
    package private(set) var value: Value
    package private(set) var stamp: EventOrder

    /// Creates a register holding its first write.
    ///
    /// - Parameters:
    ///   - value: The value written.
    ///   - stamp: The merge-order position of the event that wrote it.
    package init(_ value: Value, stamp: EventOrder) {
        self.value = value
        self.stamp = stamp
    }

    /// Takes `value` if its event comes later in merge order than the current one.
    package mutating func write(_ value: Value, stamp: EventOrder) {
        guard stamp > self.stamp else { return }
        self.value = value
        self.stamp = stamp
    }
}

extension Optional {
    /// Writes into an optional register, creating it on first write.
    package mutating func write<Value>(_ value: Value, stamp: EventOrder)
    where Wrapped == Register<Value> {
        if var register = self {
            register.write(value, stamp: stamp)
            self = register
        } else {
            self = Register(value, stamp: stamp)
        }
    }
}
