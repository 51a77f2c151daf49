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

    /// Reverts the session's latest change that is not undone yet, as a new event, so that the
    /// reversion syncs. Run again, it steps further back (an undo is not itself undone by
    /// `undo`; `amend --revert` of it does that). The first change of a session is its logging:
    /// undoing that deletes the session (`restore` brings it back).
    ///
    /// - Throws: ``LimberError`` when there is nothing left to undo.
    public func undo(_ prefix: String) throws -> WriteOutcome<Reversion> {
        try write { writer in
            let id = try resolveSessionID(prefix)
            let history = SessionHistory(session: id, events: try sessionEvents(id))
            let undone = Self.undone(history)
            // The latest change that changed something (a "keep both", or a resolution to the
            // value already shown, changed nothing), is no undo, and is not undone.
            guard
                let last = history.steps.indices.last(where: {
                    let step = history.steps[$0]
                    return !undone.contains(step.event.id) && Self.reverted(step.event) == nil
                        && (step.before != step.after || step.deletedBefore != step.deletedAfter)
                })
            else {
                throw LimberError(
                    .invalid(
                        "nothing left to undo in session \(id.prefix(8)): every change is undone",
                        hint: "`limber show \(id.prefix(8)) --history` lists them; `limber amend \(id.prefix(8)) --revert EVENT` redoes one"))
            }
            return try revert(history, step: last, writer: writer)
        }
    }

    /// Reverts one chosen event of the session (`amend ID --revert EVENT`): its fields go back
    /// to the values they had before it. Refused when a later event changed one of them again
    /// (revert that one first), so nothing newer is overwritten silently. Reverting an undo
    /// redoes what it undid.
    ///
    /// - Parameter event: The event's short id (`show --history` prints it), its full id, or
    ///   a unique prefix of it among the session's events.
    public func revert(_ prefix: String, event: String) throws -> WriteOutcome<Reversion> {
        try write { writer in
            let id = try resolveSessionID(prefix)
            let history = SessionHistory(session: id, events: try sessionEvents(id))
            let needle = event.lowercased()
            let matches = history.steps.indices.filter {
                let candidate = history.steps[$0].event.id
                return !needle.isEmpty
                    && (candidate.hasPrefix(needle) || HistoryItem.shortID(candidate).hasPrefix(needle))
            }
            guard let index = matches.first, matches.count == 1 else {
                throw LimberError(
                    .usage(
                        matches.isEmpty
                            ? "session \(id.prefix(8)) has no event \"\(event)\""
                            : "\"\(event)\" matches \(matches.count) events of session \(id.prefix(8))",
                        hint: "`limber show \(id.prefix(8)) --history` lists its events and their ids"))
            }
            let undone = Self.undone(history)
            if undone.contains(history.steps[index].event.id) {
                let by = history.steps.last { Self.reverted($0.event) == history.steps[index].event.id }
                throw LimberError(
                    .invalid(
                        "event \(HistoryItem.shortID(history.steps[index].event.id)) is undone already"
                            + (by.map { " (by \(HistoryItem.shortID($0.event.id)))" } ?? ""),
                        hint: by.map {
                            "`limber amend \(id.prefix(8)) --revert \(HistoryItem.shortID($0.event.id))` redoes it"
                        } ?? "`limber show \(id.prefix(8)) --history` lists the events"))
            }
            return try revert(history, step: index, writer: writer)
        }
    }

    /// The `conflict` value of a `conflict.resolved` that reverts an event: older readers apply
    /// its changes like any resolution, so every version folds an undo alike.
    static let revertPrefix = "revert:"

    /// The event a reversion reverts, or `nil` for any other event.
    static func reverted(_ event: Event) -> String? {
        guard case .conflictResolved(let resolution) = event.body,
            resolution.conflict.hasPrefix(revertPrefix)
        else { return nil }
        return String(resolution.conflict.dropFirst(revertPrefix.count))
    }

    /// The events of the history that stand undone: reverted by a reversion that is not
    /// itself undone.
    static func undone(_ history: SessionHistory) -> Set<String> {
        var undone: Set<String> = []
        // Latest first: a reversion's own state is known before the event it reverts.
        for step in history.steps.reversed() {
            guard !undone.contains(step.event.id), let target = reverted(step.event) else { continue }
            undone.insert(target)
        }
        return undone
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
        let what = "event \(item.shortID) (\(item.label))"
        var changes: [SessionChange] = []
        var changedLater: [String] = []
        var wantDeleted: Bool?
        if case .sessionLogged = step.event.body {
            // Reverting the logging: the session goes (as a deletion, which is undoable).
            wantDeleted = true
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
        if wantDeleted == nil, step.deletedBefore != step.deletedAfter {
            if deleted == step.deletedAfter {
                wantDeleted = step.deletedBefore
            } else {
                changedLater.append(step.deletedAfter ? "the deletion" : "the restoration")
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
        // One event: the values before, and the deletion state before, in one write.
        let reversion = ConflictResolution(
            conflict: Self.revertPrefix + step.event.id, patch: SessionPatch(changes),
            deleted: wantDeleted)
        let stored = try commit(
            [NewEvent(entity: id, parents: state.heads(of: id), body: .conflictResolved(reversion))],
            with: writer)
        let after = SessionHistory(
            session: id, events: history.steps.map(\.event) + stored.filter { $0.entity == id })
        let own = Set(stored.map(\.id))
        let done = items(after).filter { own.contains($0.id) }.flatMap(\.changes)
        let session = state.session(id: id) ?? current
        return outcome(Reversion(session: session, reverted: item, changes: done))
    }

    /// The history items of `history`, with short ids and device names.
    private func items(_ history: SessionHistory) -> [HistoryItem] {
        let undone = Self.undone(history)
        // An undo's label names what it undid; an undo of an undo is a redo of that.
        var labels: [String: String] = [:]
        for step in history.steps {
            if let target = Self.reverted(step.event), let inner = labels[target] {
                labels[step.event.id] =
                    inner.hasPrefix("undo of ") ? "redo of " + inner.dropFirst(8) : "undo of " + inner
            } else {
                labels[step.event.id] = HistoryItem.label(of: step.event)
            }
        }
        return history.steps.map { step in
            var item = HistoryItem(
                step, deviceName: deviceName(step.event.device), catalog: state.catalog)
            item.undone = undone.contains(step.event.id)
            if let target = Self.reverted(step.event) {
                item.reverts = HistoryItem.shortID(target)
                item.label = labels[step.event.id] ?? "undo"
            }
            return item
        }
    }

    /// A device's name as `devices` shows it. Names come from other devices' events: control
    /// characters are dropped and the length capped, so a name cannot break a line.
    func deviceName(_ device: String) -> String? {
        let mine = DeviceIdentity.current(for: layout, environment: options.environment)
        guard let name = state.name(ofDevice: device) ?? (device == mine?.device ? mine?.name : nil)
        else { return nil }
        let printable = String(
            String.UnicodeScalarView(
                name.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
                    .prefix(64)))
        return printable.isEmpty ? nil : printable
    }

    /// Every event about the session `id`, from the log (any order).
    func sessionEvents(_ id: String) throws -> [Event] {
        try LogReader.read(layout).events.filter { $0.entity == id }
    }
}
