#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EventLineParser {
    /// A cursor over one line. Every read checks `index < end` first: the bytes come from
    /// other devices and may be anything.
    struct Reader {
        let base: UnsafePointer<UInt8>
        let end: Int
        var index: Int
        /// Open arrays and objects around `index`, bounded like `JSONDecoder`'s (512).
        var depth = 0
        /// Room for one unescaped string, allocated on the first escape.
        var scratch: UnsafeMutablePointer<UInt8>?

        static let maximumDepth = 512

        init(base: UnsafePointer<UInt8>, start: Int, end: Int) {
            self.base = base
            self.index = start
            self.end = end
        }

        mutating func releaseScratch() {
            scratch?.deallocate()
            scratch = nil
        }

        @inline(__always)
        func fail(_ expected: StaticString) -> Failure {
            .invalid(offset: index, expected: expected)
        }

        // MARK: - Structure

        @inline(__always)
        mutating func skipWhitespace() {
            while index < end {
                let byte = base[index]
                guard byte <= 0x20, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
                else { return }
                index += 1
            }
        }

        /// The next byte after whitespace, not consumed.
        @inline(__always)
        mutating func peekToken() throws(Failure) -> UInt8 {
            skipWhitespace()
            guard index < end else { throw fail("more input") }
            return base[index]
        }

        /// Consumes the `{` or `[` at `index`.
        @inline(__always)
        private mutating func open() throws(Failure) {
            guard depth < Self.maximumDepth else { throw fail("at most 512 levels of nesting") }
            depth += 1
            index += 1
        }

        /// Consumes the `{` at `index`; `false` for an empty object.
        @inline(__always)
        mutating func beginObject() throws(Failure) -> Bool {
            try open()
            guard try peekToken() != UInt8(ascii: "}") else {
                index += 1
                depth -= 1
                return false
            }
            return true
        }

        /// After a member: consumes `,` or `}` (a trailing comma is allowed, as `JSONDecoder`
        /// allows it); `true` when another member follows.
        @inline(__always)
        mutating func nextMember() throws(Failure) -> Bool {
            try next(closer: UInt8(ascii: "}"))
        }

        /// Consumes the `[` at `index`; `false` for an empty array.
        @inline(__always)
        mutating func beginArray() throws(Failure) -> Bool {
            try open()
            guard try peekToken() != UInt8(ascii: "]") else {
                index += 1
                depth -= 1
                return false
            }
            return true
        }

        /// After an element: consumes `,` or `]`; `true` when another element follows.
        @inline(__always)
        mutating func nextElement() throws(Failure) -> Bool {
            try next(closer: UInt8(ascii: "]"))
        }

        @inline(__always)
        private mutating func next(closer: UInt8) throws(Failure) -> Bool {
            let byte = try peekToken()
            if byte == UInt8(ascii: ",") {
                index += 1
                guard try peekToken() == closer else { return true }
            } else if byte != closer {
                throw fail("',' or a closing bracket")
            }
            index += 1
            depth -= 1
            return false
        }

        @inline(__always)
        mutating func expectColon() throws(Failure) {
            guard try peekToken() == UInt8(ascii: ":") else { throw fail("':'") }
            index += 1
        }

        /// Consumes `null` if it comes next.
        @inline(__always)
        mutating func readNull() throws(Failure) -> Bool {
            guard try peekToken() == UInt8(ascii: "n") else { return false }
            try expectLiteral("null")
            return true
        }

        /// Consumes `true` or `false`.
        mutating func readBool() throws(Failure) -> Bool {
            switch try peekToken() {
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                return true
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                return false
            default: throw fail("true or false")
            }
        }

        @inline(__always)
        mutating func expectLiteral(_ literal: StaticString) throws(Failure) {
            guard hasPrefix(literal) else { throw fail("true, false or null") }
            index += literal.utf8CodeUnitCount
        }

        /// Whether the bytes at `index` are `literal`, compared a word at a time. (`literal` is
        /// always a multi-character string literal here: pointer representation.)
        @inline(__always)
        func hasPrefix(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard end - index >= count else { return false }
            let here = UnsafeRawPointer(base + index)
            let there = UnsafeRawPointer(literal.utf8Start)
            if count >= 8 {
                var offset = 0
                while offset < count - 8 {
                    guard
                        here.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                            == there.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    else { return false }
                    offset += 8
                }
                return here.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                    == there.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            }
            if count >= 4 {
                return here.loadUnaligned(as: UInt32.self) == there.loadUnaligned(as: UInt32.self)
                    && here.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                        == there.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            }
            return memcmp(here, there, count) == 0
        }

        /// Consumes `quoted` (a key or value with its quotes, no escapes) if it comes next. A
        /// literal match is an exact match of the decoded string: writers sort keys, so
        /// guessing the next key saves scanning and comparing it.
        @inline(__always)
        mutating func take(_ quoted: StaticString) -> Bool {
            guard hasPrefix(quoted) else { return false }
            index += quoted.utf8CodeUnitCount
            return true
        }

        /// Whether `bytes` spell `literal` (any literal representation).
        @inline(__always)
        static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { name in
                bytes.count == name.count
                    && (name.isEmpty
                        || memcmp(
                            bytes.baseAddress.unsafelyUnwrapped,
                            name.baseAddress.unsafelyUnwrapped, name.count) == 0)
            }
        }
    }
}
