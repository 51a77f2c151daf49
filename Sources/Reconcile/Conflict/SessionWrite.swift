import EventLog

/// One change to a session after its creation, as the conflict finder needs it.
package struct SessionWrite: Sendable, Hashable {
    /// The event id.
    package var id: String
    /// The events it followed.
    package var parents: [String]
    /// Its place in the merge order (the later one wins a conflict until it is resolved).
    package var stamp: EventOrder
    /// The fields it wrote, with their values.
    package var changes: [SessionChange]
    /// `true` for a deletion, `false` for a restoration, `nil` when it does neither.
    package var deleted: Bool?
    /// `true` when an import wrote it (a correction or extension of a session it made).
    package var byImport: Bool

    init(_ event: Event, changes: [SessionChange], deleted: Bool?, byImport: Bool = false) {
        id = event.id
        parents = event.parents
        stamp = event.order
        self.changes = changes
        self.deleted = deleted
        self.byImport = byImport
    }
}
