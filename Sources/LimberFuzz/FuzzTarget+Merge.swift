import EventLog

extension FuzzTarget {
    /// The clock `LogVerifier.verify` is given (2100-01-01), so that its result does not depend
    /// on when the input runs.
    static let mergeNowMillis: Int64 = 4_102_444_800_000

    /// Lays the input out as two journals (``MergeJournals``), merges the source into the
    /// target with `LogMerger.plan` and `LogMerger.apply`, then keeps the target's conflict
    /// copies with `LogMerger.planConflictCopies` and `apply`, verifying the target after each.
    ///
    /// A thrown ``EventLog/JournalError`` is an expected outcome, but apply throwing for a plan
    /// made just before is not. Planning writes nothing; applying writes only below the
    /// target's `devices/` and leaves no temporary file; the source is never changed. A plan
    /// takes nothing of our own device, and only events of the member's device that continue
    /// our last seq one by one, with ids this journal does not have, each member the bytes the
    /// other file holds at that offset. After a merge every segment of ours is a byte prefix of
    /// the source's file of that name and holds each planned member where planned, planning
    /// again takes nothing, and a target that verified without errors still does.
    static func checkMerge(_ input: UnsafeRawBufferPointer) -> FuzzFailure? {
        guard let parsed = MergeInput(input) else { return nil }
        let target = FuzzTarget.merge
        return target.withScratchFolder { folder in
            let journals: MergeJournals
            do {
                journals = try MergeJournals(parsed, in: folder.path)
            } catch {
                return target.failure("could not lay out the journals: \(error)")
            }
            let merge = MergeCheck(journals: journals, replacingFiles: parsed.replacingFiles)
            if let problem = merge.mergeSource() ?? merge.keepConflictCopies() {
                return target.failure(problem)
            }
            return nil
        }
    }

    /// Lays `input` out as the `merge` target does and returns how many members
    /// `LogMerger.plan` and `LogMerger.planConflictCopies` take (each planned on the journals
    /// as laid out, nothing applied), or `nil` when the input lays out nothing or a plan throws
    /// (for the seed tests: a seed that plans nothing keeps the fuzzer out of the planner).
    package static func mergePlannedMembers(_ input: [UInt8]) -> Int? {
        input.withUnsafeBytes { raw -> Int? in
            guard let parsed = MergeInput(raw), let folder = try? ScratchFolder() else {
                return nil
            }
            defer { folder.remove() }
            guard let journals = try? MergeJournals(parsed, in: folder.path),
                let plan = try? LogMerger.plan(
                    into: journals.target, from: journals.source, ownDevice: journals.ownDevice),
                let copies = try? LogMerger.planConflictCopies(in: journals.target)
            else { return nil }
            return (plan.devices + copies.devices).reduce(0) { $0 + $1.members.count }
        }
    }
}
