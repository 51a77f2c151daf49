/// What ``SegmentReader/scan(_:inflate:limits:)`` found in one segment file.
///
/// Valid members are in ``members``; everything else is in ``problems``. The regions of a
/// file are classified as:
/// - a valid member, returned (a member without the `LB` subfield is returned too, and also
///   reported as ``SegmentProblem/Kind/missingIndex``);
/// - a refused member: complete and matching its CRC, but its content breaks the rules
///   (``SegmentProblem/Kind/lineTooLong``, ``SegmentProblem/Kind/notJSONLines``,
///   ``SegmentProblem/Kind/countMismatch``); reported, not returned, and never part of a torn
///   tail, since a torn write cannot produce it;
/// - an invalid region (anything else): reported once, from its first byte up to the next
///   valid or refused member. If no member follows, it is the torn tail.
package struct SegmentScan: Sendable, Hashable {
    /// The valid members, in file order.
    package var members: [ScannedMember]

    /// Every problem, in file order, including the torn tail's (at ``tornTailOffset``).
    package var problems: [SegmentProblem]

    /// Where an invalid tail starts that no valid member follows: a torn write the writer
    /// may cut away (under its lock) with `ftruncate` to this offset. `nil` when the file
    /// ends with a complete member (or is empty).
    package var tornTailOffset: Int?

    /// The end of the last valid (or refused) member before any torn tail: equal to
    /// ``tornTailOffset`` when there is one, else to the file size.
    package var validEnd: Int

    /// Creates a scan result.
    ///
    /// - Parameters:
    ///   - members: The valid members, in file order.
    ///   - problems: Every problem, in file order.
    ///   - tornTailOffset: Where a torn tail starts, if any.
    ///   - validEnd: The end of the last valid member before any torn tail.
    package init(
        members: [ScannedMember], problems: [SegmentProblem], tornTailOffset: Int?,
        validEnd: Int
    ) {
        self.members = members
        self.problems = problems
        self.tornTailOffset = tornTailOffset
        self.validEnd = validEnd
    }

    /// The problems other than the torn tail: damage that must be reported, never dropped.
    package var corruption: [SegmentProblem] {
        problems.filter { $0.offset != tornTailOffset }
    }

    /// Whether the file is exactly a sequence of valid, indexed members.
    package var isClean: Bool { problems.isEmpty }
}
