import EventLog
import Glibc

/// The two journal folders of one `merge` input (``MergeInput``), laid out in a scratch folder:
/// `source/`, the other journal, with the parts' segments of devices A and B; `target/`, ours,
/// with a byte prefix of device A's segments and the parts' sync conflict copies.
///
/// Device A is the `dev` of the first event of its parts (so a real segment keeps its folder),
/// else ``fallbackA``; device B likewise. A part whose segment name is already there is
/// appended to that file.
struct MergeJournals {
    /// Why the folders could not be laid out.
    struct Failure: Error, CustomStringConvertible {
        /// What could not be written.
        var description: String
    }

    /// The journal id of both folders.
    static let journalID = "00000000-0000-7000-8000-0000000e7e60"
    /// Device A's id when its parts hold no event.
    static let fallbackA = "a0a0a0a0a0a0a0a0"
    /// Device B's id when its parts hold no event (or that of device A).
    static let fallbackB = "b0b0b0b0b0b0b0b0"
    /// Our device for ``MergeInput/OwnDevice/neither``.
    static let otherDevice = "f0f0f0f0f0f0f0f0"
    /// What a conflict copy's name adds to the original's 16 digits (Syncthing's form).
    static let conflictSuffix = ".sync-conflict-20250101-000000-FUZZ001.jsonl.gz"

    /// The scratch folder holding both journals (and nothing else).
    let root: String
    let source: JournalLayout
    let target: JournalLayout
    let deviceA: String
    let deviceB: String
    /// The device the merge is told is this machine's.
    let ownDevice: String?

    /// Lays out both journals in the empty folder `root`.
    ///
    /// - Throws: ``Failure`` when a folder or file cannot be made.
    init(_ input: MergeInput, in root: String) throws(Failure) {
        self.root = root
        source = JournalLayout(root: root + "/source")
        target = JournalLayout(root: root + "/target")
        let a = Self.device(of: input.parts, .sourceA) ?? Self.fallbackA
        var b = Self.device(of: input.parts, .sourceB) ?? Self.fallbackB
        if b == a { b = a == Self.fallbackB ? Self.fallbackA : Self.fallbackB }
        deviceA = a
        deviceB = b
        switch input.ownDevice {
        case .none: ownDevice = nil
        case .deviceA: ownDevice = a
        case .deviceB: ownDevice = b
        case .neither: ownDevice = Self.otherDevice
        }
        let manifest =
            (try? JournalManifest(journal: Self.journalID, created: "2025-01-01T00:00:00Z")
                .encoded()) ?? []
        for layout in [source, target] {
            guard ScratchTree.makeFolders(layout.devices),
                ScratchTree.write(manifest, to: layout.manifest)
            else { throw Failure(description: "cannot lay out \(layout.root), errno \(errno)") }
        }
        try writeParts(input.parts)
        try copyPrefix(members: input.prefixMembers, tornBytes: input.tornBytes)
    }

    /// The conflict copies in the target's folder of device A.
    var conflictCopies: [String] {
        (ScratchFolder.names(in: target.deviceFolder(deviceA)) ?? []).filter {
            $0.hasSuffix(Self.conflictSuffix)
        }
    }

    private func writeParts(_ parts: [MergeInput.Part]) throws(Failure) {
        var chains: [String: MergeTextChain] = [:]
        var previous: String?
        for part in parts {
            let device = part.placement == .sourceB ? deviceB : deviceA
            var bytes = part.body
            var firstSeq = Self.firstSeq(ofSegment: bytes)
            if part.isText {
                var chain = chains[device] ?? MergeTextChain()
                (bytes, firstSeq) = chain.encode(part.body, fixingChain: part.fixesChain)
                chains[device] = chain
            }
            var seq = part.nameSeq ?? firstSeq ?? 1
            if seq == 0 || seq > SegmentName.maxFirstSeq { seq = 1 }
            let name = SegmentName.fileName(firstSeq: seq)
            let path: String
            switch part.placement {
            case .sourceA, .sourceB:
                path = source.deviceFolder(device) + "/" + name
                previous = path
            case .conflictCopy:
                path =
                    target.deviceFolder(deviceA) + "/"
                    + name.prefix(SegmentName.digitCount) + Self.conflictSuffix
            case .linkToPrevious:
                let link = source.deviceFolder(deviceA) + "/" + name
                guard let previous, previous != link else { continue }
                guard ScratchTree.makeFolders(source.deviceFolder(deviceA)) else {
                    throw Failure(description: "cannot make device A's folder, errno \(errno)")
                }
                if symlink(previous, link) != 0, errno != EEXIST {
                    throw Failure(description: "cannot link a segment, errno \(errno)")
                }
                continue
            }
            // A link made by an earlier part stays one.
            if FileSystem.kind(of: path) == .link { continue }
            guard ScratchTree.makeFolders(FileSystem.parent(of: path)),
                ScratchTree.write(bytes, to: path, appending: true)
            else { throw Failure(description: "cannot write a part, errno \(errno)") }
        }
    }

    /// Copies into the target the first `members` complete members of device A's source
    /// segments (in seq order) and `tornBytes` of the next one (less than all of it): every
    /// file before that whole, that one cut.
    private func copyPrefix(members: Int, tornBytes: Int) throws(Failure) {
        let theirs = source.deviceFolder(deviceA)
        let ours = target.deviceFolder(deviceA)
        let names = (ScratchFolder.names(in: theirs) ?? []).compactMap { name in
            SegmentName.firstSeq(fromFileName: name).map { (name, $0) }
        }.sorted { $0.1 < $1.1 }.map(\.0)
        var remaining = members
        for name in names {
            guard let bytes = ScratchTree.read(theirs + "/" + name) else { continue }  // a link
            let found = (try? SegmentReader.scan(bytes, inflate: false))?.members ?? []
            let size: Int
            if remaining >= found.count {
                if found.isEmpty, remaining == 0 { break }
                size = bytes.count
                remaining -= found.count
            } else {
                let start = remaining == 0 ? found[0].offset : found[remaining - 1].end
                size = start + min(tornBytes, found[remaining].size - 1)
            }
            if size > 0 {
                guard ScratchTree.makeFolders(ours),
                    ScratchTree.write(Array(bytes.prefix(size)), to: ours + "/" + name)
                else { throw Failure(description: "cannot copy a prefix, errno \(errno)") }
            }
            if size < bytes.count { break }
        }
    }

    /// The device of the first event in the parts placed at `placement`, when it is a valid id.
    private static func device(of parts: [MergeInput.Part], _ placement: MergeInput.Placement)
        -> String?
    {
        for part in parts where part.placement == placement {
            if let event = firstEvent(part), DeviceIdentity.isValidID(event.device) {
                return event.device
            }
        }
        return nil
    }

    private static func firstEvent(_ part: MergeInput.Part) -> Event? {
        if part.isText {
            let lines = part.body.split(separator: 0x0A, omittingEmptySubsequences: true)
            guard let line = lines.first(where: { $0.first != UInt8(ascii: "#") }) else {
                return nil
            }
            return try? EventDecoding.decode(line)
        }
        guard let scan = try? SegmentReader.scan(part.body, inflate: true),
            let payload = scan.members.first?.payload, let line = JSONLines.split(payload).first
        else { return nil }
        return try? EventDecoding.decode(line)
    }

    /// The `LB` first seq of a segment's first member, when it has one.
    private static func firstSeq(ofSegment bytes: [UInt8]) -> UInt64? {
        guard let first = (try? SegmentReader.scan(bytes, inflate: false))?.members.first,
            first.isIndexed
        else { return nil }
        return first.firstSeq
    }
}
