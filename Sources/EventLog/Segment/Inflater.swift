import CZlib

/// A raw-deflate decompressor (zlib `inflate`, windowBits −15) reused across members.
///
/// zlib keeps a pointer back to its `z_stream` and checks it on every call, so the stream
/// lives at a fixed heap address for the inflater's lifetime.
final class Inflater {
    private let stream: UnsafeMutablePointer<z_stream>

    /// Creates an inflater for raw deflate data.
    ///
    /// - Throws: ``SegmentError`` with kind `.zlib` if zlib cannot allocate its state.
    init() throws(SegmentError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = czlib_inflateInit2(stream, -15)
        guard code == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw SegmentError(
                kind: .zlib(code: code), message: "zlib inflateInit2 failed (code \(code))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Starts a new deflate stream, keeping the allocated window (`inflateReset`).
    func reset() {
        // inflateReset fails only on a stream that init never set up.
        _ = inflateReset(stream)
    }

    /// Why ``run(input:output:)`` returned.
    enum Stop: Equatable {
        /// The deflate stream ended (its final block was read).
        case streamEnd
        /// `output` is full and the stream has not ended.
        case outputFull
        /// All of `input` was consumed and the stream has not ended.
        case inputExhausted
        /// The input is not valid deflate data.
        case dataError
    }

    /// The result of ``run(input:output:)``.
    struct Progress {
        var stop: Stop
        /// Bytes of `input` consumed by this call.
        var consumed: Int
        /// Bytes written to `output` by this call.
        var produced: Int
    }

    /// Inflates from `input` into `output`, continuing the current stream, until the stream
    /// ends, the output is full, the input is used up, or the data proves invalid.
    ///
    /// Uses `Z_FINISH`, so a stream that completes in one call skips zlib's window copy.
    ///
    /// - Throws: ``SegmentError`` with kind `.zlib` when zlib fails for a reason other than
    ///   the data (out of memory): that must never be mistaken for damage.
    func run(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer)
        throws(SegmentError) -> Progress
    {
        var consumed = 0
        var produced = 0
        let inBase = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let outBase = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        while true {
            // zlib counts in 32 bits: feed at most 1 GiB at a time.
            let inChunk = min(input.count - consumed, 1 << 30)
            let outChunk = min(output.count - produced, 1 << 30)
            if outChunk == 0 {
                return Progress(stop: .outputFull, consumed: consumed, produced: produced)
            }
            stream.pointee.next_in = inBase.map { UnsafeMutablePointer(mutating: $0 + consumed) }
            stream.pointee.avail_in = uInt(inChunk)
            stream.pointee.next_out = outBase.map { $0 + produced }
            stream.pointee.avail_out = uInt(outChunk)
            let code = inflate(stream, Z_FINISH)
            let usedIn = inChunk - Int(stream.pointee.avail_in)
            let usedOut = outChunk - Int(stream.pointee.avail_out)
            consumed += usedIn
            produced += usedOut
            switch code {
            case Z_STREAM_END:
                return Progress(stop: .streamEnd, consumed: consumed, produced: produced)
            case Z_OK, Z_BUF_ERROR:
                if produced == output.count {
                    return Progress(stop: .outputFull, consumed: consumed, produced: produced)
                }
                if consumed == input.count {
                    return Progress(stop: .inputExhausted, consumed: consumed, produced: produced)
                }
                if usedIn == 0 && usedOut == 0 {
                    // No progress with input and output space available: cannot happen with
                    // a sound zlib, but never spin.
                    return Progress(stop: .dataError, consumed: consumed, produced: produced)
                }
            case Z_DATA_ERROR, Z_NEED_DICT:
                return Progress(stop: .dataError, consumed: consumed, produced: produced)
            default:
                throw SegmentError(
                    kind: .zlib(code: code), message: "zlib inflate failed (code \(code))")
            }
        }
    }
}
