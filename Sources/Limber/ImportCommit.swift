import EventLog
import Reconcile

/// The commit of one import, written while the file is read: every event goes to a
/// ``BatchAppend``; a new session the store has never seen goes into the snapshot's form
/// (``StreamedSessions``) rather than the state, and anything else (an amendment, the catalog,
/// the device's name) is folded into the state as usual. Once the batch is in the log, the
/// snapshot is rewritten with all of it, so the next command opens warm.
final class ImportCommit {
    private let journal: Journal
    private let writer: LogWriter
    private let batch: BatchAppend
    /// Whether new sessions skip the state (the store has a snapshot to write them into).
    private let streams: Bool
    private var streamed = StreamedSessions()
    /// Events folded into the state, with their positions in the batch.
    private var folded: [(event: Event, position: Int)] = []

    /// Starts the commit after the writer's chain head.
    init(journal: Journal, writer: LogWriter) {
        self.journal = journal
        self.writer = writer
        batch = BatchAppend(writer: writer)
        streams = journal.store.takesStreamedSessions
    }

    /// Adds one event (the commit's opening events go before the first).
    ///
    /// - Parameter logsNewSession: The event is the `session.logged` of a session the journal
    ///   does not have.
    func add(_ event: NewEvent, logsNewSession: Bool) throws {
        if batch.count == 0 {
            for opening in journal.openingEvents(for: writer) { try append(opening, logsNewSession: false) }
        }
        try append(event, logsNewSession: logsNewSession)
    }

    private func append(_ new: NewEvent, logsNewSession: Bool) throws {
        let position = batch.count
        let event = try batch.add(new)
        if logsNewSession, streams, journal.store.isUnknown(event.entity) {
            streamed.add(event, at: position)
        } else {
            journal.store.applyPending([event])
            folded.append((event, position))
        }
    }

    /// Makes the commit durable (when it has anything) and brings the store up to it.
    func finish() throws {
        guard batch.count > 0 else { return }
        let firstSeq = writer.headSeq + 1
        let locations = try batch.finish()
        journal.noteAppended(by: writer, firstSeq: firstSeq)
        let located = locations.count == batch.count
        journal.store.noteOnTopOfSnapshot(
            folded.map(\.event), at: located ? folded.map { locations[$0.position] } : nil)
        if streamed.count > 0, located {
            journal.store.adoptStreamed(streamed, at: locations)
        } else if streamed.count > 0 {
            // Sessions in the log that the store cannot point at: read it all again.
            try? journal.reopenCold()
        } else {
            // The next command then opens warm instead of reading the import again.
            journal.refreshSnapshot()
        }
    }

    /// Undoes what the state took of a commit that did not reach the log.
    func abandon() {
        if !folded.isEmpty { try? journal.reopenCold() }
    }
}
