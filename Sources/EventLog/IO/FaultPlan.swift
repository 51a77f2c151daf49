import Glibc
import Synchronization

/// Makes one chosen system call of ``Syscall`` fail, for fault-injection tests (debug builds).
///
/// The plan comes from the environment variable `LIMBER_FAULT`, read once:
/// `OP:N:ERROR`, where `OP` is `open`, `write`, `fsync`, `rename`, `link`, `mkdir` or
/// `truncate`, `N` counts the calls of that kind in the process from 1, and `ERROR` is
/// `ENOSPC`, `EIO`, `EDQUOT`, `EACCES` or, for `write`, `short` (the call writes half its bytes;
/// every later write fails with `ENOSPC`, as on a full disk). Only the N-th call fails (a
/// `short` write excepted). In a release build the plan is never read and nothing fails.
package enum FaultPlan {
    /// A kind of system call that can be made to fail.
    package enum Operation: String, Sendable, CaseIterable {
        case open, write, fsync, rename, link, mkdir, truncate
    }

    /// What to do with one `write`.
    enum WriteFault {
        case none
        case fail(Int32)
        case short
    }

    private struct Plan {
        var operation: Operation
        var call: Int
        var error: Int32?
        var counts: [Operation: Int] = [:]
        var diskFull = false
    }

    #if DEBUG
    private static let plan = Mutex<Plan?>(parse(getenv("LIMBER_FAULT").map { String(cString: $0) }))
    #endif

    /// The `errno` the current call of `operation` must fail with, or `nil`.
    static func failure(of operation: Operation) -> Int32? {
        #if DEBUG
        return plan.withLock { plan -> Int32? in
            guard plan != nil, plan!.operation == operation else { return nil }
            plan!.counts[operation, default: 0] += 1
            guard plan!.counts[operation] == plan!.call else { return nil }
            return plan!.error ?? ENOSPC
        }
        #else
        return nil
        #endif
    }

    /// What the current `write` must do.
    static func writeFault() -> WriteFault {
        #if DEBUG
        return plan.withLock { plan -> WriteFault in
            guard plan != nil, plan!.operation == .write else { return .none }
            if plan!.diskFull { return .fail(ENOSPC) }
            plan!.counts[.write, default: 0] += 1
            guard plan!.counts[.write] == plan!.call else { return .none }
            guard let error = plan!.error else {
                plan!.diskFull = true
                return .short
            }
            return .fail(error)
        }
        #else
        return .none
        #endif
    }

    /// Reads `OP:N:ERROR`; `nil` (no fault) for anything else.
    private static func parse(_ text: String?) -> Plan? {
        guard let parts = text?.split(separator: ":"), parts.count == 3,
            let operation = Operation(rawValue: String(parts[0])), let call = Int(parts[1]), call > 0
        else { return nil }
        let errors: [String: Int32] = [
            "ENOSPC": ENOSPC, "EIO": EIO, "EDQUOT": EDQUOT, "EACCES": EACCES,
        ]
        if parts[2] == "short", operation == .write {
            return Plan(operation: operation, call: call, error: nil)
        }
        guard let code = errors[String(parts[2])] else { return nil }
        return Plan(operation: operation, call: call, error: code)
    }
}
