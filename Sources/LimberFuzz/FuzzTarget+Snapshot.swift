import JournalModel
import Reconcile

extension FuzzTarget {
    /// The journal id of the snapshot seeds: `Snapshot(path:journal:)` refuses any other.
    package static let snapshotJournal = "00000000-0000-7000-8000-00000000f022"

    /// The most chronological entries walked per input (a valid header allows one per 64
    /// bytes, so this only bounds inputs longer than libFuzzer's `-max_len`).
    private static let entryBudget = 4096

    /// Opens the input as a snapshot file and calls every accessor on everything it holds
    /// (the refs are only checked here: following them into segments is the segment target's
    /// part).
    ///
    /// The input is written into a ``ScratchFolder``: `Snapshot(path:journal:)` opens with
    /// `O_NOFOLLOW`, so it refuses a ``ScratchFile``'s `/proc/self/fd` path (a link), and every
    /// input would end there.
    static func checkSnapshot(_ input: UnsafeRawBufferPointer) -> FuzzFailure? {
        let target = FuzzTarget.snapshot
        return target.withScratchFolder { folder in
            guard let path = folder.write(input, as: "snapshot") else {
                return target.failure("could not write the input to a scratch folder")
            }
            return checkSnapshot(path: path)
        }
    }

    /// Opens `path` as a snapshot and checks it (see ``checkSnapshot(_:)``).
    private static func checkSnapshot(path: String) -> FuzzFailure? {
        let target = FuzzTarget.snapshot
        guard let snapshot = Snapshot(path: path, journal: snapshotJournal) else {
            return nil
        }
        let sessions = snapshot.sessionCount
        guard sessions >= 0, snapshot.eventCount >= 0 else {
            return target.failure("negative counts \(sessions), \(snapshot.eventCount)")
        }
        guard snapshot.chrono(-1) == nil, snapshot.chrono(sessions) == nil else {
            return target.failure("chrono returns an entry outside 0..<\(sessions)")
        }
        if let problem = refProblem(snapshot.otherRefs, snapshot) {
            return target.failure("other: " + problem)
        }
        for index in 0..<min(sessions, entryBudget) {
            guard let entry = snapshot.chrono(index) else { continue }
            if let problem = refProblem(snapshot.refs(of: entry), snapshot) {
                return target.failure("chrono \(index): " + problem)
            }
            _ = snapshot.entry(id: entry.id)
            _ = snapshot.containsEvent(entry.id)
            if let session = snapshot.session(of: entry) {
                // What decodes must encode back to the same bytes (the codec is one format,
                // with no slack a damaged cache could hide in).
                var again: [UInt8] = []
                SessionCodec.encode(session, into: &again)
                guard again == snapshot.body(of: entry), session.id == entry.id else {
                    return target.failure("chrono \(index): a decoded session encodes otherwise")
                }
            }
            for length in [0, 1, 8, 36, 40] {
                let prefix = String(entry.id.prefix(length))
                let found = snapshot.ids(withPrefix: prefix, limit: 4)
                guard found.count <= 4, found.allSatisfy({ $0.hasPrefix(prefix) }) else {
                    return target.failure(
                        "ids(withPrefix:) of \(prefix.utf8.count) bytes returned \(found.count) "
                            + "ids, not all with the prefix")
                }
            }
        }
        for position in snapshot.conflictedIndexes.prefix(entryBudget) {
            _ = snapshot.chrono(position)
        }
        if let index = snapshot.exerciseIndex() {
            for (exercise, positions) in index.prefix(entryBudget) {
                guard snapshot.indexes(withExercise: exercise) != nil else {
                    return target.failure("the exercise index lists \(exercise) but cannot find it")
                }
                for position in positions.prefix(entryBudget) { _ = snapshot.chrono(position) }
            }
        }
        // The possible-duplicate pass reads every start the count claims, in any order.
        for end in [snapshot.sessionCount, entryBudget, -1] {
            let close = snapshot.closeNeighbours(within: 90 * 60, below: end)
            guard zip(close, close.dropFirst()).allSatisfy({ $0 < $1 }),
                close.allSatisfy({ $0 >= 0 && $0 < snapshot.sessionCount })
            else {
                return target.failure("closeNeighbours(below: \(end)) is not ascending positions")
            }
        }
        _ = snapshot.indexes(withExercise: "")
        _ = snapshot.containsEvent(snapshotJournal)
        _ = snapshot.containsEvent("")
        _ = snapshot.entry(id: "")
        return nil
    }

    /// What is wrong with the refs the reader returns, or `nil`: each must name one of the
    /// snapshot's files and a non-negative place.
    private static func refProblem(_ refs: [Snapshot.Ref]?, _ snapshot: Snapshot) -> String? {
        for ref in refs ?? [] {
            guard snapshot.meta.files.contains(ref.file) else { return "a ref names no file" }
            guard ref.line >= 0, ref.memberOffset >= 0, ref.memberSize >= 0 else {
                return "a ref has a negative place"
            }
        }
        return nil
    }
}
