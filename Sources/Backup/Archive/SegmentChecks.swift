import Dispatch
import EventLog
import Synchronization

/// Checks the segments of an archive on background threads while the archive is still read
/// (a core's worth at a time, so memory stays bounded): every member inflated, its CRC and
/// size checked, and no torn tail.
final class SegmentChecks: @unchecked Sendable {
    private let group = DispatchGroup()
    private let slots = DispatchSemaphore(value: Parallel.width)
    /// The problems found, by the segment's position in the archive; the members counted.
    private let found = Mutex<(problems: [Int: BackupError], members: Int)>(([:], 0))
    private var submitted = 0

    /// Starts checking one segment, `path` inside the archive (waits while a core's worth are
    /// being checked).
    func submit(_ segment: [UInt8], path: String) {
        let index = submitted
        submitted += 1
        slots.wait()
        DispatchQueue.global().async(group: group) { [self] in
            defer { slots.signal() }
            let outcome = Self.check(segment, path: path)
            found.withLock { found in
                switch outcome {
                case .success(let members): found.members += members
                case .failure(let problem): found.problems[index] = problem
                }
            }
        }
    }

    /// Waits for every check; the problem of the first segment (in archive order) that has one,
    /// and how many members all of them hold.
    func finish() -> (problem: BackupError?, members: Int) {
        group.wait()
        return found.withLock { found in
            (found.problems.min { $0.key < $1.key }?.value, found.members)
        }
    }

    /// The members of a segment, or what is wrong with it.
    private static func check(_ segment: [UInt8], path: String) -> Result<Int, BackupError> {
        let scan: SegmentScan
        do { scan = try SegmentReader.scan(segment, inflate: true) } catch {
            return .failure(BackupError(.malformed("\(path): \(error.message)")))
        }
        if let problem = scan.corruption.first(where: { $0.kind != .missingIndex }) {
            return .failure(BackupError(.malformed("\(path) at byte \(problem.offset): \(problem.detail)")))
        }
        if scan.tornTailOffset != nil {
            return .failure(BackupError(.malformed("\(path) ends in an incomplete member")))
        }
        return .success(scan.members.count)
    }
}
