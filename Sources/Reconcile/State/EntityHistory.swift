import EventLog

/// The events seen for one entity and which of them are history heads: events that no other
/// seen event names as a parent. New writes name the heads as their `parents`.
package struct EntityHistory: Sendable, Hashable {
    package private(set) var events: Set<String> = []
    private var superseded: Set<String> = []

    package init() {}

    package mutating func record(_ event: Event) {
        events.insert(event.id)
        superseded.formUnion(event.parents)
    }

    /// The heads, sorted (deterministic `parents`).
    package var heads: [String] {
        events.subtracting(superseded).sorted()
    }
}
