import Dispatch
import Synchronization

/// Compresses chunks of a commit into gzip members on background threads, a bounded number at
/// a time (so memory stays bounded), and hands them back in order.
final class ParallelCompressor: @unchecked Sendable {
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let results = Mutex<[Int: Result<[UInt8], SegmentError>]>([:])
    private var submitted = 0
    /// The index of the next member to hand back.
    private var taken = 0
    /// The lines of each chunk submitted, in order.
    private(set) var lineCounts: [Int] = []

    /// - Parameter inFlight: How many chunks may wait or compress at once (at least 3).
    init(inFlight: Int) {
        slots = DispatchSemaphore(value: max(3, inFlight))
    }

    /// Starts compressing one chunk (waits while `inFlight` are).
    func submit(_ lines: [UInt8], firstSeq: UInt64, count: Int) {
        guard count > 0 else { return }
        let index = submitted
        submitted += 1
        lineCounts.append(count)
        slots.wait()
        DispatchQueue.global().async(group: group) { [self] in
            let result = Result { () throws(SegmentError) -> [UInt8] in
                try GzipMember.encode(payload: lines, firstSeq: firstSeq, count: UInt32(count))
            }
            results.withLock { $0[index] = result }
            slots.signal()
        }
    }

    /// The members compressed since the last call that follow the ones handed back, in order
    /// (a member still compressing holds back the ones after it).
    func takeReady() throws(JournalError) -> [[UInt8]] {
        let ready = results.withLock { pending -> [Result<[UInt8], SegmentError>] in
            var ready: [Result<[UInt8], SegmentError>] = []
            while let result = pending.removeValue(forKey: taken + ready.count) { ready.append(result) }
            return ready
        }
        taken += ready.count
        var members: [[UInt8]] = []
        members.reserveCapacity(ready.count)
        for result in ready {
            switch result {
            case .success(let member): members.append(member)
            case .failure(let error): throw JournalError(.badMetadata("cannot compress: \(error)"), path: "")
            }
        }
        return members
    }

    /// Waits for every chunk; the members not yet handed back, in order.
    func finish() throws(JournalError) -> [[UInt8]] {
        group.wait()
        let members = try takeReady()
        guard taken == submitted else {
            throw JournalError(.badMetadata("cannot compress: a member is missing"), path: "")
        }
        return members
    }
}
