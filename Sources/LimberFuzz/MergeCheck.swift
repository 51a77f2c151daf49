import EventLog

/// The checks of one `merge` input on its two journals, in the order they run (see
/// ``FuzzTarget/checkMerge(_:)``). Each step returns what broke, or `nil`.
///
/// Messages name devices, segments, seqs and offsets, never an event's content.
struct MergeCheck {
    let journals: MergeJournals
    let replacingFiles: Bool

    private var source: JournalLayout { journals.source }
    private var target: JournalLayout { journals.target }

    /// Merges the source into the target and checks the plan, what apply wrote, and a second
    /// plan.
    func mergeSource() -> String? {
        let sourceBefore = ScratchTree(source.root)
        let targetBefore = ScratchTree(target.root)
        let known = eventIDs(target)
        let heads = lastSeqs([journals.deviceA, journals.deviceB])
        let cleanBefore = isClean(target)
        let own = journals.ownDevice
        let plan: MergePlan
        do {
            plan = try LogMerger.plan(
                into: target, from: source, ownDevice: own, isKnown: { known.contains($0) })
        } catch {
            return writes(since: sourceBefore, targetBefore, targetMayChange: false)
                .map { "plan throws and " + $0 }
        }
        if let problem = writes(since: sourceBefore, targetBefore, targetMayChange: false) {
            return "plan " + problem
        }
        let inSource = { (device: String, segment: String) in
            [source.deviceFolder(device) + "/" + segment]
        }
        if let problem = planProblem(plan, heads: heads, known: known, own: own, files: inSource) {
            return "plan: " + problem
        }
        if let problem = apply(plan, sourceBefore, targetBefore) { return "apply " + problem }
        if let problem = prefixProblem() ?? placementProblem(plan) {
            return "after apply: " + problem
        }
        if cleanBefore == true, let error = firstError(target) {
            return "the merge leaves an error in a journal that verified clean: \(error)"
        }
        let knownAfter = eventIDs(target)
        guard
            let again = try? LogMerger.plan(
                into: target, from: source, ownDevice: own, isKnown: { knownAfter.contains($0) })
        else { return "planning again after apply throws" }
        if let device = again.devices.first(where: { !$0.members.isEmpty }) {
            return "planning again after apply takes \(device.members.count) more member(s) of "
                + "device \(device.device)"
        }
        return nil
    }

    /// Keeps the target's conflict copies (as `repair` does) and checks the plan, what apply
    /// wrote, and a second plan.
    func keepConflictCopies() -> String? {
        let copies = journals.conflictCopies
        guard !copies.isEmpty else { return nil }
        let sourceBefore = ScratchTree(source.root)
        let targetBefore = ScratchTree(target.root)
        let heads = lastSeqs([journals.deviceA])
        let cleanBefore = isClean(target)
        let plan: MergePlan
        do {
            plan = try LogMerger.planConflictCopies(in: target)
        } catch {
            return writes(since: sourceBefore, targetBefore, targetMayChange: false)
                .map { "planConflictCopies throws and " + $0 }
        }
        if let problem = writes(since: sourceBefore, targetBefore, targetMayChange: false) {
            return "planConflictCopies " + problem
        }
        let folder = target.deviceFolder(journals.deviceA)
        let inCopies = { (_: String, segment: String) in
            copies.filter { $0.hasPrefix(segment.prefix(SegmentName.digitCount)) }.map {
                folder + "/" + $0
            }
        }
        if let problem = planProblem(plan, heads: heads, known: [], own: nil, files: inCopies) {
            return "planConflictCopies: " + problem
        }
        if let problem = apply(plan, sourceBefore, targetBefore) {
            return "apply of the conflict copies " + problem
        }
        if let problem = placementProblem(plan) { return "after keeping conflict copies: " + problem }
        if cleanBefore == true, let error = firstError(target) {
            return "keeping conflict copies leaves an error in a journal that verified clean: \(error)"
        }
        guard let again = try? LogMerger.planConflictCopies(in: target) else {
            return "planning the conflict copies again after apply throws"
        }
        if let device = again.devices.first(where: { !$0.members.isEmpty }) {
            return "planning the conflict copies again takes \(device.members.count) more "
                + "member(s) of device \(device.device)"
        }
        return nil
    }

