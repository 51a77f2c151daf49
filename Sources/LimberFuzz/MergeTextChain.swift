import EventLog

/// The running state of one device's text members: the seq after the last and the hash of its
/// last line, so that a text body can continue the chain.
struct MergeTextChain {
    var nextSeq: UInt64 = 1
    var lastHash = Hex.genesis

    /// The segment bytes of a text body: each member compressed with `GzipMember.encode` (a
    /// member the encoder refuses is left out), and the first seq of the first member.
    mutating func encode(_ body: [UInt8], fixingChain: Bool) -> (bytes: [UInt8], firstSeq: UInt64?) {
        var bytes: [UInt8] = []
        var firstSeq: UInt64?
        for memberText in Self.members(body) {
            var lines = memberText.split(separator: 0x0A, omittingEmptySubsequences: true).map(Array.init)
            var first: UInt64?
            var count: UInt32?
            if let directive = lines.first, directive.first == UInt8(ascii: "#") {
                lines.removeFirst()
                let fields = directive.dropFirst().split(separator: UInt8(ascii: ","))
                first = fields.first.flatMap { UInt64(String(decoding: $0, as: UTF8.self)) }
                count = fields.dropFirst().first.flatMap { UInt32(String(decoding: $0, as: UTF8.self)) }
            }
            guard !lines.isEmpty else { continue }
            var payload: [UInt8] = []
            var hash = lastHash
            for var line in lines {
                if fixingChain { Self.replacePrev(in: &line, with: hash) }
                hash = Hex.chainHash(line)
                payload += line
                payload.append(0x0A)
            }
            let seq = first ?? (try? EventDecoding.decode(ArraySlice(lines[0])))?.seq ?? nextSeq
            let events = count ?? UInt32(truncatingIfNeeded: lines.count)
            guard let member = try? GzipMember.encode(payload: payload, firstSeq: seq, count: events)
            else { continue }
            bytes += member
            if firstSeq == nil { firstSeq = seq }
            nextSeq = seq &+ UInt64(events)
            lastHash = hash
        }
        return (bytes, firstSeq)
    }

    /// The member texts of a body: the runs of lines between empty lines.
    private static func members(_ body: [UInt8]) -> [ArraySlice<UInt8>] {
        var members: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index + 1 < body.count {
            if body[index] == 0x0A, body[index + 1] == 0x0A {
                members.append(body[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        members.append(body[start..<body.count])
        return members
    }

    /// Replaces the value of the first `"prev":"…"` of `line` with `hash`.
    private static func replacePrev(in line: inout [UInt8], with hash: String) {
        let key = Array("\"prev\":\"".utf8)
        guard line.count >= key.count else { return }
        for start in 0...(line.count - key.count) where line[start..<(start + key.count)].elementsEqual(key) {
            let valueStart = start + key.count
            guard let end = line[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return }
            line.replaceSubrange(valueStart..<end, with: Array(hash.utf8))
            return
        }
    }
}
