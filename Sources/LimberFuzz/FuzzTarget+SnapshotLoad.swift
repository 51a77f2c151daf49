import EventLog
import Reconcile

extension FuzzTarget {
    /// The most refs the rebuild of one snapshot may place (a few hundred sessions can each
    /// name all of a short input's refs; a real snapshot names each ref once).
    private static let rebuildRefLimit = 1 << 16

    /// The most sessions one input folds from the snapshot.
    private static let sessionBudget = 4096

    /// The journal the `snapshot-load` seeds were made in, `Fixtures/fuzz/snapshot-load/.journal`
    /// (`limber.json` and two devices' segments, made with the CLI): relative path → bytes;
    /// `nil` when it cannot be read. libFuzzer and the replay skip folders starting with `.`.
    package static let snapshotLoadJournal: [String: [UInt8]]? = {
        var root = #filePath
        for _ in 0..<3 { root = FileSystem.parent(of: root) }
        let tree = ScratchTree(root + "/Fixtures/fuzz/snapshot-load/.journal")
        var files: [String: [UInt8]] = [:]
        for (path, entry) in tree.entries {
            if case .file(let bytes) = entry { files[path] = bytes }
        }
        return files["limber.json"] == nil ? nil : files
    }()

    /// Writes the input as `local/cache/snapshot` of a copy of ``snapshotLoadJournal`` and opens
    /// it warm with ``SnapshotLoad``, then folds every session it lists and rebuilds it.
    ///
    /// A stale snapshot is an expected outcome. Loading writes nothing; every event it folds
    /// is one the log holds, equal to what a cold read of the log returns; a rebuilt snapshot
    /// opens again with the same sessions, refs, other refs, event ids and meta.
    static func checkSnapshotLoad(_ input: UnsafeRawBufferPointer) -> FuzzFailure? {
        let target = FuzzTarget.snapshotLoad
        guard let files = snapshotLoadJournal else {
            return target.failure("Fixtures/fuzz/snapshot-load/.journal cannot be read")
        }
        return target.withScratchFolder { folder in
            guard let layout = layOutSnapshotLoadJournal(files, in: folder, snapshot: [UInt8](input)) else {
                return target.failure("could not copy the journal fixture and the snapshot")
            }
            let snapshotPath = layout.cache + "/snapshot"
            let before = ScratchTree(layout.root)
            let cold: LogReader.Contents
            do throws(JournalError) {
                cold = try LogReader.read(layout)
            } catch {
                return target.failure("the journal fixture cannot be read: \(error.kind)")
            }
            let logged = Dictionary(cold.events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            guard var load = SnapshotLoad(layout: layout, path: snapshotPath, journal: snapshotJournal)
            else { return nil }
            do {
                if try load.open() {
                    for index in 0..<min(load.snapshot.sessionCount, sessionBudget) {
                        guard let entry = load.snapshot.chrono(index) else { continue }
                        try load.loadSession(entry.id)
                    }
                }
            } catch {
                // Stale, or the log cannot be read: the journal folds the log instead.
            }
            if let path = ScratchTree(layout.root).changedPaths(since: before).first {
                return target.failure("loading changes \(path)")
            }
            for event in load.applied where logged[event.id] != event {
                return target.failure(
                    "loading folds an event (seq \(event.seq) of device \(event.device)) that the log "
                        + (logged[event.id] == nil ? "does not hold" : "holds otherwise"))
            }
            if let problem = rebuildProblem(load) { return target.failure("rebuilt: " + problem) }
            return nil
        }
    }

    /// What is wrong with the snapshot rebuilt from `load`'s, or `nil`.
    private static func rebuildProblem(_ load: SnapshotLoad) -> String? {
        guard let bytes = load.rebuilt(refLimit: rebuildRefLimit) else { return nil }
        let path = FileSystem.parent(of: load.layout.root) + "/rebuilt"
        guard ScratchTree.write(bytes, to: path) else { return "could not be written" }
        guard let again = Snapshot(path: path, journal: snapshotJournal) else {
            return "the rebuilt snapshot does not open"
        }
        return rebuildDifference(again, load.snapshot)
    }

    /// How the rebuilt snapshot differs from the one it was rebuilt from, or `nil`.
    private static func rebuildDifference(_ again: Snapshot, _ old: Snapshot) -> String? {
        if again.sessionCount != old.sessionCount {
            return "\(again.sessionCount) sessions, not \(old.sessionCount)"
        }
        if again.otherRefs != old.otherRefs { return "other refs differ" }
        if sessionKeys(again) != sessionKeys(old) { return "sessions or their refs differ" }
        if Set(again.eventIDs) != Set(old.eventIDs) { return "event ids differ" }
        if again.exerciseIndex().map({ exerciseKeys($0, again) }) != old.exerciseIndex().map({ exerciseKeys($0, old) }) {
            return "exercise indexes differ"
        }
        if again.conflictedIndexes.count != old.conflictedIndexes.count {
            return "conflicted sessions differ"
        }
        if again.meta.watermark != old.meta.watermark || again.meta.latest != old.meta.latest
            || again.meta.seals != old.meta.seals
        {
            return "meta differs"
        }
        return nil
    }

    /// Copies the journal fixture into `folder/journal` with `snapshot` as its
    /// `local/cache/snapshot`; `nil` when a file cannot be written.
    private static func layOutSnapshotLoadJournal(
        _ files: [String: [UInt8]], in folder: ScratchFolder, snapshot: [UInt8]
    ) -> JournalLayout? {
        let layout = JournalLayout(root: folder.path + "/journal")
        for (path, bytes) in files {
            let full = layout.root + "/" + path
            guard ScratchTree.makeFolders(FileSystem.parent(of: full)),
                ScratchTree.write(bytes, to: full)
            else { return nil }
        }
        guard ScratchTree.makeFolders(layout.cache),
            ScratchTree.write(snapshot, to: layout.cache + "/snapshot")
        else { return nil }
        return layout
    }

    /// Each session of a snapshot as one string (id, start, visibility, refs), sorted.
    private static func sessionKeys(_ snapshot: Snapshot) -> [String] {
        (0..<snapshot.sessionCount).map { index in
            guard let entry = snapshot.chrono(index) else { return "damaged" }
            return "\(entry.id) \(entry.start) \(entry.visible) \(entry.deleted) \(entry.conflicted) "
                + "\(String(describing: snapshot.refs(of: entry))) \(snapshot.body(of: entry))"
        }.sorted()
    }

    /// An exercise index as comparable text: each exercise with the ids of the visible
    /// sessions it lists (what a rebuild keeps of a damaged index: positions move when the
    /// sessions were out of order, repeats and hidden sessions are dropped).
    private static func exerciseKeys(
        _ index: [(exercise: String, indexes: [Int])], _ snapshot: Snapshot
    ) -> [String] {
        var ids: [String: Set<String>] = [:]
        for (exercise, positions) in index {
            for position in positions {
                guard let entry = snapshot.chrono(position), entry.visible else { continue }
                ids[exercise, default: []].insert(entry.id)
            }
        }
        return ids.filter { !$0.value.isEmpty }.map { "\($0.key) \($0.value.sorted())" }.sorted()
    }

    /// Runs a snapshot as the `snapshot-load` target does and says whether loading it folds
    /// exactly the log's events; `nil` when it is rejected, unusable or stale (for the seed
    /// tests: a seed that loads nothing keeps the fuzzer out of the loader's depths).
    package static func snapshotLoadFoldsTheLog(_ input: [UInt8]) -> Bool? {
        guard let files = snapshotLoadJournal, let folder = try? ScratchFolder() else { return nil }
        defer { folder.remove() }
        guard let layout = layOutSnapshotLoadJournal(files, in: folder, snapshot: input) else { return nil }
        guard let cold = try? LogReader.read(layout),
            var load = SnapshotLoad(
                layout: layout, path: layout.cache + "/snapshot", journal: snapshotJournal),
            (try? load.open()) == true
        else { return nil }
        for index in 0..<load.snapshot.sessionCount {
            guard let entry = load.snapshot.chrono(index), (try? load.loadSession(entry.id)) != nil
            else { return nil }
        }
        return Set(load.applied.map(\.id)) == Set(cold.events.map(\.id))
    }
}
