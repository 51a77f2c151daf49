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

/// A session that may pair with another: its id, start and logging device.
private struct Candidate {
    var id: String
    var start: Int64
    var device: String
}

extension Journal {
    /// How close two starts must be for a possible duplicate: 90 minutes. The same day is
    /// not enough, since a routine done morning and evening is two sessions.
    static let duplicateWindowSeconds: Int64 = 90 * 60

    /// Possible duplicates not yet settled ("keep both") or folded (one deleted).
    ///
    /// - Parameter focus: Only pairs with one of these sessions (what a merge touched): then
    ///   only sessions near their starts are read, not every close pair of the journal.
    func duplicates(around focus: Set<String>? = nil) throws -> [DuplicatePair] {
        try recovering {
            var candidates: Set<String> = []
            if let focus {
                for id in focus { try loadFromSnapshot(id) }
                candidates = focus
            }
            // Sessions close in time are neighbours in the chronological index; a session read
            // from the log since the snapshot pairs with those near its start.
            let near = focus.map { ids in ids.compactMap { state.records[$0]?.start?.value.epochSeconds } }
                ?? state.records.values.compactMap { $0.start?.value.epochSeconds }
            candidates.formUnion(
                try store.snapshotCandidates(
                    near: near, within: Self.duplicateWindowSeconds, neighbours: focus == nil))
            for id in candidates { try loadFromSnapshot(id) }
            if let focus {
                // Sessions folded from the log rather than the snapshot, near a focused one:
                // those the log added since the snapshot, or every one without a snapshot.
                let starts = focus.compactMap { state.records[$0]?.start?.value.epochSeconds }.sorted()
                let folded = snapshot == nil ? Array(state.records.keys) : store.entitiesOnTop
                for id in Set(folded) where !candidates.contains(id) {
                    guard let start = state.records[id]?.start?.value.epochSeconds else { continue }
                    if Self.near(starts, start) { candidates.insert(id) }
                }
            }
            // Grouped by the set of exercises, from the records (no session is built for
            // one that pairs with nothing).
            var groups: [String: [Candidate]] = [:]
            let ids = focus == nil ? Array(state.records.keys) : Array(candidates)
            for id in ids {
                guard let record = state.records[id], record.isVisible,
                    let start = record.start?.value.epochSeconds, let device = record.loggedBy
                else { continue }
                var exercises: Set<String> = []
                for (key, entry) in record.entries where entry.value != nil {
                    exercises.insert(key.exercise)
                }
                groups[exercises.sorted().joined(separator: ","), default: []].append(
                    Candidate(id: id, start: start, device: device))
            }
            // Candidates closest in time first; each session pairs at most once, so four
            // sessions of two devices give two pairs, not four.
            var nearby: [(gap: Int64, id: String, pair: [Candidate])] = []
            for group in groups.values where group.count >= 2 {
                // By start: each session meets only those within the window after it.
                let byStart = group.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
                for i in byStart.indices {
                    var j = i + 1
                    while j < byStart.count,
                        byStart[j].start - byStart[i].start <= Self.duplicateWindowSeconds
                    {
                        defer { j += 1 }
                        guard byStart[i].device != byStart[j].device,
                            !knew(byStart[i].id, whenLogging: byStart[j].id),
                            !knew(byStart[j].id, whenLogging: byStart[i].id)
                        else { continue }
                        // The pair in id order, so its id is the same on every device.
                        let pair = [byStart[i], byStart[j]].sorted { $0.id < $1.id }
                        let ids = pair.map(\.id)
                        let id = String(
                            Hex.chainHash(
                                Array("limber-duplicate-v1\n\(ids.joined(separator: "\n"))".utf8)
                            ).prefix(16))
                        let settled = ids.contains {
                            state.records[$0]?.settled.contains(id) == true
                        }
                        guard !settled else { continue }
                        nearby.append((byStart[j].start - byStart[i].start, id, pair))
                    }
                }
            }
            if let focus {
                nearby.removeAll { !$0.pair.contains { focus.contains($0.id) } }
            }
            var paired: Set<String> = []
            var pairs: [DuplicatePair] = []
            for candidate in nearby.sorted(by: { ($0.gap, $0.id) < ($1.gap, $1.id) })
            where !candidate.pair.contains(where: { paired.contains($0.id) }) {
                let sessions = candidate.pair.compactMap { state.session(id: $0.id) }
                guard sessions.count == 2 else { continue }
                pairs.append(
                    DuplicatePair(id: candidate.id, sessions: sessions, devices: candidate.pair.map(\.device)))
                for session in candidate.pair { paired.insert(session.id) }
            }
            return pairs.sorted { $0.id < $1.id }
        }
    }

    /// `true` when some start of `sorted` lies within the duplicate window of `start`.
    private static func near(_ sorted: [Int64], _ start: Int64) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < start - duplicateWindowSeconds {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < sorted.count && sorted[low] <= start + duplicateWindowSeconds
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
