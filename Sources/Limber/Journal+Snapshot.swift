import EventLog
import Reconcile

/// The snapshot does not match the log any more (a segment was replaced): fold the log again.
struct SnapshotStale: Error {}

extension Journal {
    var snapshotPath: String { layout.cache + "/snapshot" }

    /// Maps the snapshot and catches up with the log; `false` when the snapshot is unusable.
    func openWarm() throws -> Bool {
        // Nothing under local/ is followed: a linked cache folder is not read.
        guard FileSystem.kind(of: layout.local) == .directory,
            FileSystem.kind(of: layout.cache) == .directory,
            let snapshot = Snapshot(path: snapshotPath, journal: journalID),
            let others = snapshot.otherRefs
        else { return false }
        self.snapshot = snapshot
        do {
            for line in try lines(at: others) { state.apply(try EventDecoding.decode(line)) }
            let contents = try LogReader.read(layout, since: snapshot.meta.watermark)
            guard contents.continuous else { throw SnapshotStale() }
            report(contents.problems)
            try apply(contents)
        } catch is SnapshotStale {
            forgetSnapshot()
            return false
        } catch let error as JournalError {
            throw error
        } catch {
            forgetSnapshot()
            return false
        }
        if eventsSinceSnapshot > Self.snapshotRebuildThreshold {
            rewriteSnapshot(snapshot)
        }
        return true
    }

    /// Whether the journal holds an event with this id (read or in the snapshot).
    func hasEvent(_ id: String) -> Bool {
        state.applied.contains(id) || snapshot?.containsEvent(id) == true
    }

    /// Folds the whole log and writes a snapshot of it (best effort: it is only a cache).
    ///
    /// This machine's device is read first: an event of another device that reuses one of its
    /// ids is the later arrival, and left out (DESIGN §4).
    func openCold() throws {
        let own = DeviceIdentity.current(for: layout, environment: options.environment)?.device
        let contents = try LogReader.read(layout, ownDeviceFirst: own)
        report(contents.problems)
        state = JournalState(folding: contents.events)
        watermark = contents.watermark
        snapshot = nil
        eventsSinceSnapshot = 0
        coldSnapshotWatermark = writeSnapshot(contents) ? contents.watermark : nil
    }

    /// Drops the snapshot and folds the whole log.
    func reopenCold() throws {
        forgetSnapshot()
        try openCold()
    }

    private func forgetSnapshot() {
        snapshot = nil
        state = JournalState()
        watermark = [:]
        refReader = SnapshotRefReader(layout: layout)
        eventsSinceSnapshot = 0
        eventsOnTop = []
        unlocatedWrites = false
        coldSnapshotWatermark = nil
    }

