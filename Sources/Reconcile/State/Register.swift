import EventLog

/// A last-writer-wins register: the value written by the event latest in merge order.
///
/// Applying writes in any order gives the same result, which is what makes the fold
/// order-independent (DESIGN §5).
///
/// A write by a *creation* (`session.logged`) ranks below every later change, whatever its
/// merge-order position. A session normally has one creation, and every change follows it
/// anyway; the rank matters when two devices import the same file: both log the session under
/// the same derived id, and the second creation must not undo an amendment the first device
/// made in between. Between two creations the later one wins as usual.
package struct Register<Value: Sendable & Hashable>: Sendable, Hashable {
    package private(set) var value: Value
    package private(set) var stamp: EventOrder
    /// `true` while the value comes from a creation.
    package private(set) var fromCreation: Bool

    /// Creates a register holding its first write.
    ///
    /// - Parameters:
    ///   - value: The value written.
    ///   - stamp: The merge-order position of the event that wrote it.
    ///   - creation: Whether that event created the entity.
    package init(_ value: Value, stamp: EventOrder, creation: Bool = false) {
        self.value = value
        self.stamp = stamp
        self.fromCreation = creation
    }

    /// Takes `value` if its write ranks above the current one: a change above a creation,
    /// else the later in merge order.
    package mutating func write(_ value: Value, stamp: EventOrder, creation: Bool = false) {
        if creation != fromCreation {
            guard fromCreation else { return }
        } else {
            guard stamp > self.stamp else { return }
        }
        self.value = value
        self.stamp = stamp
        self.fromCreation = creation
    }
}

extension Optional {
    /// Writes into an optional register, creating it on first write.
    package mutating func write<Value>(_ value: Value, stamp: EventOrder, creation: Bool = false)
    where Wrapped == Register<Value> {
        if var register = self {
            register.write(value, stamp: stamp, creation: creation)
            self = register
        } else {
            self = Register(value, stamp: stamp, creation: creation)
        }
    }
}
