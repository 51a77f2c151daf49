import EventLog
import JournalModel

/// New sessions of a large commit (an import) kept in the form the snapshot stores them in,
/// instead of folded into the state: a session the journal has never seen is one
/// `session.logged` event, so its folded form can be built the moment it is written and the
/// fold dropped, and an import holds a few hundred bytes per session instead of its whole
/// fold. ``SessionStore/adoptStreamed(_:at:)`` writes them into the snapshot once the commit
/// is in the log.
package struct StreamedSessions {
    /// The sessions as the snapshot stores them; `events` holds the event's position in the
    /// commit.
    var sessions: [SnapshotWriter.Session] = []
    /// The ids of their events.
    var eventIDs: [String] = []
    /// The newest clock time among them.
    var latest: HLC = .zero

    /// No sessions yet.
    package init() {}

    /// How many sessions were added.
    package var count: Int { sessions.count }

    /// Adds the session an event logs, folded as a cold open folds it.
    ///
    /// - Parameters:
    ///   - event: A `session.logged` event of an entity the store does not know
    ///     (``SessionStore/isUnknown(_:)``).
    ///   - position: Where the event is in its commit (an index into the locations the
    ///     commit's append returns).
    package mutating func add(_ event: Event, at position: Int) {
        var record = SessionRecord(id: event.entity)
        record.apply(event, stamp: event.order)
        sessions.append(SessionStore.stored(record, events: [position]))
        eventIDs.append(event.id)
        if event.hlc > latest { latest = event.hlc }
    }
}
