import EventLog
import Reconcile

/// A conflict as `limber conflicts` shows it: the session, the field, and each side with its
/// device, time and value, and which side the journal shows until it is resolved.
public struct ConflictView: Sendable, Hashable, Encodable {
    /// One side of the conflict.
    public struct Side: Sendable, Hashable, Encodable {
        /// The device that wrote it.
        public var device: String
        /// The device's name, when it has told one.
        public var deviceName: String?
        /// `true` when it is this machine's device.
        public var mine: Bool
        /// When it was written, on this machine's clock (from its hybrid clock); for a possible
        /// duplicate, the session's start.
        public var time: LocalTimestamp
        /// The value it wrote, as text (`deleted` for a deletion).
        public var value: String
        /// The id of the event (for a possible duplicate: the session).
        public var event: String
        /// `true` when this side's value is what `list` and `show` show now.
        public var shown: Bool
    }

    /// The same on every device.
    public var id: String
    /// The session id.
    public var session: String
    /// `painAfter`, `notes`, `entry:bird-dog:left`, … or `deleted`, or `duplicate`.
    public var field: String
    /// The field as a person reads it: `pain after`, `Bird dog (left)`.
    public var label: String
    /// In merge order.
    public var sides: [Side]

    /// A field conflict, its sides marked against what the journal shows now: `current` is
    /// the session as folded, `deleted` whether it is deleted.
    init(
        _ conflict: SessionConflict, current: Session?, deleted: Bool, myDevice: String?,
        names: (String) -> String?, catalog: Catalog
    ) {
        id = conflict.id
        session = conflict.session
        field = conflict.field
        let sessionField = SessionField(key: conflict.field)
        label = sessionField.map { FieldText.name($0, catalog: catalog) } ?? conflict.field
        sides = conflict.sides.map { side in
            let shown: Bool
            if conflict.field == "deleted" {
                shown = side.deletes == deleted
            } else if let sessionField, let current {
                shown = side.change == current.value(of: sessionField)
            } else {
                shown = false
            }
            let value: String
            if side.deletes {
                value = "deleted"
            } else if conflict.field == "deleted" {
                // The amendment side: everything it changed.
                value = side.changes.map {
                    FieldText.name($0.field, catalog: catalog) + " " + FieldText.value($0)
                }.joined(separator: ", ")
            } else {
                value = FieldText.value(side.change)
            }
            return Side(
                device: side.device, deviceName: names(side.device), mine: side.device == myDevice,
                time: LocalTime.of(side.hlc), value: value, event: side.event, shown: shown)
        }
    }

    /// A possible duplicate: field `duplicate`, one side per session, both shown.
    init(_ pair: DuplicatePair, myDevice: String?, names: (String) -> String?, catalog: Catalog) {
        id = pair.id
        session = pair.sessions[0].id
        field = "duplicate"
        label = "possible duplicate"
        sides = zip(pair.sessions, pair.devices).map { session, device in
            var seen: [String] = []
            for entry in session.entries where !seen.contains(entry.exercise) {
                seen.append(entry.exercise)
            }
            let exercises = seen.map { catalog.exercise(id: $0)?.name ?? $0 }
            return Side(
                device: device, deviceName: names(device), mine: device == myDevice,
                time: session.start,
                value: "session \(session.id.prefix(8)): \(exercises.joined(separator: ", "))",
                event: session.id, shown: true)
        }
    }
}

extension Journal {
    /// The conflicts as a person reads them, then the possible duplicates (field `duplicate`).
    public func conflictViews() throws -> [ConflictView] {
        try conflicts().map(view) + duplicates().map(view)
    }

    private func view(_ conflict: SessionConflict) -> ConflictView {
        let me = DeviceIdentity.current(for: layout, environment: options.environment)?.device
        return ConflictView(
            conflict, current: state.session(id: conflict.session),
            deleted: state.isDeleted(conflict.session), myDevice: me, names: deviceName,
            catalog: state.catalog)
    }

    private func view(_ pair: DuplicatePair) -> ConflictView {
        let me = DeviceIdentity.current(for: layout, environment: options.environment)?.device
        return ConflictView(pair, myDevice: me, names: deviceName, catalog: state.catalog)
    }

    /// One conflict (or possible duplicate) as a person reads it.
    public func conflictView(_ prefix: String) throws -> ConflictView {
        switch try lookUpConflict(prefix) {
        case .field(let conflict): return view(conflict)
        case .duplicate(let pair): return view(pair)
        }
    }
}
