import EventLog
import JournalModel

/// A session's events in merge order, each with what it changed: the session and its
/// deletion state just before and just after it, as the fold sees them (DESIGN §5).
///
/// This is what `show --history` prints as old → new and what `undo` and `amend --revert`
/// revert to.
public struct SessionHistory: Sendable {
    /// One event and its effect.
    public struct Step: Sendable {
        /// The event.
        public var event: Event
        /// The session before it (`nil` before the session was logged).
        public var before: Session?
        /// The session after it.
        public var after: Session?
        /// Whether the session was deleted before it.
        public var deletedBefore: Bool
        /// Whether the session is deleted after it.
        public var deletedAfter: Bool
        /// The fields the event wrote (every field for a `session.logged`).
        public var fields: [SessionField]
    }

    /// The steps, in merge order.
    public private(set) var steps: [Step]

    /// Folds `events` (the session's, any order, duplicates allowed) step by step.
    public init(session id: String, events: [Event]) {
        var record = SessionRecord(id: id)
        var seen: Set<String> = []
        var steps: [Step] = []
        for event in events.sorted(by: { $0.order < $1.order }) where seen.insert(event.id).inserted {
            let before = record.session
            let deletedBefore = record.deleted?.value == true
            record.apply(event, stamp: event.order)
            let fields: [SessionField]
            switch event.body {
            case .sessionAmended(let patch): fields = patch.changes.map(\.field)
            case .conflictResolved(let resolution): fields = resolution.patch.changes.map(\.field)
            case .sessionLogged(let session):
                fields =
                    [.start, .durationSeconds, .routine, .painBefore, .painAfter, .notes]
                    + (session.symptomsBefore == nil ? [] : [.symptomsBefore])
                    + (session.symptomsAfter == nil ? [] : [.symptomsAfter])
                    + session.entries.map { .entry(EntryKey($0)) }
            default: fields = []
            }
            steps.append(
                Step(
                    event: event, before: before, after: record.session,
                    deletedBefore: deletedBefore, deletedAfter: record.deleted?.value == true,
                    fields: fields))
        }
        self.steps = steps
    }
}

extension Session {
    /// What `field` holds in this session, as the change that would set it to that.
    public func value(of field: SessionField) -> SessionChange {
        switch field {
        case .start: .start(start)
        case .durationSeconds: .durationSeconds(durationSeconds)
        case .routine: .routine(routine)
        case .painBefore: .painBefore(painBefore)
        case .painAfter: .painAfter(painAfter)
        case .notes: .notes(notes)
        case .symptomsBefore: .symptomsBefore(symptomsBefore)
        case .symptomsAfter: .symptomsAfter(symptomsAfter)
        case .entry(let key): .entry(key, entries.first { EntryKey($0) == key })
        }
    }
}
