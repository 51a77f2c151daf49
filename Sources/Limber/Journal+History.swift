import EventLog
import Reconcile

/// What `undo` or `amend --revert` did.
public struct Reversion: Sendable {
    /// The session as it now stands.
    public var session: Session
    /// The event that was reverted.
    public var reverted: HistoryItem
    /// What the reversion changed, old → new.
    public var changes: [HistoryItem.Change]
}

extension Journal {
    /// Every event about one session, in merge order, each with what it changed.
    public func history(of prefix: String) throws -> [HistoryItem] {
        let id = try resolveSessionID(prefix)
        return items(SessionHistory(session: id, events: try sessionEvents(id)))
    }

    /// Reverts the session's latest change (in merge order) as a new event, so the reversion
    /// syncs and is itself undoable. The latest change of a session only logged is its
    /// logging: undoing it deletes the session (`restore` or `undo` bring it back).
    ///
    /// - Throws: ``LimberError`` when there is nothing to revert.
    public func undo(_ prefix: String) throws -> WriteOutcome<Reversion> {
        try write { writer in
            let id = try resolveSessionID(prefix)
            let history = SessionHistory(session: id, events: try sessionEvents(id))
            guard let last = history.steps.indices.last else {
                throw LimberError(.sessionNotFound(prefix))
            }
            return try revert(history, step: last, writer: writer)
        }
    }

    /// Reverts one chosen event of the session (`amend ID --revert EVENT`): its fields go back
    /// to the values they had before it. Refused when a later event changed one of them again
    /// (revert that one first), so nothing newer is overwritten silently.
    ///
    /// - Parameter event: The event id or a unique prefix of it among the session's events
    ///   (`show --history` prints them).
    public func revert(_ prefix: String, event: String) throws -> WriteOutcome<Reversion> {
        try write { writer in
            let id = try resolveSessionID(prefix)
            let history = SessionHistory(session: id, events: try sessionEvents(id))
            let needle = event.lowercased()
            let matches = history.steps.indices.filter {
                !needle.isEmpty && history.steps[$0].event.id.hasPrefix(needle)
            }
            guard let index = matches.first, matches.count == 1 else {
                throw LimberError(
                    .usage(
                        matches.isEmpty
                            ? "session \(id.prefix(8)) has no event \"\(event)\""
                            : "\"\(event)\" matches \(matches.count) events of session \(id.prefix(8))",
                        hint: "`limber show \(id.prefix(8)) --history` lists its events and their ids"))
            }
            return try revert(history, step: index, writer: writer)
        }
    }

    private func revert(_ history: SessionHistory, step index: Int, writer: LogWriter) throws
        -> WriteOutcome<Reversion>
    {
        let step = history.steps[index]
        let id = step.event.entity
        try loadFromSnapshot(id)
        guard let current = state.session(id: id) else { throw LimberError(.sessionNotFound(id)) }
        let deleted = state.isDeleted(id)
        let item = items(history)[index]
        let what = "\(item.type) \(item.shortID)"
        var changes: [SessionChange] = []
        var changedLater: [String] = []
        if case .sessionLogged = step.event.body {
            // Reverting the logging: the session goes (as a deletion, which is undoable).
        } else if let after = step.after {
            for field in step.fields {
                let before = step.before?.value(of: field)
                let wrote = after.value(of: field)
                guard before != wrote else { continue }
                if current.value(of: field) != wrote {
                    changedLater.append(FieldText.name(field, catalog: state.catalog))
                } else if let before {
                    changes.append(before)
                }
            }
        }
        var wantDeleted: Bool?
        if case .sessionLogged = step.event.body {
            wantDeleted = true
        } else if step.deletedBefore != step.deletedAfter {
            if deleted == step.deletedAfter {
                wantDeleted = step.deletedBefore
            } else {
                changedLater.append("deleted")
            }
        }
        guard changedLater.isEmpty else {
            throw LimberError(
                .invalid(
                    "cannot revert \(what): \(changedLater.joined(separator: ", ")) changed again after it",
                    hint:
                        "revert the later change first, or set the value with `limber amend \(id.prefix(8))`; `limber show \(id.prefix(8)) --history` lists them"
                ))
        }
        if wantDeleted == deleted { wantDeleted = nil }
        guard !changes.isEmpty || wantDeleted != nil else {
            throw LimberError(
                .invalid(
                    "nothing to revert: \(what) left session \(id.prefix(8)) as it already is",
                    hint: "`limber show \(id.prefix(8)) --history` lists its events"))
        }
        if !changes.isEmpty, deleted, wantDeleted != false {
            throw LimberError(.sessionDeleted(id))
        }
        var events: [NewEvent] = []
        var parents = state.heads(of: id)
        if let wantDeleted, !wantDeleted {
            // Restore first, so the fields change on a visible session.
            let restore = EventID.makeV7()
            events.append(NewEvent(id: restore, entity: id, parents: parents, body: .sessionRestored))
            parents = [restore]
        }
        if !changes.isEmpty {
            let amendment = EventID.makeV7()
            events.append(
                NewEvent(
                    id: amendment, entity: id, parents: parents,
                    body: .sessionAmended(SessionPatch(changes))))
            parents = [amendment]
        }
        if wantDeleted == true {
            events.append(NewEvent(entity: id, parents: parents, body: .sessionDeleted))
        }
        let stored = try commit(events, with: writer)
        let after = SessionHistory(session: id, events: try sessionEvents(id))
        let own = Set(stored.map(\.id))
        let done = items(after).filter { own.contains($0.id) }.flatMap(\.changes)
        let session = state.session(id: id) ?? current
        return outcome(Reversion(session: session, reverted: item, changes: done))
    }

    /// The history items of `history`, with short ids and device names.
    private func items(_ history: SessionHistory) -> [HistoryItem] {
        let short = HistoryItem.shortIDs(history.steps.map(\.event.id))
        return zip(history.steps, short).map { step, shortID in
            HistoryItem(
                step, shortID: shortID, deviceName: deviceName(step.event.device),
                catalog: state.catalog)
        }
    }

    /// A device's name as `devices` shows it.
    func deviceName(_ device: String) -> String? {
        if let name = state.name(ofDevice: device) { return name }
        let mine = DeviceIdentity.current(for: layout, environment: options.environment)
        return device == mine?.device ? mine?.name : nil
    }

    /// Every event about the session `id`, from the log (any order).
    func sessionEvents(_ id: String) throws -> [Event] {
        try LogReader.read(layout).events.filter { $0.entity == id }
    }
}
