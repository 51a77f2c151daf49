#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The line rules of a member's payload (DESIGN §3): one JSON object per line, each line
/// ending in `\n`, no empty line, no line longer than ``SegmentLimits/maxLine``.
///
/// Only the framing is checked here; parsing the JSON is the event layer's job.
package enum JSONLines {
    /// Splits a payload into its lines, without their `\n`.
    ///
    /// A final line without `\n` is returned as it is; empty lines are returned as empty
    /// slices. Valid members never have either.
    ///
    /// - Parameter payload: Inflated member content.
    /// - Returns: Slices of `payload`, one per line, in order.
    /// - Complexity: O(*n*) in the payload size, one `memchr` per line.
    package static func split(_ payload: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        payload.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            let count = raw.count
            var start = 0
            while start < count {
                guard let hit = memchr(base + start, 0x0A, count - start) else {
                    lines.append(payload[start..<count])
                    return
                }
                let newline = UnsafeRawPointer(hit) - base
                lines.append(payload[start..<newline])
                start = newline + 1
            }
        }
        return lines
    }

    /// The outcome of ``check(_:maxLine:)``.
    enum Check: Equatable {
        /// Every rule holds; the payload has this many lines.
        case valid(lines: Int)
        /// A rule is broken at `offset` (from the start of the payload).
        case invalid(SegmentProblem.Kind, offset: Int)
    }

    /// Checks the line rules without copying.
    ///
    /// A line longer than `maxLine` is found without scanning past `maxLine + 1` bytes of it.
    ///
    /// - Parameters:
    ///   - payload: Inflated member content.
    ///   - maxLine: The most bytes a line may hold, without its `\n`.
    /// - Returns: The line count, or the first broken rule.
    static func check(_ payload: UnsafeRawBufferPointer, maxLine: Int) -> Check {
        guard let base = payload.baseAddress, payload.count > 0 else {
            return .invalid(.notJSONLines, offset: 0)
        }
        let count = payload.count
        var start = 0
        var lines = 0
        while start < count {
            let window = min(count - start, maxLine + 1)
            guard let hit = memchr(base + start, 0x0A, window) else {
                // No newline within maxLine + 1 bytes: either the line is too long, or the
                // payload ends without one.
                return .invalid(
                    count - start > maxLine ? .lineTooLong : .notJSONLines, offset: start)
            }
            let newline = UnsafeRawPointer(hit) - base
            if newline == start { return .invalid(.notJSONLines, offset: start) }
            lines += 1
            start = newline + 1
        }
        return .valid(lines: lines)
    }
}
