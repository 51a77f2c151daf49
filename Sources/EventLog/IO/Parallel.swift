import Dispatch
import Glibc

/// Independent pieces of work spread over every core, their results kept in order.
package enum Parallel {
    /// How many threads run at once: the cores online.
    package static let width = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// `body(0)` … `body(count - 1)` run on every core (at most one thread a core at a time);
    /// returns their results in index order. `body` gets only its index: it must share nothing
    /// it writes.
    package static func map<Result>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each iteration initializes only its own slot.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (slots.baseAddress! + index).initialize(to: body(index))
            }
            initialized = count
        }
    }

    /// Consecutive index ranges of `sizes` for work that holds each piece whole: at most
    /// ``width`` pieces a range, and no more than `budget` bytes unless one piece alone is
    /// larger. Bounds the memory of ``map(_:_:)`` over big files on a many-core machine.
    package static func batches(_ sizes: [Int64], budget: Int64) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var bytes: Int64 = 0
        for (index, size) in sizes.enumerated() {
            let full = index - start == width || (index > start && bytes + size > budget)
            if full {
                result.append(start..<index)
                start = index
                bytes = 0
            }
            bytes += max(0, size)
        }
        if start < sizes.count { result.append(start..<sizes.count) }
        return result
    }
}
