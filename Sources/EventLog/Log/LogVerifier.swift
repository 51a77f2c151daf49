import FoundationEssentials
import JournalModel

/// Checks every segment of every device without changing anything (`limber verify`).
package enum LogVerifier {
    /// What `verify` found.
    package struct Report: Sendable {
        /// Every problem found, errors and warnings, in the order the segments were checked.
        package var problems: [LogProblem] = []
        /// The number of device folders checked (stray files under `devices/` are not counted).
        package var devices = 0
        /// The number of segment files checked, including ones that could not be read.
        package var segments = 0
        /// The number of valid gzip members found across all segments.
        package var members = 0
        /// The number of event lines that decoded, whether or not they passed the chain checks.
        package var events = 0

        /// `true` when nothing is damaged or missing (warnings allowed).
        package var isClean: Bool { !problems.contains { $0.severity == .error } }
    }

    /// An event more than this far ahead of the local clock is flagged.
    package static let skewLimitMillis: Int64 = 24 * 3600 * 1000

    /// Verifies the journal at `layout`: every member's CRC and size, the JSON of every event,
    /// seq gaps and forks, the `prev` chain, event ids, clock skew, links, and files that are
    /// not segments. Every error carries the ``LogProblem/Fix`` that `repair` applies.
    ///
    /// - Parameter ownDevice: This machine's device, checked first: of two devices using one
    ///   event id, the other one's event is the forgery (DESIGN §4).
    /// - Complexity: O(*n*) in the size of the log; memory holds one segment file and one
    ///   inflated member at a time, plus the ids seen.
    package static func verify(
        _ layout: JournalLayout, ownDevice: String? = nil,
        nowMillis: Int64 = HybridClock.wallClockMillis()
    ) throws(JournalError) -> Report {
        var report = Report()
        _ = try JournalManifest.load(layout)
        for link in LogReader.links(layout) {
            report.problems.append(
                LogProblem(
                    .error, file: link,
                    message:
                        "a symbolic link; limber never follows one (`limber repair` removes the link, not what it points at)",
                    fix: .removeLink))
        }
        guard FileSystem.kind(of: layout.devices) != .link else { return report }
        var ids: [String: String] = [:]
        let copies = (try? LogMerger.planConflictCopies(in: layout))?.devices ?? []
        let recoverable = Dictionary(
            copies.map { ($0.device, $0.events.count) }, uniquingKeysWith: +)
        var names = try FileSystem.list(layout.devices)
        if let own = ownDevice, let index = names.firstIndex(of: own) {
            names.insert(names.remove(at: index), at: 0)
        }
        for name in names {
            let folder = layout.deviceFolder(name)
            switch FileSystem.kind(of: folder) {
            case .directory: break
            case .link: continue  // reported above
            default:
                report.problems.append(
                    LogProblem(.warning, file: "devices/\(name)", message: StrayFile.describe(name))
                )
                continue
            }
            report.devices += 1
            let entries = try FileSystem.list(folder)
            // After `repair` the damaged bytes are kept aside; the gap they leave is known and
            // reported as a warning, so `verify` can go back to catching new damage.
            var device = DeviceCheck(
                device: name, repaired: entries.contains { $0.contains(".corrupt") })
            let segments = entries.compactMap { entry in
                SegmentName.firstSeq(fromFileName: entry).map { (entry, $0) }
            }
            .filter { FileSystem.kind(of: folder + "/" + $0.0) != .link }
            .sorted { $0.1 < $1.1 }
            for entry in entries where SegmentName.firstSeq(fromFileName: entry) == nil {
                guard FileSystem.kind(of: folder + "/" + entry) != .link else { continue }
                var message = StrayFile.describe(entry)
                if LogMerger.conflictCopyOriginal(entry) != nil,
                    let missing = recoverable[name], missing > 0
                {
                    message +=
                        "; it holds \(missing) event(s) the original lacks: `limber repair` keeps them"
                }
                report.problems.append(
                    LogProblem(.warning, file: "devices/\(name)/\(entry)", message: message))
            }
            for (index, (fileName, firstSeq)) in segments.enumerated() {
                let relative = "devices/\(name)/\(fileName)"
                report.segments += 1
                let bytes: [UInt8]
                do {
                    guard
                        let read = try FileSystem.readFile(
                            folder + "/" + fileName, limit: SegmentLimits.standard.maxSegmentFile)
                    else { continue }
                    bytes = read
                } catch {
                    report.problems.append(
                        LogProblem(
                            .error, file: relative, message: "cannot be read: \(error.summary)",
                            fix: .setFileAside))
                    continue
                }
                var segment = SegmentCheck(
                    relative: relative, firstSeq: firstSeq, nowMillis: nowMillis)
                let scan: SegmentScan
                do {
                    scan = try SegmentReader.scan(bytes, inflate: true) { member in
                        segment.check(member, device: &device, ids: &ids, report: &report)
                    }
                } catch {
                    report.problems.append(
                        LogProblem(
                            .error, file: relative, offset: error.offset, message: error.message,
                            fix: .setFileAside))
                    continue
                }
                let isLast = index == segments.count - 1
                var problems: [LogProblem] = []
                for problem in scan.problems {
                    let isTail = problem.offset == scan.tornTailOffset
                    if problem.kind == .missingIndex {
                        problems.append(
                            LogProblem(.warning, file: relative, offset: problem.offset, message: problem.detail))
                    } else if isTail && isLast {
                        problems.append(
                            LogProblem(
                                .warning, file: relative, offset: problem.offset,
                                message: problem.detail
                                    + " (an interrupted write or a copy in progress; the device's next write, the next merge or sync of it, or `limber repair` cuts it)",
                                fix: .keepValidMembers))
                    } else {
                        problems.append(
                            LogProblem(
                                .error, file: relative, offset: problem.offset,
                                message: problem.detail, fix: .keepValidMembers))
                    }
                }
                report.members += scan.members.count
                if let first = scan.members.first, first.isIndexed, first.firstSeq != firstSeq {
                    problems.append(
                        LogProblem(
                            .error, file: relative, offset: first.offset,
                            message:
                                "the file is named for seq \(firstSeq) but its first member starts at seq \(first.firstSeq)",
                            fix: .setFileAside))
                }
                // Byte damage first, then what the members' events showed, in file order.
                report.problems.append(contentsOf: problems)
                report.problems.append(contentsOf: segment.problems)
            }
        }
        return report
    }

    /// The checks of one segment's members, run as each member is inflated.
    private struct SegmentCheck {
        let relative: String
        let firstSeq: UInt64
        let nowMillis: Int64
        var problems: [LogProblem] = []

        init(relative: String, firstSeq: UInt64, nowMillis: Int64) {
            self.relative = relative
            self.firstSeq = firstSeq
            self.nowMillis = nowMillis
        }

        mutating func check(
            _ member: ScannedMember, device: inout DeviceCheck, ids: inout [String: String],
            report: inout Report
        ) {
            guard let payload = member.payload else { return }
            let lines = JSONLines.split(payload)
            let drop = LogProblem.Fix.dropMember(offset: member.offset)
            var undecodable = 0
            var firstUndecodable: (Int, String)?
            for (lineIndex, line) in lines.enumerated() {
                let place = "line \(lineIndex + 1) of the member"
                let event: Event
                do { event = try EventDecoding.decode(line) } catch {
                    undecodable += 1
                    if firstUndecodable == nil {
                        firstUndecodable = (lineIndex + 1, DecodingErrorText.describe(error))
                    }
                    continue
                }
                if lineIndex == 0, member.isIndexed, event.seq != member.firstSeq {
                    add(
                        .error, member,
                        "member header says first seq \(member.firstSeq), its first event has seq \(event.seq)",
                        fix: drop)
                }
                report.events += 1
                let hash = line.withUnsafeBytes { Hex.chainHash($0) }
                for found in device.check(event, hash: hash, nowMillis: nowMillis) {
                    // A gap is the one error repair leaves: only another copy has those events.
                    let isGap = found.1.hasPrefix(DeviceCheck.gapPrefix)
                    add(found.0, member, "\(place): \(found.1)", fix: found.0 == .error && !isGap ? drop : nil)
                }
                let here = "\(event.device)#\(event.seq)"
                if let other = ids[event.id], other != here {
                    add(
                        .error, member,
                        "\(place): forged event: its id \(event.id) is already used by \(other); this one is left out",
                        fix: drop)
                } else {
                    ids[event.id] = here
                }
            }
            if let (line, reason) = firstUndecodable {
                let more = undecodable > 1 ? " (and \(undecodable - 1) more line(s) of it)" : ""
                add(
                    .error, member, "line \(line) of the member is not a valid event (\(reason))\(more)",
                    fix: drop)
            }
        }

        private mutating func add(
            _ severity: LogProblem.Severity, _ member: ScannedMember, _ message: String,
            fix: LogProblem.Fix?
        ) {
            problems.append(
                LogProblem(severity, file: relative, offset: member.offset, message: message, fix: fix))
        }
    }

    /// The running checks of one device's chain.
    private struct DeviceCheck {
        let device: String
        let repaired: Bool
        var lastSeq: UInt64 = 0
        var lastHash = Hex.genesis
        var lastHLC = HLC.zero
        var seen: [UInt64: String] = [:]
        /// The event types this version does not know that the device wrote, said once each.
        var unknownTypes: Set<EventType> = []
        /// How a gap's message starts.
        static let gapPrefix = "gap: "

        mutating func check(_ event: Event, hash: String, nowMillis: Int64) -> [(
            LogProblem.Severity, String
        )] {
            var found: [(LogProblem.Severity, String)] = []
            if event.device != device {
                found.append(
                    (.error, "event of device \(event.device) in the folder of device \(device)"))
            }
            if let known = seen[event.seq] {
                if known != hash {
                    found.append((.error, "fork: two different events with seq \(event.seq)"))
                } else {
                    found.append((.warning, "event seq \(event.seq) is stored twice"))
                }
                return found
            }
            seen[event.seq] = hash
            if event.seq != lastSeq + 1 {
                if event.seq > lastSeq + 1 {
                    if repaired {
                        found.append(
                            (
                                .warning,
                                "gap: events \(lastSeq + 1)…\(event.seq - 1) of this device are missing; `limber repair` kept their damaged bytes in *.corrupt (a device that has them can bring them back by merging)"
                            ))
                    } else {
                        found.append(
                            (
                                .error,
                                "gap: events \(lastSeq + 1)…\(event.seq - 1) of this device are missing (a sync still in progress brings them; else copy the missing segment from a device or an archive that has it)"
                            ))
                    }
                } else {
                    found.append((.error, "seq \(event.seq) after \(lastSeq): out of order"))
                }
            } else if event.prev != lastHash {
                found.append(
                    (.error, "chain broken: prev does not match the hash of event \(lastSeq)"))
            }
            if event.hlc < lastHLC {
                found.append(
                    (.warning, "hlc \(event.hlc) is older than the device's previous event"))
            }
            if event.hlc.millis > nowMillis + LogVerifier.skewLimitMillis {
                let hours = (event.hlc.millis - nowMillis) / 3_600_000
                found.append(
                    (.warning, "clock skew: written \(hours) h ahead of this machine's clock"))
            }
            // DESIGN §4: kept in the log, left out of the state, never fatal.
            if case .unknown = event.body, unknownTypes.insert(event.type).inserted {
                found.append(
                    (
                        .warning,
                        "event type \(ModelError.quote(event.type.rawValue)) (first at seq \(event.seq)) is not known to this limber: a newer version wrote it; its events are kept and synced but not shown here until this machine's limber is updated"
                    ))
            }
            lastSeq = max(lastSeq, event.seq)
            lastHash = hash
            lastHLC = max(lastHLC, event.hlc)
            return found
        }
    }
}

/// One short line for a JSON decoding error, naming the field, never the value.
package enum DecodingErrorText {
    /// Describes a decoding error in one short line, naming the coding path but never the value.
    ///
    /// - Parameter error: An error thrown while decoding an event line.
    /// - Returns: Text such as `missing body.start`, or `not JSON` when the line is not JSON at
    ///   all.
    package static func describe(_ error: any Error) -> String {
        if let error = error as? EventLineError { return error.description }
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "not JSON" : "invalid value at \(path(context.codingPath))"
        @unknown default:
            return "invalid"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + key.stringValue
            }
        }
    }
}
