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
    /// The id's last 8 hex digits (random in every id limber makes), stable as the history
    /// grows: what `amend --revert` takes.
    public var shortID: String
    /// `session.logged`, `session.amended`, …
    public var type: String
    /// What the event did, as a person says it: `logged`, `amended`, `deleted`, `restored`,
    /// `resolved a conflict`, `undo of amended`, `redo of amended`.
    public var label: String
    /// For an undo (`undo`, `amend --revert`): the short id of the event it reverts.
    public var reverts: String?
    /// `true` when a later undo reverted this event (and was not itself undone).
    public var undone = false
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

    init(_ step: SessionHistory.Step, deviceName: String?, catalog: Catalog) {
        let event = step.event
        id = event.id
        shortID = Self.shortID(event.id)
        type = event.type.rawValue
        label = Self.label(of: event)
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

    /// The last 8 hex digits of an event id.
    static func shortID(_ id: String) -> String { String(id.filter { $0 != "-" }.suffix(8)) }

    /// What an event did, in words.
    static func label(of event: Event) -> String {
        switch event.body {
        case .sessionLogged: "logged"
        case .sessionAmended: "amended"
        case .sessionDeleted: "deleted"
        case .sessionRestored: "restored"
        case .conflictResolved: "resolved a conflict"
        default: event.type.rawValue
        }
    }
}
