import EventLog
import Testing
import LimberTestSupport

/// `SegmentReader.scan` must never trap, whatever the bytes: random input and mutated valid
/// segments, with a fixed seed so that a failure replays. (A libFuzzer harness can reuse
/// ``ScanFuzzTests/mutate(_:using:)`` later; nothing fuzz-related lives in `Sources`.)
@Suite("scan never traps")
struct ScanFuzzTests {
    static let iterations = 200_000

    @Test("random bytes and mutated segments keep every invariant")
    func fuzz() throws {
        var random = SplitMix64(seed: 0x11AB_E5E6_0000_0001)
        let seeds = try [
            SegmentFixture.file(counts: [3, 5, 2], size: 80).bytes,
            SegmentFixture.file(counts: [1, 1], size: 150).bytes,
            SegmentFixture.plainGzipMember(chunks: [
                SegmentFixture.payload(firstSeq: 1, count: 2, size: 40)
            ])
                + SegmentFixture.file(counts: [2], size: 40).bytes,
        ]
        // Small limits, so that mutations also reach the limit checks.
        let limits = [SegmentLimits.standard, SegmentLimits(maxMemberInflated: 300, maxLine: 100)]
        var seen = Set<SegmentProblem.Kind>()
        var membersFound = 0
        for iteration in 0..<Self.iterations {
            let input: [UInt8]
            switch iteration % 10 {
            case 0: input = Self.randomBytes(using: &random)
            case 1: input = Self.headerSoup(using: &random)
            default:
                input = Self.mutate(seeds[Int(random.next() % UInt64(seeds.count))], using: &random)
            }
            let inflate = iteration % 2 == 0
            let scan = try SegmentReader.scan(
                input, inflate: inflate, limits: limits[(iteration / 2) % limits.count])
            membersFound += scan.members.count
            for problem in scan.problems { seen.insert(problem.kind) }
            if iteration % 4 == 0 {
                // The full check allocates; sampling keeps the loop within its time budget.
                scan.checkInvariants(fileSize: input.count, inflated: inflate)
            } else {
                #expect(scan.validEnd == (scan.tornTailOffset ?? input.count))
            }
        }
        // The mutations must reach the interesting paths, or the loop proves little.
        #expect(membersFound > Self.iterations / 2)
        let expected: Set<SegmentProblem.Kind> = [
            .truncated, .badHeader, .badData, .badCRC, .badLength, .sizeMismatch, .garbage,
            .missingIndex, .memberTooLarge, .lineTooLong, .countMismatch,
        ]
        #expect(expected.subtracting(seen).isEmpty, "never reached: \(expected.subtracting(seen))")
    }

    static func randomBytes(using random: inout SplitMix64) -> [UInt8] {
        (0..<Int(random.next() % 96)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    /// Random bytes strewn with gzip magics and `LB` headers, to exercise resynchronizing.
    static func headerSoup(using random: inout SplitMix64) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int(random.next() % 6) {
            bytes += [
                0x1F, 0x8B, 8,
                UInt8(truncatingIfNeeded: random.next() % 2 == 0 ? 4 : random.next() & 0x1F), 0, 0,
                0, 0, 0, 255, 20, 0, 0x4C, 0x42, 16, 0,
            ]
            bytes.appendLittleEndian(UInt32(random.next() % 160))
            bytes += randomBytes(using: &random).prefix(Int(random.next() % 40))
        }
        return bytes
    }

    /// Applies one to four random edits: flips, overwrites, insertions, deletions, cuts,
    /// duplicated ranges and lies in the `LB` member_size.
    static func mutate(_ seed: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        func index(_ count: Int) -> Int { count == 0 ? 0 : Int(random.next() % UInt64(count)) }
        for _ in 0...index(4) {
            switch random.next() % 8 {
            case 0, 1:
                if !bytes.isEmpty {
                    bytes[index(bytes.count)] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8))
                }
            case 2:
                if !bytes.isEmpty {
                    bytes[index(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
                }
            case 3:
                bytes.insert(
                    contentsOf: randomBytes(using: &random).prefix(8), at: index(bytes.count + 1))
            case 4:
                let start = index(bytes.count + 1)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + index(16)))
            case 5:
                bytes.removeLast(index(bytes.count + 1) / 4)
            case 6:
                let start = index(bytes.count + 1)
                let range = start..<min(bytes.count, start + index(64))
                bytes.insert(contentsOf: bytes[range], at: index(bytes.count + 1))
            default:
                // A member_size lie where a member starts (offset 0 is one in every seed).
                if bytes.count >= 20 {
                    let lie =
                        random.next() % 4 == 0
                        ? UInt32(truncatingIfNeeded: random.next()) : UInt32(index(256))
                    withUnsafeBytes(of: lie.littleEndian) {
                        bytes.replaceSubrange(16..<20, with: $0)
                    }
                }
            }
        }
        return bytes
    }
}
