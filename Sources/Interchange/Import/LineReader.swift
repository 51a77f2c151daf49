/// Hands out the lines of an ``InputFile`` one by one (without `\n` or a trailing `\r`),
/// reading in chunks so memory holds one chunk and one line.
struct LineReader: ~Copyable {
    private var file: InputFile
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The number of the line last returned, 1-based.
    private(set) var lineNumber = 0
    /// The longest line accepted.
    let maximumLine: Int

    init(file: consuming InputFile, maximumLine: Int = 1 << 20) {
        self.file = file
        self.maximumLine = maximumLine
    }

    var fileName: String { file.name }
    var fileSize: Int64 { file.size }
    var bytesRead: Int64 { file.consumed }

    /// Calls `body` with the next line and its number; returns `false` at the end of the file.
    mutating func next(_ body: (_ line: ArraySlice<UInt8>, _ number: Int) throws(ImportError) -> Void) throws(ImportError) -> Bool {
        var searchFrom = position
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                guard newline - position <= maximumLine else {
                    throw ImportError(file: file.name, .tooLarge(line: lineNumber + 1, limit: maximumLine))
                }
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                lineNumber += 1
                try body(buffer[position..<end], lineNumber)
                position = newline + 1
                return true
            }
            guard buffer.count - position <= maximumLine else {
                throw ImportError(file: file.name, .tooLarge(line: lineNumber + 1, limit: maximumLine))
            }
            if atEnd {
                guard position < buffer.count else { return false }
                lineNumber += 1
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                try body(buffer[position..<end], lineNumber)
                position = buffer.count
                return true
            }
            let pending = buffer.count - position
            buffer.removeSubrange(0..<position)
            position = 0
            searchFrom = pending
            if try !file.read(into: &buffer) { atEnd = true }
        }
    }
}
