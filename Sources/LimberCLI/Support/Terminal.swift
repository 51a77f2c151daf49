import Glibc
import Limber

/// Writing to the terminal: results on stdout, everything else on stderr.
enum Terminal {
    /// `true` when stdin and stdout are a terminal (prompts make sense).
    static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// `true` when stderr is a terminal (colors, progress).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// The width to lay text out in: `COLUMNS` when set to a number, else the terminal's width
    /// when stdout is one, else 80.
    static var width: Int {
        if let text = getenv("COLUMNS").map({ String(cString: $0) }), let columns = Int(text), columns > 0 {
            return columns
        }
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    static func write(_ text: String) { put(text + "\n", to: 1) }

    static func writeError(_ text: String) { put(text + "\n", to: 2) }

    /// Writes all of `text` to a file descriptor (unbuffered: prompts show at once).
    static func put(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                let rest = UnsafeRawBufferPointer(rebasing: raw[written...])
                return Glibc.write(descriptor, rest.baseAddress, rest.count)
            }
            if result < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe: nothing more to say
            }
            written += result
        }
    }

    /// `limber: <what went wrong>` then `hint: <how to fix it>`.
    static func report(_ error: any UserFacingError) {
        writeError("limber: error: \(error.description)")
        // An import lists every bad line (the first is in the description).
        if let importError = error as? ImportError {
            for line in importError.details.dropFirst() { writeError(line) }
        }
        if let hint = error.hint { writeError("hint: \(hint)") }
    }

    /// Notices go to stderr so that stdout stays machine-readable.
    static func show(_ notices: [Notice]) {
        for notice in notices {
            switch notice.kind {
            case .caution: writeError("limber: \(notice.message)")
            case .info: writeError("limber: note: \(notice.message)")
            case .damage: writeError("limber: damage: \(notice.message)")
            }
        }
    }

    /// Reads one answer from stdin after printing `prompt`; `nil` at end of input (Ctrl-D on
    /// an empty line). See ``TerminalInput``.
    static func ask(_ prompt: String) -> String? {
        put(prompt, to: 1)
        return TerminalInput.standard.line()?.trimmingSpaces
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
