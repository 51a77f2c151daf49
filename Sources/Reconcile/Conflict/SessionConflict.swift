import EventLog

/// Concurrent writes to one session that the fold settled by merge order, for a person to
/// review (DESIGN §5): the same field written with different values by events that did not see
/// each other, or a deletion that did not see an amendment.
public struct SessionConflict: Sendable, Hashable {
    /// One side: a write the others did not see.
    public struct Side: Sendable, Hashable {
        /// The event id.
        public var event: String
        /// The device that wrote it.
        public var device: String
        /// Its hybrid-clock time.
        public var hlc: HLC
        /// The value it wrote (`nil` for the deletion side or a cleared field).
        public var change: SessionChange?
        /// `true` for a deletion.
        public var deletes: Bool
        /// Every change the write made (for the amendment side of a deletion conflict).
        public var changes: [SessionChange] = []
    }

    /// The same on every device: derived from the session, the field and the sides' event ids.
    public var id: String
    /// The session.
    public var session: String
    /// `painAfter`, `entry:bird-dog:left`, … or `deleted`.
    public var field: String
    /// The sides, in merge order: the last one is what the journal shows until it is resolved.
    public var sides: [Side]

    init(session: String, field: String, sides: [Side]) {
        self.session = session
        self.field = field
        self.sides = sides
        let key =
            "limber-conflict-v1\n\(session)\n\(field)\n"
            + sides.map(\.event).sorted().joined(separator: "\n")
        id = String(Hex.chainHash(Array(key.utf8)).prefix(16))
    }
}

extension SessionRecord {
    /// The unresolved conflicts of this session (empty for almost every session).
    package var conflicts: [SessionConflict] {
        guard writes.count >= 2 else { return [] }
        let ancestors = Self.ancestors(of: writes)
        func isAncestor(_ candidate: String, of event: String) -> Bool {
            ancestors[event]?.contains(candidate) == true
        }
        func maximal(_ writers: [SessionWrite]) -> [SessionWrite] {
            writers.filter { write in
                !writers.contains { other in
                    other.id != write.id && isAncestor(write.id, of: other.id)
                }
            }
        }
        func side(_ write: SessionWrite, _ change: SessionChange?) -> SessionConflict.Side {
            SessionConflict.Side(
                event: write.id, device: write.stamp.device, hlc: write.stamp.hlc, change: change,
                deletes: write.deleted == true, changes: write.changes)
        }
        var found: [SessionConflict] = []
        var fields: Set<SessionField> = []
        for write in writes { for change in write.changes { fields.insert(change.field) } }
        for field in fields.sorted() {
            let writers = writes.filter { $0.changes.contains { $0.field == field } }
            let heads = maximal(writers).sorted { $0.stamp < $1.stamp }
            let values = heads.compactMap { write in write.changes.first { $0.field == field } }
            guard heads.count >= 2, Set(values).count >= 2 else { continue }
            found.append(
                SessionConflict(
                    session: id, field: field.description,
                    sides: zip(heads, values).map { side($0, $1) }))
        }
        let deletions = maximal(writes.filter { $0.deleted != nil })
        for deletion in deletions where deletion.deleted == true {
            let unseen = writes.filter { amendment in
                amendment.deleted == nil && !amendment.changes.isEmpty
                    && !isAncestor(amendment.id, of: deletion.id)
                    && !isAncestor(deletion.id, of: amendment.id)
                    && !deletions.contains { isAncestor(amendment.id, of: $0.id) }
            }
            guard !unseen.isEmpty else { continue }
            let sides = ([deletion] + unseen).sorted { $0.stamp < $1.stamp }
            found.append(
                SessionConflict(
                    session: id, field: "deleted", sides: sides.map { side($0, $0.changes.first) }))
        }
        // Independent of the order the writes arrived in.
        return found.sorted { ($0.field, $0.id) < ($1.field, $1.id) }
    }

    /// Every write's ancestors among the session's events (following `parents`).
    private static func ancestors(of writes: [SessionWrite]) -> [String: Set<String>] {
        let parents = Dictionary(
            writes.map { ($0.id, $0.parents) }, uniquingKeysWith: { first, _ in first })
        var result: [String: Set<String>] = [:]
        for write in writes {
            var seen: Set<String> = []
            var stack = write.parents
            while let next = stack.popLast() {
                guard seen.insert(next).inserted else { continue }
                stack.append(contentsOf: parents[next] ?? [])
            }
            result[write.id] = seen
        }
        return result
    }
}
