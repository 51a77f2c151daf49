import FoundationEssentials
import Glibc
import JournalModel

/// Where one event is stored: its segment, its member, its line in the member.
package struct EventLocation: Sendable, Hashable {
    /// The segment, relative to the journal folder.
    package var file: String
    /// Byte offset of the gzip member in the segment file.
    package var memberOffset: Int
    /// Size of the gzip member in bytes (compressed, header to trailer).
    package var memberSize: Int
    /// The line's index in the member (from 0).
    package var line: Int

    /// Creates a location.
    package init(file: String, memberOffset: Int, memberSize: Int, line: Int) {
        self.file = file
        self.memberOffset = memberOffset
        self.memberSize = memberSize
        self.line = line
    }
}

/// Reads the events of every device in a journal folder. Readers take no lock: a torn tail
/// (a member being written) is simply not there yet.
package enum LogReader {
    /// How far each segment file has been read: relative path → bytes consumed.
    package typealias Watermark = [String: Int]

    /// What a read produced.
    package struct Contents: Sendable {
        /// The events read, in file order per device (not yet in merge order).
        package var events: [Event] = []
        /// Where each event is stored (same index as `events`).
        package var locations: [EventLocation] = []
        /// The stored line of each event (only when read with `keepingLines`).
        package var lines: [ArraySlice<UInt8>] = []
        /// Damage found on the way (corruption before valid members, undecodable lines).
        package var problems: [LogProblem] = []
        /// The watermark after this read.
        package var watermark: Watermark = [:]
        /// `false` when a segment shrank or vanished since `since` (after `repair`): the caller
        /// must read everything again.
        package var continuous = true
    }

    /// The segment files of every device, as relative paths, sorted by device then seq.
    ///
    /// Links are left out, whether a device folder or a segment: nothing inside a journal is
    /// followed (``links(_:)`` names them).
    /// - Parameter ownDeviceFirst: A device whose segments come first (this machine's).
    package static func segmentPaths(
        _ layout: JournalLayout, ownDeviceFirst: String? = nil
    ) throws(JournalError) -> [String] {
        var paths: [String] = []
        var devices = try FileSystem.list(layout.devices)
        if let own = ownDeviceFirst, let index = devices.firstIndex(of: own) {
            devices.insert(devices.remove(at: index), at: 0)
        }
        for device in devices
        where FileSystem.kind(of: layout.deviceFolder(device)) == .directory {
            let folder = layout.deviceFolder(device)
            let names = try FileSystem.list(folder).compactMap { name in
                SegmentName.firstSeq(fromFileName: name).map { (name, $0) }
            }.filter { FileSystem.kind(of: folder + "/" + $0.0) == .file }.sorted { $0.1 < $1.1 }
            paths.append(contentsOf: names.map { "devices/\(device)/\($0.0)" })
        }
        return paths
    }

    /// The symbolic links under `devices/` and `local/`, relative to the journal folder: one
    /// level of `devices/` (device folders), each device folder's entries, and `local/`'s
    /// folders. None is ever followed; `verify` reports each and `repair` removes them.
    package static func links(_ layout: JournalLayout) -> [String] {
        var found: [String] = []
        for top in ["devices", "local"] where FileSystem.kind(of: layout.root + "/" + top) == .link {
            found.append(top)
        }
        for name in ["local/staging", "local/cache", "local/lock", "local/device.json"]
        where FileSystem.kind(of: layout.root + "/" + name) == .link {
            found.append(name)
        }
        for device in (try? FileSystem.list(layout.devices)) ?? [] {
            let folder = layout.deviceFolder(device)
            switch FileSystem.kind(of: folder) {
            case .link: found.append("devices/\(device)")
            case .directory:
                for name in (try? FileSystem.list(folder)) ?? []
                where FileSystem.kind(of: folder + "/" + name) == .link {
                    found.append("devices/\(device)/\(name)")
                }
            default: break
            }
        }
        return found
    }

    /// Reads every complete member past `since`. Segments are inflated and decoded in
    /// parallel (one task per segment); the result is in segment order.
    ///
    /// - Parameters:
    ///   - keepingLines: Also return each event's stored bytes (for a byte-exact
    ///   export of the log).
    ///   - ownDeviceFirst: A device whose events come first (this machine's): of two events
    ///     with one id, a fold keeps the first.
    package static func read(
        _ layout: JournalLayout, since: Watermark = [:], keepingLines: Bool = false,
        ownDeviceFirst: String? = nil
    ) throws(JournalError) -> Contents {
        var contents = Contents()
        let paths = try segmentPaths(layout, ownDeviceFirst: ownDeviceFirst)
        if since.isEmpty {
            for link in links(layout) {
                contents.problems.append(
                    LogProblem(.error, file: link, message: "a symbolic link, not read"))
            }
        }
        let present = Set(paths)
        if since.keys.contains(where: { !present.contains($0) }) { contents.continuous = false }
        var pending: [(relative: String, start: Int)] = []
        for relative in paths {
            let start = since[relative] ?? 0
            if let size = FileSystem.fileSize(layout.root + "/" + relative) {
                if size == Int64(start) {
                    contents.watermark[relative] = start
                    continue
                }
                if size < Int64(start) { contents.continuous = false }
            }
            pending.append((relative, start))
        }
        let segments = pending
        let parts = Parallel.map(segments.count) { index -> Result<Contents, JournalError> in
            let (relative, start) = segments[index]
            var part = Contents()
            // A file that cannot be read is reported, never fatal: one bad file synced in
            // from elsewhere must not stop every command.
            do throws(JournalError) {
                if let bytes = try FileSystem.readFile(
                    layout.root + "/" + relative, from: start,
                    limit: SegmentLimits.standard.maxSegmentFile)
                {
                    let end = bytes.withUnsafeBytes { raw in
                        decode(raw, offset: start, file: relative, keepingLines: keepingLines, into: &part)
                    }
                    part.watermark[relative] = start + end
                }
            } catch {
                part.problems.append(
                    LogProblem(.error, file: relative, message: "not read: \(error.summary)"))
            }
            return .success(part)
        }
        for part in parts {
            let part = try part.get()
            contents.events.append(contentsOf: part.events)
            contents.locations.append(contentsOf: part.locations)
            contents.lines.append(contentsOf: part.lines)
            contents.problems.append(contentsOf: part.problems)
            contents.watermark.merge(part.watermark) { $1 }
        }
        return contents
    }

    /// The stored lines of the member at `offset` (of `size` bytes) in a segment, or `nil`
    /// when the bytes there are not a complete, valid member.
    package static func memberLines(
        _ layout: JournalLayout, file: String, offset: Int, size: Int
    ) -> [ArraySlice<UInt8>]? {
        let path = layout.root + "/" + file
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0, size > 0, size <= SegmentLimits.standard.maxMemberInflated else {
            if descriptor >= 0 { close(descriptor) }
            return nil
        }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: size)
        let count = bytes.withUnsafeMutableBytes {
            pread(descriptor, $0.baseAddress, size, off_t(offset))
        }
        guard count == size, let scan = try? SegmentReader.scan(bytes, inflate: true),
            scan.corruption.allSatisfy({ $0.kind == .missingIndex }), scan.tornTailOffset == nil,
            scan.members.count == 1, let payload = scan.members[0].payload
        else { return nil }
        return JSONLines.split(payload)
    }

    /// Decodes the members of one segment slice; returns the end of the last valid member.
    ///
    /// Members are inflated one at a time and their payload dropped once decoded, so memory
    /// holds the events and one member, whatever the file holds.
    private static func decode(
        _ bytes: UnsafeRawBufferPointer, offset: Int, file: String, keepingLines: Bool,
        into contents: inout Contents
    ) -> Int {
        var decoded = Contents()
        let scan: SegmentScan
        do {
            scan = try SegmentReader.scan(bytes, inflate: true) { member in
                guard let payload = member.payload else { return }
                decodeMember(
                    payload, at: offset + member.offset, size: member.size, file: file,
                    keepingLines: keepingLines, into: &decoded)
            }
        } catch {
            contents.problems.append(
                LogProblem(.error, file: file, offset: offset, message: error.message))
            return 0
        }
        for problem in scan.corruption where problem.kind != .missingIndex {
            contents.problems.append(
                LogProblem(
                    .error, file: file, offset: offset + problem.offset, message: problem.detail))
        }
        contents.events.append(contentsOf: decoded.events)
        contents.locations.append(contentsOf: decoded.locations)
        contents.lines.append(contentsOf: decoded.lines)
        contents.problems.append(contentsOf: decoded.problems)
        return scan.validEnd
    }

    /// Decodes the lines of one member; lines that are not events are reported once per
    /// member (the first, and how many).
    private static func decodeMember(
        _ payload: [UInt8], at memberOffset: Int, size: Int, file: String, keepingLines: Bool,
        into contents: inout Contents
    ) {
        var bad = 0
        var firstBad: (line: Int, reason: String)?
        for (index, line) in JSONLines.split(payload).enumerated() {
            do {
                contents.events.append(try EventDecoding.decode(line))
                // A kept line must not hold on to the whole member's payload.
                if keepingLines { contents.lines.append(ArraySlice(Array(line))) }
                contents.locations.append(
                    EventLocation(
                        file: file, memberOffset: memberOffset, memberSize: size, line: index))
            } catch {
                bad += 1
                if firstBad == nil { firstBad = (index + 1, DecodingErrorText.describe(error)) }
            }
        }
        if let firstBad {
            let more = bad > 1 ? " (and \(bad - 1) more line(s) of it)" : ""
            contents.problems.append(
                LogProblem(
                    .error, file: file, offset: memberOffset,
                    message:
                        "line \(firstBad.line) of the member is not a valid event (\(firstBad.reason))\(more)"
                ))
        }
    }
}
