/// A forward-only view of a JSON file that hands out whole values (a session object, the
/// `exercises` array) without parsing them, reading the file in chunks as it goes.
///
/// Only what lies between values is interpreted here: whitespace, `{ } [ ] , :` and keys.
/// Values are found by matching brackets outside strings; their bytes stay valid until the
/// next call. Lines are counted, so problems can name the line a value starts on.
struct JSONByteStream: ~Copyable {
    private var file: InputFile
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The line of the byte at `position`, 1-based.
    private(set) var line = 1
    /// The column (byte position in its line, 1-based) of the byte at `position`.
    var column: Int { position - lineStart + 1 }
    private var lineStart = 0

    /// The longest single value accepted (the 64 MiB of a whole journal's custom catalog is
    /// far beyond any real file; a session object is a few kilobytes).
    static let maximumValue = 64 << 20

    init(file: consuming InputFile) { self.file = file }

    var fileName: String { file.name }
    var fileSize: Int64 { file.size }
    var bytesRead: Int64 { file.consumed }

    /// Drops consumed bytes and reads another chunk; `false` at the end of the file.
    private mutating func refill() throws(ImportError) -> Bool {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            lineStart -= position
            position = 0
        }
        guard !atEnd else { return false }
        if try !file.read(into: &buffer) { atEnd = true }
        return !atEnd
    }

    /// The next byte that is not whitespace, not consumed; `nil` at the end.
    mutating func peek() throws(ImportError) -> UInt8? {
        while true {
            while position < buffer.count {
                let byte = buffer[position]
                switch byte {
                case 0x0A:
                    line += 1
                    position += 1
                    lineStart = position
                case 0x20, 0x09, 0x0D: position += 1
                default: return byte
                }
            }
            guard try refill() else { return nil }
        }
    }

    /// Consumes `byte` (after whitespace) or fails with `expected`.
    mutating func expect(_ byte: UInt8, _ expected: String) throws(ImportError) {
        guard try peek() == byte else { throw problem("expected \(expected)") }
        position += 1
    }

    /// Consumes `byte` (after whitespace) if it is next.
    mutating func take(_ byte: UInt8) throws(ImportError) -> Bool {
        guard try peek() == byte else { return false }
        position += 1
        return true
    }

    /// A key and its colon. Keys limber reads contain no escapes; others are returned raw.
    mutating func readKey() throws(ImportError) -> String {
        let (start, end) = try valueRange()
        guard buffer[start] == UInt8(ascii: "\"") else { throw problem("expected a key in quotes") }
        let key = String(decoding: buffer[(start + 1)..<(end - 1)], as: UTF8.self)
        try expect(UInt8(ascii: ":"), "':' after the key")
        return key
    }

    /// Calls `body` with the bytes of the next value and the line and column it starts at.
    mutating func withValue<Result>(
        _ body: (ArraySlice<UInt8>, _ line: Int, _ column: Int) throws(ImportError) -> Result
    ) throws(ImportError) -> Result {
        guard try peek() != nil else { throw problem("expected a value, found the end of the file") }
        let line = self.line
        let column = self.column
        let (start, end) = try valueRange()
        return try body(buffer[start..<end], line, column)
    }

    /// Skips the next value.
    mutating func skipValue() throws(ImportError) { _ = try valueRange() }

    /// Where a scan for the end of a value stands between chunks.
    private struct ScanState {
        var depth = 0
        var inString = false
        var escaped = false
        /// Newlines seen inside the value, and the buffer index after the last one (−1: none).
        var lines = 0
        var lastNewline = -1
    }

    /// Finds the extent of the value at `position` and moves past it.
    private mutating func valueRange() throws(ImportError) -> (Int, Int) {
        guard let first = try peek() else {
            throw problem("expected a value, found the end of the file")
        }
        // A number, true, false or null ends at the first delimiter; a string at its closing
        // quote; an object or array at its matching bracket.
        let primitive = first != UInt8(ascii: "{") && first != UInt8(ascii: "[")
            && first != UInt8(ascii: "\"")
        var index = position
        var state = ScanState()
        while true {
            let found = buffer.withUnsafeBufferPointer { bytes in
                Self.scan(bytes, index: &index, primitive: primitive, state: &state)
            }
            if let end = found {
                return primitive ? finish(position, end, 0, -1) : finish(position, end, state.lines, state.lastNewline)
            }
            guard index - position <= Self.maximumValue else {
                throw ImportError(file: file.name, .tooLarge(line: line, limit: Self.maximumValue))
            }
            // Keep the value's bytes while reading more; indices move with the buffer.
            let shift = position
            let more = try refill()
            index -= shift
            if state.lastNewline >= 0 { state.lastNewline -= shift }
            if !more {
                if primitive, index > position { return finish(position, index, 0, -1) }
                throw problem("the file ends inside a value (is it cut short?)")
            }
        }
    }

    /// Scans from `index` for the end of a value; the end (exclusive) or `nil` when the bytes
    /// run out first (`index` and `state` then say where to go on).
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, index: inout Int, primitive: Bool, state: inout ScanState
    ) -> Int? {
        let count = bytes.count
        var i = index
        defer { index = i }
        if primitive {
            while i < count {
                switch bytes[i] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09:
                    return i
                default: i += 1
                }
            }
            return nil
        }
        while i < count {
            if state.inString {
                if state.escaped {
                    state.escaped = false
                    i += 1
                    continue
                }
                // Skip the plain part of the string at once.
                while i < count {
                    let byte = bytes[i]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x0A { break }
                    i += 1
                }
                guard i < count else { return nil }
                let byte = bytes[i]
                i += 1
                if byte == UInt8(ascii: "\\") {
                    state.escaped = true
                } else if byte == 0x0A {
                    state.lines += 1
                    state.lastNewline = i
                } else {
                    state.inString = false
                    if state.depth == 0 { return i }
                }
                continue
            }
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "\""): state.inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): state.depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                state.depth -= 1
                if state.depth == 0 { return i }
            case 0x0A:
                state.lines += 1
                state.lastNewline = i
            default: break
            }
        }
        return nil
    }

    /// Moves past a value `start..<end` that held `lines` newlines, the last ending at
    /// `lastNewline` (a buffer index, −1 for none).
    private mutating func finish(_ start: Int, _ end: Int, _ lines: Int, _ lastNewline: Int) -> (Int, Int) {
        position = end
        if lines > 0, lastNewline >= 0, lastNewline <= end {
            line += lines
            lineStart = lastNewline
        }
        return (start, end)
    }

    /// A problem at the current place.
    func problem(_ message: String) -> ImportError {
        ImportError(file: file.name, .rows([ImportProblem(line: line, column: column, message: message)], total: 1))
    }
}
