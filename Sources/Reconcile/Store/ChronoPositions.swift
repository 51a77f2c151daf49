/// Chronological positions in the order a read visits them: an exercise's index, or a run of
/// the chronological order, which is walked without being stored (`list --last 10` of 100k
/// sessions had built an array of all 100k).
struct ChronoPositions: Sequence, IteratorProtocol {
    private let indexes: [Int]?
    private var low: Int
    private var high: Int
    private let newestFirst: Bool

    /// The positions of an index (ascending), in the order asked.
    init(_ indexes: [Int], newestFirst: Bool) {
        self.indexes = indexes
        low = 0
        high = indexes.count
        self.newestFirst = newestFirst
    }

    /// The positions of a run, in the order asked.
    init(_ run: Range<Int>, newestFirst: Bool) {
        indexes = nil
        low = run.lowerBound
        high = run.upperBound
        self.newestFirst = newestFirst
    }

    mutating func next() -> Int? {
        guard low < high else { return nil }
        let slot: Int
        if newestFirst {
            high -= 1
            slot = high
        } else {
            slot = low
            low += 1
        }
        return indexes.map { $0[slot] } ?? slot
    }
}
