import EventLog

/// The events seen for one entity and which of them are history heads: events that no other
/// seen event names as a parent. New writes name the heads as their `parents`.
package struct EntityHistory: Sendable, Hashable {
    package private(set) var events: Set<String> = []
    private var superseded: Set<String> = []

    /// Creates the history of an entity with no events seen yet.
    package init() {}

    /// Adds one event of the entity: its id joins the seen events and its parents stop being heads.
    ///
    /// Events may be recorded in any order; recording the same event twice changes nothing.
    ///
    /// - Parameter event: An event whose `entity` is this history's entity.
    package mutating func record(_ event: Event) {
        events.insert(event.id)
        superseded.formUnion(event.parents)
    }

    /// The heads, sorted (deterministic `parents`).
    package var heads: [String] {
        events.subtracting(superseded).sorted()
    }
}
