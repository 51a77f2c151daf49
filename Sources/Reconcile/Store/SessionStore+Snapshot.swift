import EventLog
import JournalModel

extension SessionStore {
    /// Rewrites the snapshot when many events are on top of it (after an import), so that the
    /// next command opens warm instead of reading them all again; only a cache, so a failure
    /// changes nothing.
    package func refreshSnapshot() {
        guard !unlocatedWrites, eventsSinceSnapshot > Self.rebuildThreshold else { return }
        if let snapshot {
            rewriteSnapshot(snapshot)
            return
        }
        // Opened cold: the snapshot that open wrote, if nobody has replaced it since.
        guard let written = coldSnapshotWatermark,
            let base = Snapshot(path: snapshotPath, journal: journalID),
            base.meta.watermark == written, base.otherRefs != nil
        else { return }
        rewriteSnapshot(base)
    }

    /// Whether new sessions of a commit can go straight into the snapshot
    /// (``adoptStreamed(_:at:)``) instead of the state: there is a snapshot to add them to,
    /// and every event on top of it is located.
    package var takesStreamedSessions: Bool {
        guard !unlocatedWrites else { return false }
        return snapshot != nil || coldSnapshotWatermark != nil
    }

    /// Whether the store knows nothing of this session: neither the state nor the snapshot
    /// has an event of it.
    package func isUnknown(_ id: String) -> Bool {
        state.records.index(forKey: id) == nil && state.histories.index(forKey: id) == nil
            && snapshot?.entry(id: id) == nil
    }

    /// Writes the sessions of a commit just appended into the snapshot, with everything else on
    /// top of it, so that the next command opens warm and this one reads them from there.
    ///
    /// Cannot fail: the commit is in the log. When the snapshot cannot be written (a journal
    /// with ids too long for it), the log is folded again instead.
    ///
    /// - Parameter locations: Where each event of the commit is, in order.
    package func adoptStreamed(_ streamed: StreamedSessions, at locations: [EventLocation]) {
        let base: Snapshot?
        if let snapshot {
            base = snapshot
        } else if let written = coldSnapshotWatermark,
            let cold = Snapshot(path: snapshotPath, journal: journalID),
            cold.meta.watermark == written, cold.otherRefs != nil
        {
            base = cold
        } else {
            base = nil
        }
        if let base, rewriteSnapshot(base, adding: streamed, at: locations) { return }
        // The sessions are in the log, not in this store: read it all again.
        try? reopenCold()
    }

    /// Writes a new snapshot from the current one plus the events on top of it: the refs,
    /// folded forms and flags of untouched sessions are copied, touched ones get their new
    /// events' refs and are encoded from the state; no event is parsed again.
    ///
    /// - Parameters:
    ///   - streamed: Sessions of a commit that are in neither the old snapshot nor the state.
    ///   - streamedLocations: Where the events of that commit are.
    /// - Returns: Whether the new snapshot replaced the old one.
    @discardableResult
    func rewriteSnapshot(
        _ old: Snapshot, adding streamed: StreamedSessions = StreamedSessions(),
        at streamedLocations: [EventLocation] = []
    ) -> Bool {
        var locations: [EventLocation] = []
        var sessions: [SnapshotWriter.Session] = []
        var other: [Int] = []
        var eventIDs: [String] = old.eventIDs
        var onTop: [String: [EventLocation]] = [:]
        for item in eventsOnTop {
            eventIDs.append(item.id)
            if state.records.index(forKey: item.entity) != nil {
                onTop[item.entity, default: []].append(item.location)
            } else {
                other.append(locations.count)
                locations.append(item.location)
            }
        }
        func locate(_ refs: [Snapshot.Ref]) -> [Int] {
            refs.map { ref in
                locations.append(EventLocation(ref))
                return locations.count - 1
            }
        }
        guard let oldOther = old.otherRefs, let index = old.exerciseIndex() else { return false }
        var exercisesOf: [Int: [String]] = [:]
        for (exercise, positions) in index {
            for position in positions { exercisesOf[position, default: []].append(exercise) }
        }
        other += locate(oldOther)
        var seen: Set<String> = []
        // Records are found by position, never copied: a merge may touch every session.
        var touched: [Dictionary<String, SessionRecord>.Index] = []
        var touchedEvents: [String: [Int]] = [:]
        sessions.reserveCapacity(old.sessionCount + onTop.count)
        for position in 0..<old.sessionCount {
            guard let entry = old.chrono(position), let refs = old.refs(of: entry) else { return false }
            seen.insert(entry.id)
            var events = locate(refs)
            if let record = state.records.index(forKey: entry.id) {
                for location in onTop[entry.id] ?? [] {
                    events.append(locations.count)
                    locations.append(location)
                }
                touched.append(record)
                touchedEvents[entry.id] = events
            } else {
                sessions.append(
                    SnapshotWriter.Session(
                        id: entry.id, start: entry.start, visible: entry.visible,
                        deleted: entry.deleted, conflicted: entry.conflicted, events: events,
                        body: old.body(of: entry), foldOnly: entry.foldOnly,
                        exercises: exercisesOf[position] ?? []))
            }
        }
        for (id, added) in onTop where !seen.contains(id) {
            var events: [Int] = []
            for location in added {
                events.append(locations.count)
                locations.append(location)
            }
            if let record = state.records.index(forKey: id) {
                touched.append(record)
                touchedEvents[id] = events
            }
        }
        // Encoded on every core: after a merge or an import, most sessions may be new.
        sessions += Self.stored(state.records.values, at: touched) { touchedEvents[$0.id] ?? [] }
        let offset = locations.count
        locations += streamedLocations
        sessions.reserveCapacity(sessions.count + streamed.count)
        for var session in streamed.sessions {
            session.events = session.events.map { offset + $0 }
            sessions.append(session)
        }
        eventIDs += streamed.eventIDs
        let meta = Snapshot.Meta(
            journal: journalID, watermark: watermark, seals: SegmentSeals.read(layout, watermark),
            latest: max(old.meta.latest ?? .zero, state.latest, streamed.latest), files: [])
        guard
            let bytes = SnapshotWriter.build(
                meta: meta, locations: locations, sessions: sessions, other: other,
                eventIDs: eventIDs)
        else { return false }
        do {
            try FileSystem.makeDirectories(layout.cache)
            try FileSystem.writeAtomically(bytes, to: snapshotPath)
        } catch {
            return false  // Only a cache: the events stay on top of the old one.
        }
        guard let fresh = Snapshot(path: snapshotPath, journal: journalID) else { return false }
        snapshot = fresh
        eventsSinceSnapshot = 0
        eventsOnTop = []
        refReader = SnapshotRefReader(layout: layout)
        return true
    }

