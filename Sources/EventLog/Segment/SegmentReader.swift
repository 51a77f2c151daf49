/// Reads segment files: walks their gzip members, verifies them and finds damage
/// (DESIGN §3).
package enum SegmentReader {
    /// Walks every member of a whole segment file and classifies every byte of it.
    ///
    /// With `inflate == true` every member is inflated straight into a buffer sized from its
    /// trailer's ISIZE and checked in full: deflate data, CRC32, ISIZE, `LB` member_size and
    /// count, and the JSON Lines rules and limits. This is what readers and `verify` use.
    ///
    /// With `inflate == false` members are walked by their `LB` member_size: headers, sizes
    /// and the ISIZE limit are checked, nothing is inflated and payloads are `nil`; this is
    /// what merge and the writer's open use. The one exception keeps
    /// ``SegmentScan/tornTailOffset`` as reliable as with inflating: a member that ends the
    /// file, or that is followed by something other than a gzip header, is verified in full,
    /// since only such a member can have been damaged by a torn write.
    ///
    /// A plain gzip member (without the `LB` subfield, as `cat a.gz b.gz` makes) is read in
    /// both modes by inflating it to find its end, and reported as
    /// ``SegmentProblem/Kind/missingIndex``.
    ///
    /// After an invalid region, scanning resumes at the next offset that holds a valid
    /// member: candidates are gzip headers (with the `LB` subfield, or plausible plain ones)
    /// and each is read in full before it is trusted.
    ///
    /// - Parameters:
    ///   - bytes: The whole file.
    ///   - inflate: Whether to inflate and fully verify every member.
    ///   - limits: The limits beyond which input is refused as hostile.
    /// - Returns: The valid members, the problems, and where a torn tail starts.
    /// - Throws: ``SegmentError`` with kind `.zlib` only when zlib itself fails (out of
    ///   memory); damage in the data is never thrown, it is in the result.
    /// - Complexity: O(*n*) in the file size for an undamaged file.
    ///   - visit: When given, each valid member is handed to it with its payload, which is
    ///     then dropped from the result: memory holds one inflated member at a time.
    package static func scan(
        _ bytes: UnsafeRawBufferPointer, inflate: Bool, limits: SegmentLimits = .standard,
        visit: ((ScannedMember) -> Void)? = nil
    ) throws(SegmentError) -> SegmentScan {
        var walker = MemberWalker(bytes: bytes, inflate: inflate, limits: limits)
        var members: [ScannedMember] = []
        var problems: [SegmentProblem] = []
        var tornTailOffset: Int?
        var position = 0
        var pending: MemberWalker.Outcome?
        while position < bytes.count {
            let outcome: MemberWalker.Outcome
            if let found = pending {
                outcome = found
                pending = nil
            } else {
                outcome = try walker.read(at: position)
            }
            switch outcome {
            case .valid(var member, let note):
                if let note { problems.append(note) }
                if let visit {
                    visit(member)
                    member.payload = nil
                }
                members.append(member)
                position = member.end
            case .refused(let problem, let end):
                problems.append(problem)
                position = end
            case .invalid(var problem):
                let next = try walker.resynchronize(after: position)
                let regionEnd = next?.0 ?? bytes.count
                problem.length = regionEnd - position
                problems.append(problem)
                if let next {
                    pending = next.1
                } else {
                    tornTailOffset = position
                }
                position = regionEnd
            }
        }
        return SegmentScan(
            members: members, problems: problems, tornTailOffset: tornTailOffset,
            validEnd: tornTailOffset ?? bytes.count)
    }

    /// Walks every member of a whole segment file held in an array.
    ///
    /// The same as ``scan(_:inflate:limits:)`` with the array's bytes.
    ///
    /// - Parameters:
    ///   - bytes: The whole file.
    ///   - inflate: Whether to inflate and fully verify every member.
    ///   - limits: The limits beyond which input is refused as hostile.
    /// - Returns: The valid members, the problems, and where a torn tail starts.
    /// - Throws: ``SegmentError`` with kind `.zlib` only when zlib itself fails.
    package static func scan(
        _ bytes: [UInt8], inflate: Bool, limits: SegmentLimits = .standard,
        visit: ((ScannedMember) -> Void)? = nil
    ) throws(SegmentError) -> SegmentScan {
        var result: Result<SegmentScan, SegmentError> = .success(
            SegmentScan(members: [], problems: [], tornTailOffset: nil, validEnd: 0))
        bytes.withUnsafeBytes { raw in
            do throws(SegmentError) {
                result = .success(try scan(raw, inflate: inflate, limits: limits, visit: visit))
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }
}
