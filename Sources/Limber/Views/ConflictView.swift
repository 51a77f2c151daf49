import EventLog
import Reconcile

/// A conflict as `limber conflicts` shows it: the session, the field, and each side with its
/// device, time and value. The last side is what the journal shows until it is resolved.
public struct ConflictView: Sendable, Hashable, Encodable {
    /// One side of the conflict.
    public struct Side: Sendable, Hashable, Encodable {
        /// The device that wrote it.
        public var device: String
        /// `true` when it is this machine's device.
        public var mine: Bool
        /// When it was written (UTC, from its hybrid clock).
        public var time: LocalTimestamp
        /// The value it wrote, as text (`deleted` for a deletion).
        public var value: String
        /// The id of the event.
        public var event: String
    }

    /// The same on every device.
    public var id: String
    /// The session id.
    public var session: String
    /// `painAfter`, `notes`, `entry:bird-dog:left`, … or `deleted`.
    public var field: String
    /// In merge order; the last one currently wins.
    public var sides: [Side]

    init(_ conflict: SessionConflict, myDevice: String?) {
        id = conflict.id
        session = conflict.session
        field = conflict.field
        sides = conflict.sides.map { side in
            Side(
                device: side.device, mine: side.device == myDevice,
                time: LocalTimestamp(epochSeconds: side.hlc.millis / 1000, utcOffsetSeconds: 0),
                value: side.deletes ? "deleted" : Self.describe(side.change), event: side.event)
        }
    }

    /// A possible duplicate: field `duplicate`, one side per session.
    init(_ pair: DuplicatePair, myDevice: String?) {
        id = pair.id
        session = pair.sessions[0].id
        field = "duplicate"
        sides = zip(pair.sessions, pair.devices).map { session, device in
            let exercises = session.entries.map(\.exercise)
            var seen: [String] = []
            for exercise in exercises where !seen.contains(exercise) { seen.append(exercise) }
            return Side(
                device: device, mine: device == myDevice, time: session.start,
                value: "session \(session.id.prefix(8)): \(seen.joined(separator: ", "))",
                event: session.id)
        }
    }

    private static func describe(_ change: SessionChange?) -> String {
        switch change {
        case nil: "(none)"
        case .start(let value)?: value.rfc3339
        case .durationSeconds(let value)?:
            value.map { DurationText.format(seconds: $0) } ?? "(cleared)"
        case .routine(let value)?: value ?? "(cleared)"
        case .painBefore(let value)?, .painAfter(let value)?:
            value.map { "\($0.rawValue)" } ?? "(cleared)"
        case .notes(let value)?: value ?? "(cleared)"
        case .entry(_, let entry)?:
            entry.map { entry in
                entry.sets.map { set in
                    var text = set.reps.map(String.init) ?? ""
                    if let weight = set.weight { text += "x\(weight.value)\(weight.unit.rawValue)" }
                    if let hold = set.durationSeconds { text += "\(Int(hold))s" }
                    return text + (set.stoppedForPain ? "!" : "")
                }.joined(separator: ",")
            } ?? "(removed)"
        }
    }
}

extension Journal {
    /// The conflicts as a person reads them, then the possible duplicates (field `duplicate`).
    public func conflictViews() throws -> [ConflictView] {
        let me = DeviceIdentity.current(for: layout, environment: options.environment)?.device
        return try conflicts().map { ConflictView($0, myDevice: me) }
            + duplicates().map { ConflictView($0, myDevice: me) }
    }

    /// One conflict (or possible duplicate) as a person reads it.
    public func conflictView(_ prefix: String) throws -> ConflictView {
        let me = DeviceIdentity.current(for: layout, environment: options.environment)?.device
        switch try lookUpConflict(prefix) {
        case .field(let conflict): return ConflictView(conflict, myDevice: me)
        case .duplicate(let pair): return ConflictView(pair, myDevice: me)
        }
    }
}
