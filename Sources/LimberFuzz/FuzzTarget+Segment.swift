import EventLog

extension FuzzTarget {
    /// Limits small enough that short inputs reach the limit checks too.
    static let smallSegmentLimits = SegmentLimits(maxMemberInflated: 4096, maxLine: 256)

    /// Scans the input as a whole segment file in both modes, with both limits, and checks the
    /// invariants of ``EventLog/SegmentScan`` (those `ScanFuzzTests` checks) on each result.
    static func checkSegment(_ input: UnsafeRawBufferPointer) -> FuzzFailure? {
        let target = FuzzTarget.segment
        for limits in [SegmentLimits.standard, smallSegmentLimits] {
            let inflated: SegmentScan
            let walked: SegmentScan
            do {
                inflated = try SegmentReader.scan(input, inflate: true, limits: limits)
                walked = try SegmentReader.scan(input, inflate: false, limits: limits)
            } catch {
                // Only zlib's own failure (out of memory) may throw.
                return target.failure("scan threw \(error)")
            }
            let modes = [(inflated, true), (walked, false)]
            for (scan, inflating) in modes {
                if let problem = segmentProblem(
                    scan, fileSize: input.count, inflated: inflating, limits: limits)
                {
                    let mode = inflating ? "inflating" : "walking"
                    return target.failure(
                        "\(mode) scan, limits \(limits.maxMemberInflated)/\(limits.maxLine): "
                            + problem)
                }
            }
            // An undamaged file reads the same either way.
            if inflated.isClean {
                let expected = inflated.members.map { member in
                    var copy = member
                    copy.payload = nil
                    return copy
                }
                guard walked.isClean, walked.members == expected else {
                    return target.failure(
                        "the inflating scan is clean (\(expected.count) members) but the "
                            + "walking scan has \(walked.members.count) members and "
                            + "\(walked.problems.count) problems")
                }
            }
        }
        return nil
    }

    /// What breaks an invariant of one scan, or `nil`.
    private static func segmentProblem(
        _ scan: SegmentScan, fileSize: Int, inflated: Bool, limits: SegmentLimits
    ) -> String? {
        // Members and problems (but the notes about valid members) tile the file.
        var regions = scan.members.map { (offset: $0.offset, length: $0.size) }
        regions += scan.problems.filter { $0.kind != .missingIndex }.map {
            (offset: $0.offset, length: $0.length)
        }
        regions.sort { $0.offset < $1.offset }
        var position = 0
        for region in regions {
            guard region.offset == position else {
                return "a region starts at \(region.offset), expected \(position)"
            }
            guard region.length > 0 else { return "an empty region at \(region.offset)" }
            position = region.offset + region.length
        }
        guard position == fileSize else {
            return "the regions end at \(position), the file at \(fileSize)"
        }
        guard scan.validEnd == (scan.tornTailOffset ?? fileSize) else {
            return "validEnd \(scan.validEnd), torn tail \(String(describing: scan.tornTailOffset))"
        }
        if let torn = scan.tornTailOffset {
            guard scan.problems.last?.offset == torn else {
                return "the torn tail at \(torn) is not the last problem"
            }
            guard scan.members.allSatisfy({ $0.end <= torn }) else {
                return "a member ends past the torn tail at \(torn)"
            }
        }
        for member in scan.members {
            if let problem = memberProblem(member, inflated: inflated, limits: limits) {
                return "member at \(member.offset): " + problem
            }
        }
        return nil
    }

    /// What is wrong with one valid member, or `nil`.
    private static func memberProblem(
        _ member: ScannedMember, inflated: Bool, limits: SegmentLimits
    ) -> String? {
        guard inflated else {
            return member.isIndexed && member.payload != nil ? "a walking scan inflated it" : nil
        }
        guard let payload = member.payload else { return "an inflating scan kept no payload" }
        guard payload.count <= limits.maxMemberInflated else {
            return "the payload (\(payload.count) bytes) is over the limit"
        }
        guard payload.last == 0x0A else { return "the payload does not end with a newline" }
        let lines = member.lines
        guard lines.count == Int(member.count) else {
            return "count \(member.count), \(lines.count) lines"
        }
        for line in lines {
            guard !line.isEmpty else { return "an empty line" }
            guard line.count <= limits.maxLine else { return "a line over the limit" }
        }
        return nil
    }
}