    // MARK: - Checks

    /// What is wrong with a plan, or `nil`. `files` names the files a member of a device's
    /// segment may come from.
    private func planProblem(
        _ plan: MergePlan, heads: [String: UInt64], known: Set<String>, own: String?,
        files: (String, String) -> [String]
    ) -> String? {
        var devices = Set<String>()
        var ids = Set<String>()
        for device in plan.devices {
            let name = device.device
            guard devices.insert(name).inserted else { return "device \(name) twice" }
            if name == own, !device.members.isEmpty {
                return "takes \(device.members.count) member(s) of our own device"
            }
            if !device.members.isEmpty, device.events.isEmpty {
                return "device \(name): members without events"
            }
            var seq = heads[name]
            for event in device.events {
                guard event.device == name else {
                    return "device \(name): an event of another device"
                }
                if let last = seq {
                    guard last < UInt64.max, event.seq == last + 1 else {
                        return "device \(name): seq \(event.seq) after \(last)"
                    }
                }
                seq = event.seq
                guard !known.contains(event.id) else {
                    return "device \(name): seq \(event.seq) has an id the target holds"
                }
                guard ids.insert(event.id).inserted else {
                    return "device \(name): seq \(event.seq) has an id planned before"
                }
            }
            var ends: [String: Int] = [:]
            for member in device.members {
                let segment = member.segment
                guard SegmentName.firstSeq(fromFileName: segment) != nil, !member.bytes.isEmpty
                else { return "device \(name): a member of no segment or no bytes" }
                if let end = ends[segment], end != member.offset {
                    return "device \(name): \(segment) members at \(member.offset) after \(end)"
                }
                ends[segment] = member.offset + member.bytes.count
                let found = files(name, segment).contains { path in
                    guard let bytes = ScratchTree.read(path),
                        member.offset >= 0, member.offset + member.bytes.count <= bytes.count
                    else { return false }
                    return bytes[member.offset..<(member.offset + member.bytes.count)]
                        .elementsEqual(member.bytes)
                }
                guard found else {
                    return "device \(name): the member for \(segment) at \(member.offset) is not "
                        + "the bytes the other file holds there"
                }
            }
        }
        return nil
    }

    /// Applies `plan` to the target: what went wrong (it threw, wrote where it may not, or
    /// the events are not where the plan says), or `nil`.
    private func apply(_ plan: MergePlan, _ sourceBefore: ScratchTree, _ targetBefore: ScratchTree)
        -> String?
    {
        let before = try? LogReader.read(target)
        do {
            try LogMerger.apply(plan, into: target, replacingFiles: replacingFiles)
        } catch {
            return "throws \(error.kind) for the plan just made"
        }
        if let problem = writes(since: sourceBefore, targetBefore, targetMayChange: true) { return problem }
        // A store that had read each segment up to where the plan writes takes the events from
        // the plan (SessionStore.applyCopied): they must be what a reader finds there.
        guard let before, plan.spans.allSatisfy({ (before.watermark[$0.key] ?? 0) == $0.value.lowerBound }),
            let after = try? LogReader.read(target, since: before.watermark)
        else { return nil }
        // Devices may come in another order; each place must hold the same event.
        let planned = Dictionary(Array(zip(plan.locations, plan.events)), uniquingKeysWith: { first, _ in first })
        let landed = Dictionary(
            Array(zip(after.locations, after.events)).filter { plan.spans[$0.0.file] != nil },
            uniquingKeysWith: { first, _ in first })
        if plan.locations.count != plan.events.count || planned != landed {
            return "the plan's \(plan.events.count) event(s) are not where it says they land (a reader finds \(landed.count) there)"
        }
        for (file, span) in plan.spans where after.watermark[file] != span.upperBound {
            return "the plan says \(file) ends at \(span.upperBound), a reader reads it to \(after.watermark[file] ?? 0)"
        }
        return nil
    }