    /// Runs `body`; if the snapshot turns out stale, folds the log and runs it again.
    func recovering<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch is SnapshotStale {
            try reopenCold()
            return try body()
        }
    }

    func report(_ problems: [LogProblem]) {
        guard let first = problems.first else { return }
        notices.append(
            Notice(
                .damage,
                "the journal has \(problems.count) damaged place(s), first: \(first); "
                    + "run `limber verify`"))
    }

    /// Applies events read from the log on top of the state (and snapshot).
    func apply(_ contents: LogReader.Contents) throws {
        for (event, location) in Swift.zip(contents.events, contents.locations) {
            if let snapshot, snapshot.containsEvent(event.id) { continue }
            try loadFromSnapshot(event.entity)
            state.apply(event)
            eventsSinceSnapshot += 1
            eventsOnTop.append((event.id, event.entity, location))
        }
        for (file, offset) in contents.watermark { watermark[file] = offset }
    }

    /// Records events this process wrote (with where they are) as on top of the snapshot, as
    /// if read from the log, so that ``refreshSnapshot()`` can point the snapshot at them.
    func noteOnTopOfSnapshot(_ events: [Event], at locations: [EventLocation]) {
        guard locations.count == events.count else {
            unlocatedWrites = true
            return
        }
        for (event, location) in Swift.zip(events, locations) {
            eventsOnTop.append((event.id, event.entity, location))
        }
        eventsSinceSnapshot += events.count
    }

    /// Rewrites the snapshot when many events are on top of it (after an import), so that the
    /// next command opens warm instead of reading them all again; only a cache, so a failure
    /// changes nothing.
    func refreshSnapshot() {
        guard !unlocatedWrites, eventsSinceSnapshot > Self.snapshotRebuildThreshold else { return }
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

    /// Makes sure a snapshot session is folded into `state` before it is read or changed.
    ///
    /// - Throws: ``SnapshotStale`` when its events are not where the snapshot says.
    func loadFromSnapshot(_ id: String) throws {
        guard let snapshot, state.records[id] == nil, let entry = snapshot.entry(id: id) else {
            return
        }
        guard let refs = snapshot.refs(of: entry) else { throw SnapshotStale() }
        for line in try lines(at: refs) {
            guard let event = try? EventDecoding.decode(line), event.entity == id else {
                throw SnapshotStale()
            }
            state.apply(event)
        }
    }

    /// The stored lines the refs point at.
    private func lines(at refs: [Snapshot.Ref]) throws(SnapshotStale) -> [ArraySlice<UInt8>] {
        do { return try refReader.lines(at: refs) } catch { throw SnapshotStale() }
    }

    /// Writes a new snapshot from the current one plus the events on top of it: the refs of
    /// untouched sessions are copied, touched ones get their new events' refs and their folded
    /// start; nothing is parsed again.
    private func rewriteSnapshot(_ old: Snapshot) {
        var locations: [EventLocation] = []
        var sessions: [SnapshotWriter.Session] = []
        var other: [Int] = []
        var eventIDs: [String] = old.eventIDs
        var onTop: [String: [EventLocation]] = [:]
        for item in eventsOnTop {
            eventIDs.append(item.id)
            if state.records[item.entity] != nil {
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
        guard let oldOther = old.otherRefs else { return }
        other += locate(oldOther)
        var seen: Set<String> = []
        for index in 0..<old.sessionCount {
            guard let entry = old.chrono(index), let refs = old.refs(of: entry) else { return }
            seen.insert(entry.id)
            var events = locate(refs)
            var start = entry.start
            var visible = entry.visible
            if let record = state.records[entry.id] {
                for location in onTop[entry.id] ?? [] {
                    events.append(locations.count)
                    locations.append(location)
                }
                start = record.start?.value.epochSeconds ?? Int64.max
                visible = record.isVisible
            }
            sessions.append(
                SnapshotWriter.Session(id: entry.id, start: start, visible: visible, events: events)
            )
        }
        for (id, added) in onTop where !seen.contains(id) {
            let record = state.records[id]
            var events: [Int] = []
            for location in added {
                events.append(locations.count)
                locations.append(location)
            }
            sessions.append(
                SnapshotWriter.Session(
                    id: id, start: record?.start?.value.epochSeconds ?? Int64.max,
                    visible: record?.isVisible ?? false, events: events))
        }
        let meta = Snapshot.Meta(
            journal: journalID, watermark: watermark,
            latest: max(old.meta.latest ?? .zero, state.latest), files: [])
        guard
            let bytes = SnapshotWriter.build(
                meta: meta, locations: locations, sessions: sessions, other: other,
                eventIDs: eventIDs)
        else { return }
        do {
            try FileSystem.makeDirectories(layout.cache)
            try FileSystem.writeAtomically(bytes, to: snapshotPath)
        } catch {
            return  // Only a cache: the events stay on top of the old one.
        }
        if let fresh = Snapshot(path: snapshotPath, journal: journalID) {
            snapshot = fresh
            eventsSinceSnapshot = 0
            eventsOnTop = []
            refReader = SnapshotRefReader(layout: layout)
        }
    }

    @discardableResult
    private func writeSnapshot(_ contents: LogReader.Contents) -> Bool {
        var byEntity: [String: [Int]] = [:]
        byEntity.reserveCapacity(state.records.count)
        var other: [Int] = []
        for (index, event) in contents.events.enumerated() {
            if state.records[event.entity] != nil {
                byEntity[event.entity, default: []].append(index)
            } else {
                other.append(index)
            }
        }
        var sessions: [SnapshotWriter.Session] = []
        sessions.reserveCapacity(byEntity.count)
        for (id, record) in state.records {
            sessions.append(
                SnapshotWriter.Session(
                    id: id, start: record.start?.value.epochSeconds ?? Int64.max,
                    visible: record.isVisible, events: byEntity[id] ?? []))
        }
        let meta = Snapshot.Meta(
            journal: journalID, watermark: watermark, latest: state.latest, files: [])
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
}
