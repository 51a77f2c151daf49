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
    /// seq gaps and forks, the `prev` chain, event ids, clock skew, and files that are not
    /// segments.
    package static func verify(
        _ layout: JournalLayout, nowMillis: Int64 = HybridClock.wallClockMillis()
    ) throws(JournalError) -> Report {
        var report = Report()
        _ = try JournalManifest.load(layout)
        var ids: [String: String] = [:]
        let copies = (try? LogMerger.planConflictCopies(in: layout))?.devices ?? []
        let recoverable = Dictionary(
            copies.map { ($0.device, $0.events.count) }, uniquingKeysWith: +)
        for name in try FileSystem.list(layout.devices) {
            let folder = layout.deviceFolder(name)
            guard FileSystem.kind(of: folder) == .directory else {
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
            .sorted { $0.1 < $1.1 }
            for entry in entries where SegmentName.firstSeq(fromFileName: entry) == nil {
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
                guard let bytes = try FileSystem.readFile(folder + "/" + fileName) else { continue }
                let scan: SegmentScan
                do { scan = try SegmentReader.scan(bytes, inflate: true) } catch {
                    report.problems.append(
                        LogProblem(
                            .error, file: relative, offset: error.offset, message: error.message))
                    continue
                }
                for problem in scan.problems {
                    let isTail = problem.offset == scan.tornTailOffset
                    let isLast = index == segments.count - 1
                    let severity: LogProblem.Severity =
                        (isTail && isLast) || problem.kind == .missingIndex ? .warning : .error
                    var message = problem.detail
                    if isTail && isLast {
                        message +=
                            " (an interrupted write or a copy in progress; the device's next write or `limber repair` cuts it)"
                    }
                    report.problems.append(
                        LogProblem(
                            severity, file: relative, offset: problem.offset, message: message))
                }
                if let first = scan.members.first, first.isIndexed, first.firstSeq != firstSeq {
                    report.problems.append(
                        LogProblem(
                            .error, file: relative, offset: first.offset,
                            message:
                                "the file is named for seq \(firstSeq) but its first member starts at seq \(first.firstSeq)"
                        ))
                }
                for member in scan.members {
                    report.members += 1
                    guard let payload = member.payload else { continue }
                    let lines = JSONLines.split(payload)
                    if member.isIndexed, let firstLine = lines.first,
                        let event = try? EventDecoding.decode(firstLine),
                        event.seq != member.firstSeq
                    {
                        report.problems.append(
                            LogProblem(
                                .error, file: relative, offset: member.offset,
                                message:
                                    "member header says first seq \(member.firstSeq), its first event has seq \(event.seq)"
                            ))
                    }
                    for (lineIndex, line) in lines.enumerated() {
                        let place = "line \(lineIndex + 1) of the member"
                        let event: Event
                        do { event = try EventDecoding.decode(line) } catch {
                            report.problems.append(
                                LogProblem(
                                    .error, file: relative, offset: member.offset,
                                    message:
                                        "\(place) is not a valid event (\(DecodingErrorText.describe(error)))"
                                ))
                            continue
                        }
                        report.events += 1
                        let hash = line.withUnsafeBytes { Hex.chainHash($0) }
                        for message in device.check(event, hash: hash, nowMillis: nowMillis) {
                            report.problems.append(
                                LogProblem(
                                    message.0, file: relative, offset: member.offset,
                                    message: "\(place): \(message.1)"))
                        }
                        if let other = ids[event.id], other != "\(event.device)#\(event.seq)" {
                            report.problems.append(
                                LogProblem(
                                    .error, file: relative, offset: member.offset,
                                    message:
                                        "\(place): event id \(event.id) is also used by \(other)"))
                        } else {
                            ids[event.id] = "\(event.device)#\(event.seq)"
                        }
                    }
                }
            }
        }
        return report
    }

    /// The running checks of one device's chain.
    private struct DeviceCheck {
        let device: String
        let repaired: Bool
        var lastSeq: UInt64 = 0
        var lastHash = Hex.genesis
        var lastHLC = HLC.zero
        var seen: [UInt64: String] = [:]

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
                                "gap: events \(lastSeq + 1)…\(event.seq - 1) of this device are missing"
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
