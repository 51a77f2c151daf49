/// One input of the `merge` target, read as two option bytes and parts that become segment
/// files (see ``MergeJournals`` for how they are laid out):
///
/// ```
/// input  = options prefix part ("\n--8<--\n" part)*
/// options  bits 0-1 our device: 0 none, 1 device A, 2 device B, 3 a device of neither;
///          bit 2 apply with `replacingFiles`
/// prefix   high nibble: complete members of device A the target already holds;
///          low nibble × 16: bytes of the next member it holds too (a torn tail)
/// part   = header body
/// header   bits 0-1 where: 0 device A, 1 device B (of the source journal), 2 a sync
///          conflict copy of device A's segment in the target, 3 a symbolic link in the
///          source's device A folder to the file the previous part went to;
///          bit 2 the body is text: JSON lines the target compresses into members itself;
///          bit 3 (text) rewrite each line's `"prev":"…"` to the hash of the line before;
///          bit 4 name the segment `(header >> 5) + 1` instead of by its first member's seq
/// ```
///
/// A text body holds members separated by an empty line; a member may start with a line
/// `#FIRST` or `#FIRST,COUNT` that sets its `LB` header's first seq and count (by default the
/// seq of its first line when that decodes, else the seq after the previous member's, and its
/// number of lines). Text gets the fuzzer past the CRCs and, with bit 3, past the hash chain,
/// to the planner's seq and chain logic; a raw body (a real segment, as the seeds hold)
/// reaches the segment reader's damage handling.
struct MergeInput {
    /// What separates two parts.
    static let separator: [UInt8] = Array("\n--8<--\n".utf8)

    /// Which device the merge is told is this machine's.
    enum OwnDevice { case none, deviceA, deviceB, neither }

    /// Where a part goes.
    enum Placement { case sourceA, sourceB, conflictCopy, linkToPrevious }

    /// One part: a segment file's bytes (or text to encode into them) and where they go.
    struct Part {
        var placement: Placement
        var isText: Bool
        var fixesChain: Bool
        /// The segment name's seq when the header sets it.
        var nameSeq: UInt64?
        var body: [UInt8]
    }

    var ownDevice: OwnDevice
    var replacingFiles: Bool
    /// Complete members of device A (in the source, in segment order) the target holds.
    var prefixMembers: Int
    /// Bytes of the member after those that the target holds too.
    var tornBytes: Int
    var parts: [Part]

    /// Reads an input; `nil` when it is shorter than the two option bytes.
    init?(_ input: UnsafeRawBufferPointer) {
        guard input.count >= 2 else { return nil }
        let bytes = [UInt8](input)
        ownDevice = [.none, .deviceA, .deviceB, .neither][Int(bytes[0] & 3)]
        replacingFiles = bytes[0] & 4 != 0
        prefixMembers = Int(bytes[1] >> 4)
        tornBytes = Int(bytes[1] & 0x0F) * 16
        parts = Self.split(bytes[2...]).compactMap { chunk in
            guard let header = chunk.first else { return nil }
            return Part(
                placement: [.sourceA, .sourceB, .conflictCopy, .linkToPrevious][Int(header & 3)],
                isText: header & 4 != 0, fixesChain: header & 8 != 0,
                nameSeq: header & 16 != 0 ? UInt64(header >> 5) + 1 : nil,
                body: Array(chunk.dropFirst()))
        }
    }

    /// The chunks of `bytes` between separators.
    private static func split(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var chunks: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        let count = separator.count
        while index + count <= bytes.endIndex {
            if bytes[index..<(index + count)].elementsEqual(separator) {
                chunks.append(bytes[start..<index])
                index += count
                start = index
            } else {
                index += 1
            }
        }
        chunks.append(bytes[start..<bytes.endIndex])
        return chunks
    }
}
