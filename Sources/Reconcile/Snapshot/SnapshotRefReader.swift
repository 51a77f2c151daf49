import EventLog

/// Follows a snapshot's refs into the journal's segments: the stored line each ref names.
///
/// Each member is read and split once and kept (at most 256 members at a time), so the refs of
/// many sessions into one member cost one read. A ref is only a pointer: the caller decodes the
/// line and checks it is the event it expected.
package struct SnapshotRefReader {
    /// A ref that names no complete member or no line in it: the snapshot is stale.
    package struct Mismatch: Error {}

    /// The most members kept at once.
    private static let cacheLimit = 256

    private let layout: JournalLayout
    private var members: [String: [ArraySlice<UInt8>]] = [:]

    /// A reader of refs into the segments of the journal at `layout`.
    package init(layout: JournalLayout) {
        self.layout = layout
    }

    /// The stored lines `refs` point at, in their order.
    ///
    /// - Throws: ``Mismatch`` when a ref names bytes that are not a complete, valid member, or a
    ///   line past the member's end.
    package mutating func lines(at refs: [Snapshot.Ref]) throws(Mismatch) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(refs.count)
        for ref in refs {
            let key = "\(ref.file)@\(ref.memberOffset)"
            let member: [ArraySlice<UInt8>]
            if let cached = members[key] {
                member = cached
            } else {
                guard
                    let read = LogReader.memberLines(
                        layout, file: ref.file, offset: ref.memberOffset, size: ref.memberSize)
                else { throw Mismatch() }
                if members.count >= Self.cacheLimit { members = [:] }
                members[key] = read
                member = read
            }
            guard ref.line >= 0, ref.line < member.count else { throw Mismatch() }
            lines.append(member[ref.line])
        }
        return lines
    }
}

extension EventLocation {
    /// Where a snapshot's ref says the event is stored.
    package init(_ ref: Snapshot.Ref) {
        self.init(file: ref.file, memberOffset: ref.memberOffset, memberSize: ref.memberSize, line: ref.line)
    }
}
