import Testing

@testable import EventLog

@Suite("work spread over the cores")
struct ParallelTests {
    @Test("map keeps results in index order")
    func ordered() {
        #expect(Parallel.map(1000) { $0 * 3 } == (0..<1000).map { $0 * 3 })
        #expect(Parallel.map(0) { $0 }.isEmpty)
        #expect(Parallel.map(1) { $0 + 7 } == [7])
    }

    @Test(
        "batches cover every index once, in order, with at most a core's worth and the budget",
        arguments: [
            [Int64](repeating: 1, count: 50), [100, 100, 100, 100], [10, 500, 10, 10, 10],
            [], [999], [0, 0, 0, 150, 0, 150, 151],
        ])
    func batches(_ sizes: [Int64]) {
        let budget: Int64 = 150
        let batches = Parallel.batches(sizes, budget: budget)
        #expect(batches.flatMap { Array($0) } == Array(sizes.indices))
        for batch in batches {
            #expect(!batch.isEmpty && batch.count <= Parallel.width)
            let bytes = batch.reduce(Int64(0)) { $0 + sizes[$1] }
            #expect(bytes <= budget || batch.count == 1, "\(batch): \(bytes) bytes")
        }
    }
}