    /// Writes the snapshot of a cold open: every session of the state, folded.
    @discardableResult
    func writeSnapshot(_ contents: LogReader.Contents) -> Bool {
        var byEntity: [String: [Int]] = [:]
        byEntity.reserveCapacity(state.records.count)
        var other: [Int] = []
        // By position and key lookup: neither an event nor a record is copied to be looked at.
        for index in contents.events.indices {
            let entity = contents.events[index].entity
            if state.records.index(forKey: entity) != nil {
                byEntity[entity, default: []].append(index)
            } else {
                other.append(index)
            }
        }
        let records = state.records.values
        let sessions = Self.stored(records, at: Array(records.indices)) { byEntity[$0.id] ?? [] }
        let meta = Snapshot.Meta(
            journal: journalID, watermark: watermark, seals: SegmentSeals.read(layout, watermark),
            latest: state.latest, files: [])
        guard
            let bytes = SnapshotWriter.build(
                meta: meta, locations: contents.locations, sessions: sessions, other: other,
                eventIDs: contents.events.map(\.id))
        else { return false }
        do {
            try FileSystem.makeDirectories(layout.cache)
            try FileSystem.writeAtomically(bytes, to: snapshotPath)
            return true
        } catch {
            // Only a cache: the next open folds the log again.
            return false
        }
    }

    /// What the snapshot keeps of each record, built on every core: a cold open builds and
    /// encodes every session of the journal.
    ///
    /// The records are read in place through the dictionary's positions (`positions`, the ones
    /// to store): copying 100k of them into an array first retained and released every field
    /// of each.
    private static func stored<Records: Collection<SessionRecord> & Sendable>(
        _ records: Records, at positions: [Records.Index], events: (SessionRecord) -> [Int]
    ) -> [SnapshotWriter.Session] where Records.Index: Sendable {
        let slices = positions.count >= 4096 ? 8 : 1
        let size = (positions.count + slices - 1) / max(1, slices)
        let events = positions.map { events(records[$0]) }
        // The records are only read.
        let parts = Parallel.map(slices) { slice in
            let range = min(positions.count, slice * size)..<min(positions.count, (slice + 1) * size)
            return range.map { stored(records[positions[$0]], events: events[$0]) }
        }
        return parts.flatMap { $0 }
    }

    /// What the snapshot keeps of a folded session.
    static func stored(_ record: SessionRecord, events: [Int]) -> SnapshotWriter.Session {
        var body: [UInt8] = []
        let session = record.session
        let encodable = session.map(SessionCodec.isEncodable) ?? false
        if let session, encodable { SessionCodec.encode(session, into: &body) }
        return SnapshotWriter.Session(
            id: record.id, start: record.start?.value.epochSeconds ?? Int64.max,
            visible: record.isVisible, deleted: record.logged && record.deleted?.value == true,
            conflicted: record.writes.count >= 2 && !record.conflicts.isEmpty, events: events,
            body: body, foldOnly: session != nil && !encodable,
            exercises: session?.entries.map(\.exercise) ?? [])
    }
}
