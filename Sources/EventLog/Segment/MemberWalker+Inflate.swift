extension MemberWalker {
    /// The outcome of inflating one member's compressed data.
    enum Inflated {
        /// The data inflated cleanly; for a plain member, `consumed` says where its deflate
        /// data ended.
        case payload([UInt8], consumed: Int)
        /// The member is invalid.
        case failure(SegmentProblem.Kind, String)
    }

    /// The scratch buffer size for inflating output that is only counted, never kept.
    private static let scratchSize = 64 << 10

    /// Inflates the compressed data of a member with the `LB` subfield straight into a
    /// buffer of its declared size, and checks it against the trailer.
    ///
    /// Nothing larger than ``SegmentLimits/maxMemberInflated`` is ever allocated: a larger
    /// ISIZE, or output that overflows a smaller one, is inflated on into a small scratch
    /// buffer only to tell a decompression bomb (``SegmentProblem/Kind/memberTooLarge``)
    /// from a damaged trailer, and stops as soon as the output passes the limit.
    mutating func inflateIndexed(
        _ compressed: UnsafeRawBufferPointer, declaredSize: UInt32, declaredCRC: UInt32
    ) throws(SegmentError) -> Inflated {
        let inflater = try readyInflater()
        inflater.reset()
        let declared = Int(declaredSize)
        guard declared <= limits.memberLimit else {
            return try classifyOverflow(
                inflater, compressed, consumed: 0, produced: 0, declaredSize: declaredSize)
        }
        var progress: Inflater.Progress?
        var thrown: SegmentError?
        // One spare byte: a stream that produces more than ISIZE fills it and is caught
        // without ambiguity.
        let payload = [UInt8](unsafeUninitializedCapacity: declared + 1) { buffer, initialized in
            do throws(SegmentError) {
                let made = try inflater.run(
                    input: compressed, output: UnsafeMutableRawBufferPointer(buffer))
                progress = made
                initialized = made.produced
            } catch {
                thrown = error
                initialized = 0
            }
        }
        if let thrown { throw thrown }
        guard let progress else {
            throw SegmentError(kind: .zlib(code: 0), message: "inflate did not run")
        }
        switch progress.stop {
        case .streamEnd:
            guard progress.consumed == compressed.count else {
                return .failure(
                    .sizeMismatch,
                    "the compressed data ends \(compressed.count - progress.consumed) bytes "
                        + "before the trailer that LB member_size places")
            }
            if let failure = Self.checkTrailer(payload, crc: declaredCRC, size: declaredSize) {
                return .failure(failure.kind, failure.detail)
            }
            return .payload(payload, consumed: progress.consumed)
        case .outputFull:
            return try classifyOverflow(
                inflater, compressed, consumed: progress.consumed, produced: progress.produced,
                declaredSize: declaredSize)
        case .inputExhausted:
            return .failure(
                .sizeMismatch, "the compressed data runs past the end that LB member_size places")
        case .dataError:
            return .failure(.badData, "the compressed data is not valid deflate data")
        }
    }

    /// Inflates the rest of a member whose output does not fit its declared size into a
    /// scratch buffer, counting, to say what is wrong with it.
    private func classifyOverflow(
        _ inflater: Inflater, _ compressed: UnsafeRawBufferPointer, consumed: Int,
        produced: Int, declaredSize: UInt32
    ) throws(SegmentError) -> Inflated {
        let limit = limits.memberLimit
        var consumed = consumed
        var produced = produced
        let scratch = UnsafeMutableRawBufferPointer.allocate(
            byteCount: Self.scratchSize, alignment: 1)
        defer { scratch.deallocate() }
        while produced <= limit {
            let progress = try inflater.run(
                input: UnsafeRawBufferPointer(rebasing: compressed[consumed...]), output: scratch)
            consumed += progress.consumed
            produced += progress.produced
            if produced > limit { break }
            switch progress.stop {
            case .outputFull:
                continue
            case .streamEnd:
                if consumed != compressed.count {
                    return .failure(
                        .sizeMismatch,
                        "the compressed data ends \(compressed.count - consumed) bytes before "
                            + "the trailer that LB member_size places")
                }
                return .failure(
                    .badLength,
                    "ISIZE is \(declaredSize) but the data inflates to \(produced) bytes")
            case .inputExhausted:
                return .failure(
                    .sizeMismatch,
                    "the compressed data runs past the end that LB member_size places")
            case .dataError:
                return .failure(.badData, "the compressed data is not valid deflate data")
            }
        }
        return .failure(
            .memberTooLarge,
            "the data inflates to more than the limit of \(limit) bytes (ISIZE says "
                + "\(declaredSize)); refused as a decompression bomb")
    }

    /// Inflates a plain gzip member's deflate data into a scratch buffer, keeping nothing,
    /// to find where it ends.
    ///
    /// - Parameter compressed: From the end of the member's header to the end of the file.
    /// - Returns: `.payload([], consumed:)` with the size of the deflate data, or the reason
    ///   it is invalid; output beyond the limit stops it as a decompression bomb.
    mutating func measurePlain(_ compressed: UnsafeRawBufferPointer)
        throws(SegmentError) -> Inflated
    {
        let inflater = try readyInflater()
        inflater.reset()
        let limit = limits.memberLimit
        let scratch = UnsafeMutableRawBufferPointer.allocate(
            byteCount: Self.scratchSize, alignment: 1)
        defer { scratch.deallocate() }
        var consumed = 0
        var produced = 0
        while produced <= limit {
            let progress = try inflater.run(
                input: UnsafeRawBufferPointer(rebasing: compressed[consumed...]), output: scratch)
            consumed += progress.consumed
            produced += progress.produced
            if produced > limit { break }
            switch progress.stop {
            case .outputFull:
                continue
            case .streamEnd:
                return .payload([], consumed: consumed)
            case .inputExhausted:
                return .failure(.truncated, "the file ends inside the compressed data")
            case .dataError:
                return .failure(.badData, "the compressed data is not valid deflate data")
            }
        }
        return .failure(
            .memberTooLarge,
            "the data inflates to more than the limit of \(limit) bytes; refused as a "
                + "decompression bomb")
    }
}
