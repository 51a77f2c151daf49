import EventLog
import Reconcile

/// Two sessions that look like one session logged on two devices: starts within
/// ``Journal/duplicateWindowSeconds`` of each other, the same exercises, different devices.
struct DuplicatePair {
    /// The same on every device: derived from the two session ids.
    var id: String
    /// The two sessions, by id (the same order on every device).
    var sessions: [Session]
    /// The device that logged each.
    var devices: [String]
}

extension Journal {
    /// How close two starts must be for a possible duplicate: 90 minutes. The same day is
    /// not enough, since a routine done morning and evening is two sessions.
    static let duplicateWindowSeconds: Int64 = 90 * 60

    /// Possible duplicates not yet settled ("keep both") or folded (one deleted).
    func duplicates() throws -> [DuplicatePair] {
        try recovering {
            var candidates: Set<String> = []
            if let snapshot {
                // Sessions close in time are neighbours in the chronological index; a session
                // read from the log since the snapshot pairs with those near its start.
                let loaded = state.records.values.compactMap { $0.start?.value.epochSeconds }
                    .sorted()
                func nearLoaded(_ start: Int64) -> Bool {
                    var low = 0
                    var high = loaded.count
                    while low < high {
                        let middle = (low + high) / 2
                        if loaded[middle] < start - Self.duplicateWindowSeconds {
                            low = middle + 1
                        } else {
                            high = middle
                        }
                    }
                    return low < loaded.count && loaded[low] <= start + Self.duplicateWindowSeconds
                }
                var previous: Snapshot.ChronoEntry?
                for index in 0..<snapshot.sessionCount {
                    guard let entry = snapshot.chrono(index), entry.visible else { continue }
                    if let before = previous,
                        entry.start - before.start <= Self.duplicateWindowSeconds
                    {
                        candidates.insert(before.id)
                        candidates.insert(entry.id)
                    }
                    if nearLoaded(entry.start) { candidates.insert(entry.id) }
                    previous = entry
                }
            }
            for id in candidates { try loadFromSnapshot(id) }
            var groups: [String: [(Session, String)]] = [:]
            for record in state.records.values where record.isVisible {
                guard let session = record.session, let device = record.loggedBy else { continue }
                let exercises = Set(session.entries.map(\.exercise)).sorted().joined(separator: ",")
                groups[exercises, default: []].append((session, device))
            }
            // Candidates closest in time first; each session pairs at most once, so four
            // sessions of two devices give two pairs, not four.
            var nearby: [(gap: Int64, pair: DuplicatePair)] = []
            for group in groups.values where group.count >= 2 {
                let sorted = group.sorted { $0.0.id < $1.0.id }
                for i in sorted.indices {
                    for j in sorted.indices
                    where j > i && sorted[i].1 != sorted[j].1
                        && abs(sorted[i].0.start.epochSeconds - sorted[j].0.start.epochSeconds)
                            <= Self.duplicateWindowSeconds
                        && !knew(sorted[i].0.id, whenLogging: sorted[j].0.id)
                        && !knew(sorted[j].0.id, whenLogging: sorted[i].0.id)
                    {
                        let ids = [sorted[i].0.id, sorted[j].0.id]
                        let id = String(
                            Hex.chainHash(
                                Array("limber-duplicate-v1\n\(ids.joined(separator: "\n"))".utf8)
                            ).prefix(16))
                        let settled = ids.contains {
                            state.records[$0]?.settled.contains(id) == true
                        }
                        guard !settled else { continue }
                        nearby.append(
                            (
                                abs(sorted[i].0.start.epochSeconds - sorted[j].0.start.epochSeconds),
                                DuplicatePair(
                                    id: id, sessions: [sorted[i].0, sorted[j].0],
                                    devices: [sorted[i].1, sorted[j].1])
                            ))
                    }
                }
            }
            var paired: Set<String> = []
            var pairs: [DuplicatePair] = []
            for candidate in nearby.sorted(by: { ($0.gap, $0.pair.id) < ($1.gap, $1.pair.id) })
            where !candidate.pair.sessions.contains(where: { paired.contains($0.id) }) {
                pairs.append(candidate.pair)
                for session in candidate.pair.sessions { paired.insert(session.id) }
            }
            return pairs.sorted { $0.id < $1.id }
        }
    }

    /// `true` when the device that logged `later` had written about `earlier` before it did:
    /// it knew that session, so its own is a second session, not the same one twice.
    private func knew(_ earlier: String, whenLogging later: String) -> Bool {
        guard let logged = state.records[later]?.loggedStamp, let other = state.records[earlier]
        else { return false }
        if let created = other.loggedStamp, created.device == logged.device { return true }
        return other.writes.contains { $0.stamp.device == logged.device && $0.stamp.seq < logged.seq }
    }

    /// Settles a possible duplicate: `both` keeps both (remembered, synced); a side (`mine`,
    /// `theirs`, a device) keeps that device's session and deletes the other.
    func resolveDuplicate(_ pair: DuplicatePair, take: String, writer: LogWriter) throws
        -> ConflictOutcome
    {
        if take.lowercased() == "both" {
            let resolution = ConflictResolution(
                conflict: pair.id, patch: SessionPatch([]), deleted: nil)
            try commitChange(
                of: pair.sessions[0].id, body: .conflictResolved(resolution), with: writer)
            return ConflictOutcome(
                session: pair.sessions[0], field: "possible duplicate",
                kept: "both sessions (\(pair.sessions.map { $0.id.prefix(8) }.joined(separator: " and ")))",
                device: "", deviceName: nil)
        }
        let me = writer.device
        let keep: Int?
        switch take.lowercased() {
        case _ where Int(take).map({ pair.sessions.indices.contains($0 - 1) }) == true:
            keep = Int(take).map { $0 - 1 }
        case "mine": keep = pair.devices.firstIndex(of: me)
        case "theirs":
            keep = pair.devices.firstIndex { $0 != me }.flatMap {
                pair.devices.contains(me) ? $0 : nil
            }
        default:
            let named = Journal.devices(named: take, among: pair.devices) { deviceName($0) }
            keep = named.count == 1 ? pair.devices.firstIndex(of: named[0]) : nil
        }
        guard let keep else {
            throw LimberError(
                .usage(
                    "--take \(take) names neither session of duplicate \(pair.id)",
                    hint:
                        "use both, mine, theirs or a device: \(pair.devices.map { device in deviceName(device).map { "\($0) (\(device.prefix(8)))" } ?? device }.joined(separator: ", "))"
                ))
        }
        let other = pair.sessions[1 - keep]
        try commitChange(of: other.id, body: .sessionDeleted, with: writer)
        return ConflictOutcome(
            session: pair.sessions[keep], field: "possible duplicate",
            kept:
                "session \(pair.sessions[keep].id.prefix(8)), and deleted session \(other.id.prefix(8)) (`limber restore \(other.id.prefix(8))` brings it back)",
            device: pair.devices[keep], deviceName: deviceName(pair.devices[keep]))
    }
}
