extension EventLineParser.Reader {
    /// Whether `byte` continues a number token in `JSONDecoder`'s scanner: it takes the whole
    /// run of these bytes, then checks the run.
    @inline(__always)
    static func isNumberByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "+") || byte | 0x20 == UInt8(ascii: "e")
    }

    /// An integer written as plain digits, as magnitude and sign. Anything else that looks like
    /// a number (`12.0`, `1e2`, `-`, digits overflowing 64 bits) goes to `JSONDecoder`, whose
    /// rules for those (lossless conversion through `Double`, then `Decimal`) are its own.
    @inline(__always)
    private mutating func readIntegerToken() throws(EventLineParser.Failure) -> (
        negative: Bool, magnitude: UInt64
    ) {
        let first = try peekToken()
        let negative = first == UInt8(ascii: "-")
        guard negative || first &- UInt8(ascii: "0") < 10 else { throw fail("a number") }
        let start = index
        var position = negative ? index + 1 : index
        let digitsStart = position
        var magnitude: UInt64 = 0
        var overflow = false
        while position < end {
            let digit = base[position] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            magnitude = sum
            overflow = overflow || o1 || o2
            position += 1
        }
        let digitsEnd = position
        while position < end, Self.isNumberByte(base[position]) { position += 1 }
        index = position
        if position != digitsEnd || overflow { throw .delegate }
        guard digitsEnd > digitsStart else {
            throw .invalid(offset: start, expected: "a digit after '-'")
        }
        guard base[digitsStart] != UInt8(ascii: "0") || digitsEnd - digitsStart == 1 else {
            throw .invalid(offset: digitsStart, expected: "a number without leading zeros")
        }
        return (negative, magnitude)
    }

    /// An `Int`.
    mutating func readInt() throws(EventLineParser.Failure) -> Int {
        let (negative, magnitude) = try readIntegerToken()
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { throw .delegate }
            return Int(truncatingIfNeeded: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { throw .delegate }
        return Int(magnitude)
    }

    /// An `Int` or `null`.
    @inline(__always)
    mutating func readOptionalInt() throws(EventLineParser.Failure) -> Int? {
        try readNull() ? nil : try readInt()
    }

    /// A `UInt64` (`-0` is 0, as for `JSONDecoder`).
    mutating func readUInt64() throws(EventLineParser.Failure) -> UInt64 {
        let (negative, magnitude) = try readIntegerToken()
        guard !negative || magnitude == 0 else { throw .delegate }
        return magnitude
    }

    /// A `Double` or `null`.
    @inline(__always)
    mutating func readOptionalDouble() throws(EventLineParser.Failure) -> Double? {
        try readNull() ? nil : try readDouble()
    }

    /// A `Double`: a number in RFC 8259 syntax (what `JSONDecoder` accepts: its scanner's token
    /// must also convert completely), finite, and if zero, written as `JSONDecoder` accepts a
    /// zero (see ``isTrueZero(_:count:)``).
    mutating func readDouble() throws(EventLineParser.Failure) -> Double {
        let first = try peekToken()
        let start = index
        var position = index
        let negative = first == UInt8(ascii: "-")
        if negative { position += 1 }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        // Integer part: 0, or digits not starting with 0.
        let integerStart = position
        while position < end, base[position] &- UInt8(ascii: "0") < 10 {
            Self.accumulate(
                base[position], &mantissa, &significantDigits, &exponent, fraction: false)
            position += 1
        }
        let integerDigits = position - integerStart
        guard integerDigits > 0 else {
            if position == start { throw fail("a number") }
            throw .invalid(offset: position, expected: "a digit")
        }
        guard base[integerStart] != UInt8(ascii: "0") || integerDigits == 1 else {
            throw .invalid(offset: integerStart, expected: "a number without leading zeros")
        }
        if position < end, base[position] == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            while position < end, base[position] &- UInt8(ascii: "0") < 10 {
                Self.accumulate(
                    base[position], &mantissa, &significantDigits, &exponent, fraction: true)
                position += 1
            }
            guard position > fractionStart else {
                throw .invalid(offset: position, expected: "a digit after '.'")
            }
        }
        if position < end, base[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            var negativeExponent = false
            if position < end,
                base[position] == UInt8(ascii: "-") || base[position] == UInt8(ascii: "+")
            {
                negativeExponent = base[position] == UInt8(ascii: "-")
                position += 1
            }
            let exponentStart = position
            var written = 0
            while position < end, base[position] &- UInt8(ascii: "0") < 10 {
                if written < 100_000 {
                    written = written * 10 + Int(base[position] &- UInt8(ascii: "0"))
                }
                position += 1
            }
            guard position > exponentStart else {
                throw .invalid(offset: position, expected: "a digit in the exponent")
            }
            exponent += negativeExponent ? -written : written
        }
        // The scanner's token runs on over these bytes, and then fails to convert.
        guard position >= end || !Self.isNumberByte(base[position]) else {
            throw .invalid(offset: position, expected: "the end of the number")
        }
        index = position
        let value: Double
        if significantDigits <= 19, mantissa <= 1 << 53, (-22...22).contains(exponent) {
            // Exact operands, one correctly rounded operation: the correctly rounded result,
            // as strtod gives (Clinger's fast path).
            let exact = Double(mantissa)
            value =
                exponent < 0
                ? exact / Self.powersOfTen[-exponent] : exact * Self.powersOfTen[exponent]
        } else {
            let text = String(
                decoding: UnsafeBufferPointer(start: base + start, count: position - start),
                as: UTF8.self)
            guard let parsed = Double(text) else {
                throw .invalid(offset: start, expected: "a number a Double can hold")
            }
            value = parsed.magnitude
        }
        guard value.isFinite, value != 0 || Self.isTrueZero(base + start, count: position - start)
        else {
            throw .invalid(offset: start, expected: "a number a Double can hold")
        }
        return negative ? -value : value
    }

    /// `JSONDecoder`'s test that a number which converted to 0 is not a tiny number rounded
    /// down, reproduced quirk for quirk: it looks for a digit 1–9 before an `e`, but reads
    /// 4-byte chunks forwards and the last 1–3 bytes backwards, so it rejects `0e5`, `0e1` and
    /// `0.00e1` while accepting `0e10`, `0e-5` and `0.0e5`.
    static func isTrueZero(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        @inline(__always)
        func verdict(_ byte: UInt8) -> Bool? {
            if byte &- UInt8(ascii: "1") < 9 { return false }
            if byte | 0x20 == UInt8(ascii: "e") { return true }
            return nil
        }
        var offset = 0
        while count - offset >= 4 {
            for position in offset..<(offset + 4) {
                if let result = verdict(bytes[position]) { return result }
            }
            offset += 4
        }
        var position = count - 1
        while position >= offset {
            if let result = verdict(bytes[position]) { return result }
            position -= 1
        }
        return true
    }

    @inline(__always)
    private static func accumulate(
        _ byte: UInt8, _ mantissa: inout UInt64, _ significantDigits: inout Int,
        _ exponent: inout Int, fraction: Bool
    ) {
        let digit = byte &- UInt8(ascii: "0")
        if significantDigits == 0 && digit == 0 {
            if fraction { exponent -= 1 }  // a leading zero: no significant digit yet
            return
        }
        if significantDigits < 19 {
            mantissa = mantissa &* 10 &+ UInt64(digit)
            significantDigits += 1
            if fraction { exponent -= 1 }
        } else {
            significantDigits += 1  // beyond 19 digits: the slow path parses the text
            if !fraction { exponent += 1 }
        }
    }

    /// 10⁰ … 10²², each exact in a `Double`.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
}
