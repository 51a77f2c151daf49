import EventLog
import Reconcile

/// One event in a session's history (`show --history`), with what it changed.
public struct HistoryItem: Sendable, Hashable, Encodable {
    /// One field an event wrote: its value just before and just after, as text.
    public struct Change: Sendable, Hashable, Encodable {
        /// `painAfter`, `notes`, `entry:bird-dog:left`, … as stored, or `deleted`.
        public var field: String
        /// The field as a person reads it: `pain after`, `Bird dog (left)`.
        public var label: String
        /// The value before (`(none)` when unset).
        public var before: String
        /// The value after.
        public var after: String
    }

    /// The event id.
    public var id: String
    /// The shortest prefix of the id (8 characters at least) that no other event of this
    /// session shares: what `amend --revert` takes.
    public var shortID: String
    /// `session.logged`, `session.amended`, …
    public var type: String
    /// The device that wrote it.
    public var device: String
    /// That device's name, when it has told one.
    public var deviceName: String?
    /// The event's sequence number in that device's log (gapless from 1).
    public var seq: UInt64
    /// The hybrid-clock time, as stored.
    public var hlc: String
    /// When it was written, on this machine's clock (from the clock's wall-time part).
    public var time: LocalTimestamp
    /// `true` when an import wrote it.
    public var byImport: Bool
    /// The fields it changed, old → new (for `session.logged`: what it recorded). Fields it
    /// wrote with the value they already had are left out.
    public var changes: [Change]
    /// The events it followed.
    public var parents: [String]

    init(_ step: SessionHistory.Step, shortID: String, deviceName: String?, catalog: Catalog) {
        let event = step.event
        id = event.id
        self.shortID = shortID
        type = event.type.rawValue
        device = event.device
        self.deviceName = deviceName
        seq = event.seq
        hlc = event.hlc.description
        time = LocalTime.of(event.hlc)
        parents = event.parents
        switch event.body {
        case .sessionAmended(let patch): byImport = patch.byImport
        default: byImport = false
        }
        var changes: [Change] = []
        for field in step.fields {
            let before = step.before.map { FieldText.value($0.value(of: field)) } ?? "(none)"
            let after = step.after.map { FieldText.value($0.value(of: field)) } ?? "(none)"
            guard before != after else { continue }
            changes.append(
                Change(
                    field: field.description, label: FieldText.name(field, catalog: catalog),
                    before: before, after: after))
        }
        if step.deletedBefore != step.deletedAfter {
            changes.append(
                Change(
                    field: "deleted", label: "deleted", before: step.deletedBefore ? "yes" : "no",
                    after: step.deletedAfter ? "yes" : "no"))
        }
        self.changes = changes
    }

    /// The shortest prefix of each id, at least 8 characters, unique among `ids`.
    static func shortIDs(_ ids: [String]) -> [String] {
        ids.map { id in
            var length = min(8, id.count)
            while length < id.count,
                ids.contains(where: { $0 != id && $0.hasPrefix(id.prefix(length)) })
            {
                length += 1
            }
            return String(id.prefix(length))
        }
    }
}
