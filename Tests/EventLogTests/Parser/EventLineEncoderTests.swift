import EventLog
import Foundation
import JournalModel
import Testing

/// The hand-written line encoder must store exactly the bytes `JSONEncoder` would: other
/// devices hash them for the `prev` chain and tools diff them.
@Suite("the event line encoder writes JSONEncoder's bytes")
struct EventLineEncoderTests {
    @Test("random events of every body encode byte for byte alike", arguments: [31, 32, 33, 34] as [UInt64])
    func differential(_ seed: UInt64) throws {
        var generator = ParserEventGenerator(seed: seed)
        var fastPathed = 0
        for _ in 0..<2_000 {
            let event = generator.event()
            var fast: [UInt8] = []
            guard EventLineEncoder.encode(event, into: &fast) else {
                #expect(fast.isEmpty, "a refused event leaves the output untouched")
                continue
            }
            fastPathed += 1
            let reference = Array(try JSONCoding.encoder().encode(event))
            #expect(fast == reference, "\(String(decoding: fast, as: UTF8.self))")
        }
        #expect(fastPathed > 1_000)
    }

    @Test("every control character, quote, backslash, slash and non-ASCII text")
    func strings() throws {
        var text = ""
        for scalar in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        text += "é\u{2028}\u{2029}\u{FEFF}😀/"
        let session = Session(
            id: "0f8e2f0a-0000-4000-8000-000000000000",
            start: LocalTimestamp(epochSeconds: 1_764_000_000, utcOffsetSeconds: 3600), notes: text,
            entries: [Entry(exercise: "bird-dog", notes: "\"\\", sets: [])])
        let event = Event(
            id: "e", device: "d", seq: 1, hlc: HLC(millis: 1, counter: 0), prev: "p",
            entity: session.id, parents: [], body: .sessionLogged(session))
        var fast: [UInt8] = []
        #expect(EventLineEncoder.encode(event, into: &fast))
        #expect(fast == Array(try JSONCoding.encoder().encode(event)))
    }

    @Test("doubles in every magnitude")
    func doubles() throws {
        let values: [Double] = [
            0, -0.0, 5, 12.5, 0.1, 1e-7, 2.5e-5, 1e15, 1e16, 1.2345678901234568e17, 6.80388555,
            0.30000000000000004, 1e300, 4999.999999, Double.leastNonzeroMagnitude,
        ]
        for value in values {
            let set = ExerciseSet(
                reps: 1, weight: Weight(value: value, unit: .lb), durationSeconds: value,
                distanceMeters: value, rpe: value)
            let session = Session(
                id: "0f8e2f0a-0000-4000-8000-000000000000",
                start: LocalTimestamp(epochSeconds: 0, utcOffsetSeconds: 0),
                entries: [Entry(exercise: "x", sets: [set])])
            let event = Event(
                id: "e", device: "d", seq: 1, hlc: HLC(millis: 1, counter: 0), prev: "p",
                entity: session.id, parents: ["a", "b"], body: .sessionLogged(session))
            var fast: [UInt8] = []
            #expect(EventLineEncoder.encode(event, into: &fast))
            #expect(fast == Array(try JSONCoding.encoder().encode(event)), "\(value)")
        }
    }
}
