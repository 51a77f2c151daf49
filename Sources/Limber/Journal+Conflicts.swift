import EventLog
import Reconcile

extension Journal {
    /// Every unresolved conflict, by session then field. Only sessions with several writes are
    /// looked at (the snapshot knows how many events each session has).
    func conflicts() throws -> [SessionConflict] {
        try recovering {
            if let snapshot {
                for index in 0..<snapshot.sessionCount {
                    guard let entry = snapshot.chrono(index), entry.eventCount >= 3 else {
                        continue
                    }
                    try loadFromSnapshot(entry.id)
                }
            }
            return state.records.values.filter { $0.writes.count >= 2 }
                .flatMap(\.conflicts)
                .sorted { ($0.session, $0.field) < ($1.session, $1.field) }
        }
    }

    /// A conflict or a possible duplicate.
    enum Reviewable {
        case field(SessionConflict)
        case duplicate(DuplicatePair)
    }

    /// The conflict or possible duplicate named by `prefix` (an id or a unique prefix of one).
    func lookUpConflict(_ prefix: String) throws -> Reviewable {
        let needle = prefix.lowercased()
        let fields = try conflicts().filter { $0.id.hasPrefix(needle) }.map(Reviewable.field)
        let pairs = try duplicates().filter { $0.id.hasPrefix(needle) }.map(Reviewable.duplicate)
        let matches = fields + pairs
        guard let first = matches.first, !prefix.isEmpty else {
            throw LimberError(
                .invalid(
                    "no conflict id starts with \"\(prefix)\"",
                    hint: "`limber conflicts` lists them"))
        }
        guard matches.count == 1 else {
            throw LimberError(
                .invalid(
                    "\"\(prefix)\" matches \(matches.count) conflicts",
                    hint: "type more characters of the id"))
        }
        return first
    }

    /// Settles a conflict by taking one side: `mine` (this device's), `theirs` (the other
    /// device's, when there are two sides) or a device id (or prefix). Writes one
    /// `conflict.resolved` event following every head of the session, so the conflict is gone
    /// on every device after the next merge.
    public func resolveConflict(_ prefix: String, take: String) throws -> WriteOutcome<Session> {
        try write { writer in
            let conflict: SessionConflict
            switch try lookUpConflict(prefix) {
            case .field(let found): conflict = found
            case .duplicate(let pair):
                return outcome(try resolveDuplicate(pair, take: take, writer: writer))
            }
            let me = writer.device
            let chosen: SessionConflict.Side?
            switch take.lowercased() {
            case "mine": chosen = conflict.sides.last { $0.device == me }
            case "theirs":
                let others = conflict.sides.filter { $0.device != me }
                chosen = Set(others.map(\.device)).count == 1 ? others.last : nil
            default: chosen = conflict.sides.last { $0.device.hasPrefix(take.lowercased()) }
            }
            guard let chosen else {
                let devices = conflict.sides.map(\.device).joined(separator: ", ")
                throw LimberError(
                    .usage(
                        "--take \(take) names no single side of conflict \(conflict.id)",
                        hint: "use mine, theirs or one of the devices: \(devices)"))
            }
            var changes: [SessionChange] = []
            var deleted: Bool?
            if conflict.field == "deleted" {
                deleted = chosen.deletes
            } else if let change = chosen.change {
                changes.append(change)
            }
            let resolution = ConflictResolution(
                conflict: conflict.id, patch: SessionPatch(changes), deleted: deleted)
            try commitChange(
                of: conflict.session, body: .conflictResolved(resolution), with: writer)
            guard let session = state.session(id: conflict.session) else {
                throw LimberError(.sessionNotFound(conflict.session))
            }
            return outcome(session)
        }
    }
}