    /// What a call wrote where it may not, or `nil`: anything outside the two journals, in the
    /// source, or (with `targetMayChange`) in the target but its device folders and segments
    /// and the (then empty) folder a merge stages its writes in, `local/merge`.
    private func writes(
        since sourceBefore: ScratchTree, _ targetBefore: ScratchTree, targetMayChange: Bool
    ) -> String? {
        let names = ScratchFolder.names(in: journals.root) ?? []
        guard names == ["source", "target"] else {
            return "leaves \(names.count) entries beside the two journals"
        }
        if let path = ScratchTree(source.root).changedPaths(since: sourceBefore).first {
            return "changes the source's \(path)"
        }
        let after = ScratchTree(target.root)
        for path in after.changedPaths(since: targetBefore) {
            guard targetMayChange else { return "changes the target's \(path)" }
            guard let entry = after.entries[path] else { return "removes the target's \(path)" }
            let components = path.split(separator: "/").map(String.init)
            if path == "local" || path == "local/merge" {
                guard entry == .folder else { return "writes the target's \(path)" }
                continue
            }
            let allowed =
                components.first == "devices"
                && DeviceIdentity.isValidID(components.count > 1 ? components[1] : "")
                && (components.count == 2 && entry == .folder
                    || components.count == 3 && SegmentName.firstSeq(fromFileName: components[2]) != nil
                        && entry != .folder && entry != .other)
            guard allowed else { return "writes the target's \(path)" }
            if case .link = entry { return "makes a link at the target's \(path)" }
        }
        return nil
    }

    /// The first segment of ours that is not a byte prefix of the source's file of that name
    /// (for every device the source has), or `nil`.
    private func prefixProblem() -> String? {
        for device in ScratchFolder.names(in: target.devices) ?? [] {
            let theirs = source.deviceFolder(device)
            guard ScratchFolder.names(in: theirs) != nil else { continue }
            for name in ScratchFolder.names(in: target.deviceFolder(device)) ?? []
            where SegmentName.firstSeq(fromFileName: name) != nil {
                guard let ours = ScratchTree.read(target.deviceFolder(device) + "/" + name) else {
                    return "device \(device): our \(name) is not a file"
                }
                guard let other = ScratchTree.read(theirs + "/" + name) else {
                    return "device \(device): our \(name) (\(ours.count) bytes) is not in the source"
                }
                guard ours.count <= other.count, other.prefix(ours.count).elementsEqual(ours) else {
                    return "device \(device): our \(name) (\(ours.count) bytes) is not a prefix of "
                        + "theirs (\(other.count) bytes)"
                }
            }
        }
        return nil
    }

    /// The first planned member that is not where it was planned, or `nil`.
    private func placementProblem(_ plan: MergePlan) -> String? {
        for device in plan.devices {
            for member in device.members {
                let path = target.deviceFolder(device.device) + "/" + member.segment
                let end = member.offset + member.bytes.count
                guard let bytes = ScratchTree.read(path), end <= bytes.count,
                    bytes[member.offset..<end].elementsEqual(member.bytes)
                else {
                    return "device \(device.device): the member planned at \(member.offset) of "
                        + "\(member.segment) is not there"
                }
            }
        }
        return nil
    }

    // MARK: - Reading the target

    /// The ids of every event the journal holds (empty when it cannot be read).
    private func eventIDs(_ layout: JournalLayout) -> Set<String> {
        Set(((try? LogReader.read(layout))?.events ?? []).map(\.id))
    }

    /// Our last seq of each device that has one.
    private func lastSeqs(_ devices: [String]) -> [String: UInt64] {
        var heads: [String: UInt64] = [:]
        for device in devices {
            do {
                heads[device] = try LogWriter.lastEvent(in: target.deviceFolder(device))?.event.seq ?? 0
            } catch {
                continue  // the planner refuses or throws too
            }
        }
        return heads
    }

    /// Whether `verify` finds no error; `nil` when it throws.
    private func isClean(_ layout: JournalLayout) -> Bool? {
        (try? LogVerifier.verify(layout, nowMillis: FuzzTarget.mergeNowMillis))?.isClean
    }

    /// The first error `verify` finds (`"FILE: MESSAGE"`), or `nil`.
    private func firstError(_ layout: JournalLayout) -> String? {
        guard let report = try? LogVerifier.verify(layout, nowMillis: FuzzTarget.mergeNowMillis),
            let error = report.problems.first(where: { $0.severity == .error })
        else { return nil }
        return "\(error.file): \(error.message)"
    }
}
