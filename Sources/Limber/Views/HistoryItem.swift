import EventLog

/// One event in a session's history (`show --history`).
public struct HistoryItem: Sendable, Hashable, Encodable {
    /// The event id.
    public var id: String
    /// `session.logged`, `session.amended`, …
    public var type: String
    /// The device that wrote it and its seq there.
    public var device: String
    /// The event's sequence number in that device's log (gapless from 1).
    public var seq: UInt64
    /// The hybrid-clock time, as stored.
    public var hlc: String
    /// When it was written (UTC), from the clock's wall-time part.
    public var time: LocalTimestamp
    /// The fields an amendment changed (`painAfter`, `entry:bird-dog:left`, …); empty otherwise.
    public var fields: [String]
    /// The events it followed.
    public var parents: [String]

    init(_ event: Event) {
        id = event.id
        type = event.type.rawValue
        device = event.device
        seq = event.seq
        hlc = event.hlc.description
        time = LocalTimestamp(epochSeconds: event.hlc.millis / 1000, utcOffsetSeconds: 0)
        if case .sessionAmended(let patch) = event.body {
            fields = patch.changes.map(\.field.description)
        } else {
            fields = []
        }
        parents = event.parents
    }
}
