import EventLog
import Reconcile

extension Journal {
    /// Every unresolved conflict, by session then field. Only sessions the store's index
    /// names as conflicted (and those read since its snapshot) are folded.
    func conflicts() throws -> [SessionConflict] {
        try recovering { try store.conflicts() }
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
                    "no open conflict id starts with \"\(prefix)\"",
                    hint: "`limber conflicts` lists the open ones; a resolved conflict is gone"))
        }
        guard matches.count == 1 else {
            throw LimberError(
                .invalid(
                    "\"\(prefix)\" matches \(matches.count) conflicts",
                    hint: "type more characters of the id"))
        }
        return first
    }

    /// Settles a conflict by taking one side: its number (as `conflicts` lists them), `mine`
    /// (this device's), `theirs` (the other device's, when there are two devices), a device id
    /// (or prefix) or a device's name.
    /// Writes one `conflict.resolved` event following every head of the session, so the
    /// conflict is gone on every device after the next merge.
    ///
    /// - Returns: The session as it now stands, and what was kept.
    public func resolveConflict(_ prefix: String, take: String) throws -> WriteOutcome<
        ConflictOutcome
    > {
        try write { writer in
            let conflict: SessionConflict
            switch try lookUpConflict(prefix) {
            case .field(let found): conflict = found
            case .duplicate(let pair):
                return outcome(try resolveDuplicate(pair, take: take, writer: writer))
            }
            let me = writer.device
            let chosen: SessionConflict.Side?
            if take.lowercased() == "both" {
                throw LimberError(
                    .usage(
                        "--take both is for a possible duplicate; conflict \(conflict.id) has one value to keep",
                        hint: "use a side's number, mine, theirs or a device"))
            }
            switch take.lowercased() {
            case _ where Int(take).map({ conflict.sides.indices.contains($0 - 1) }) == true:
                chosen = Int(take).map { conflict.sides[$0 - 1] }
            case "mine": chosen = conflict.sides.last { $0.device == me }
            case "theirs":
                let others = conflict.sides.filter { $0.device != me }
                chosen = Set(others.map(\.device)).count == 1 ? others.last : nil
            default:
                let devices = Self.devices(named: take, among: conflict.sides.map(\.device)) {
                    deviceName($0)
                }
                chosen = devices.count == 1 ? conflict.sides.last { $0.device == devices[0] } : nil
            }
            guard let chosen else {
                var devices: [String] = []
                for (index, side) in conflict.sides.enumerated() {
                    let name = deviceName(side.device).map { "\($0) (\(side.device.prefix(8)))" } ?? side.device
                    devices.append("\(index + 1) = \(name)")
                }
                throw LimberError(
                    .usage(
                        "--take \(take) names no single side of conflict \(conflict.id)",
                        hint: "use a side's number, mine, theirs or a device: \(devices.joined(separator: ", "))"))
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
            let field = SessionField(key: conflict.field)
            let kept =
                conflict.field == "deleted"
                ? (chosen.deletes ? "the deletion" : "the session (not deleted)")
                : FieldText.value(chosen.change)
            return outcome(
                ConflictOutcome(
                    session: session,
                    field: field.map { FieldText.name($0, catalog: state.catalog) } ?? conflict.field,
                    kept: kept, device: chosen.device, deviceName: deviceName(chosen.device)))
        }
    }

    /// The devices among `devices` that `text` names: by id prefix, else by name (any case).
    static func devices(named text: String, among devices: [String], name: (String) -> String?)
        -> [String]
    {
        let unique = Array(Set(devices)).sorted()
        let needle = text.lowercased()
        guard !needle.isEmpty else { return [] }
        let byID = unique.filter { $0.hasPrefix(needle) }
        if !byID.isEmpty { return byID }
        return unique.filter { name($0)?.lowercased() == needle }
    }
}

/// What resolving a conflict kept.
public struct ConflictOutcome: Sendable {
    /// The session as it now stands.
    public var session: Session
    /// The field settled, as a person reads it (`pain after`, `deleted`, `possible duplicate`).
    public var field: String
    /// The value kept, as text.
    public var kept: String
    /// The device whose side was taken (empty for "keep both").
    public var device: String
    /// That device's name, when it has told one.
    public var deviceName: String?
}
