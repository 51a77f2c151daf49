@testable import Reconcile
import Testing

@Suite("the chronological positions a read walks")
struct ChronoPositionsTests {
    @Test("a run is walked in either direction without being stored", arguments: [false, true])
    func run(newestFirst: Bool) {
        let walked = Array(ChronoPositions(3..<7, newestFirst: newestFirst))
        #expect(walked == (newestFirst ? [6, 5, 4, 3] : [3, 4, 5, 6]))
        #expect(Array(ChronoPositions(5..<5, newestFirst: newestFirst)).isEmpty)
    }

    @Test("an index is walked in the order asked", arguments: [false, true])
    func index(newestFirst: Bool) {
        let walked = Array(ChronoPositions([2, 9, 40], newestFirst: newestFirst))
        #expect(walked == (newestFirst ? [40, 9, 2] : [2, 9, 40]))
        #expect(Array(ChronoPositions([], newestFirst: newestFirst)).isEmpty)
    }

    @Test("a read that stops early leaves the rest unvisited")
    func stopsEarly() {
        var positions = ChronoPositions(0..<100_000, newestFirst: true)
        #expect(positions.next() == 99_999)
        #expect(positions.next() == 99_998)
    }
}
