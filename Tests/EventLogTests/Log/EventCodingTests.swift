import Foundation
import JournalModel
import Testing

import EventLog

@Suite("event and patch JSON")
struct EventCodingTests {
    private func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.encoder().encode(value), as: UTF8.self)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONCoding.decoder().decode(type, from: Data(text.utf8))
    }

    private static let fullPatch = SessionPatch([
        .start(LocalTimestamp(epochSeconds: 1_795_500_000, utcOffsetSeconds: -18_000)),
        .durationSeconds(1800), .routine("sciatica"), .painBefore(PainScore(rawValue: 6)),
        .painAfter(nil), .notes("felt better"),
        .entry(EntryKey(exercise: "bird-dog", side: .left),
               Entry(exercise: "bird-dog", side: .left, notes: "slow", sets: [ExerciseSet(reps: 12, stoppedForPain: true)])),
        .entry(EntryKey(exercise: "rockback", side: nil), nil),
        .entry(EntryKey(exercise: "plank", side: nil),
               Entry(exercise: "plank", sets: [ExerciseSet(durationSeconds: 45)])),
    ])

    @Test("a patch survives a JSON round trip, nulls included")
    func patchRoundTrip() throws {
        let text = try encode(Self.fullPatch)
        #expect(try decode(SessionPatch.self, text) == Self.fullPatch)
        #expect(Self.fullPatch.changes.count == 9)
        #expect(Self.fullPatch.changes.map(\.field.description) == Self.fullPatch.changes.map(\.field.description).sorted())
    }

    @Test("a patch is stored as {\"changes\": {field: value}} with null clearing a field")
    func patchStoredForm() throws {
        let patch = SessionPatch([
            .painAfter(PainScore(rawValue: 3)), .notes(nil),
            .entry(EntryKey(exercise: "bird-dog", side: .left), nil),
        ])
        #expect(try encode(patch) == #"{"changes":{"entry:bird-dog:left":null,"notes":null,"painAfter":3}}"#)
    }

    @Test("one change per field: the last one given wins")
    func patchOneChangePerField() {
        let patch = SessionPatch([.notes("a"), .painAfter(PainScore(rawValue: 1)), .notes("b")])
        #expect(patch.changes == [.notes("b"), .painAfter(PainScore(rawValue: 1))])
        #expect(SessionPatch([]).isEmpty)
    }

    @Test("fields a newer version wrote are skipped, not fatal")
    func patchSkipsUnknownFields() throws {
        let text = #"""
            {"changes":{"painAfter":4,"mood":"great","entry:bird-dog:up":{"exercise":"bird-dog"},
            "entry:":null,"entry:a:left:x":null,"bodyweight":{"value":70,"unit":"kg"}},"extra":1}
            """#
        let patch = try decode(SessionPatch.self, text)
        #expect(patch.changes == [.painAfter(PainScore(rawValue: 4))])
    }

    @Test(
        "entry keys with and without a side",
        arguments: [
            ("entry:bird-dog:left", SessionField.entry(EntryKey(exercise: "bird-dog", side: .left))),
            ("entry:bird-dog:right", .entry(EntryKey(exercise: "bird-dog", side: .right))),
            ("entry:plank:both", .entry(EntryKey(exercise: "plank", side: .both))),
            ("entry:rockback", .entry(EntryKey(exercise: "rockback", side: nil))),
            ("painAfter", .painAfter), ("durationSeconds", .durationSeconds), ("start", .start),
        ])
    func entryKeys(_ key: String, _ field: SessionField) {
        #expect(SessionField(key: key) == field)
        #expect(field.description == key)
    }

    @Test("malformed entry keys are not fields", arguments: ["entry:", "entry::left", "entry:a:b:c", "entry:a:Left", "Notes", "entry"])
    func malformedKeys(_ key: String) {
        #expect(SessionField(key: key) == nil)
    }

    @Test("an entry key names the entry's exercise and side")
    func entryKeyOfEntry() {
        #expect(EntryKey(Entry(exercise: "bird-dog", side: .right)).description == "bird-dog:right")
        #expect(EntryKey(Entry(exercise: "rockback")).description == "rockback")
    }

    static let bodies: [EventBody] = [
        .sessionLogged(LogSample.session(notes: "ok")),
        .sessionAmended(fullPatch),
        .sessionDeleted,
        .sessionRestored,
        .exerciseDefined(Exercise(
            id: "side-plank", name: "Side plank", aliases: ["sideplank"], perSide: true, measure: .hold,
            notes: "hips up",
            cautions: [Caution(condition: .herniatedDisc, severity: .caution, text: "stop if it radiates")])),
        .routineDefined(Routine(
            id: "evening", name: "Evening", source: "physio",
            items: [RoutineItem(exercise: "bird-dog", prescription: Prescription(sets: 2, repsMin: 8, repsMax: 10, perSide: true, text: "2 × 8–10"))])),
        .profileSet(Profile(conditions: [.herniatedDisc])),
        .conflictResolved(ConflictResolution(
            conflict: "0123456789abcdef", patch: SessionPatch([.painAfter(PainScore(rawValue: 3))]), deleted: false)),
    ]

    @Test("every body type survives a JSON round trip in its envelope", arguments: 0..<8)
    func eventRoundTrip(_ index: Int) throws {
        let body = Self.bodies[index]
        let event = Event(
            id: EventID.makeV7(), device: "00ff00ff00ff00ff", seq: 42, hlc: HLC(millis: 1_732_512_345_678, counter: 3),
            prev: String(repeating: "ab", count: 32), entity: "entity-1", parents: ["p1", "p2"], body: body)
        #expect(event.type == body.type)
        let text = try encode(event)
        #expect(text.contains(#""type":"\#(try #require(body.type).rawValue)""#))
        #expect(text.contains(#""hlc":"0001732512345678-0003""#))
        #expect(text.contains(#""v":1"#) && text.contains(#""dev":"00ff00ff00ff00ff""#))
        let decoded = try decode(Event.self, text)
        #expect(decoded == event)
        #expect(try encode(decoded) == text, "re-encoding is byte-stable")
    }

    @Test("an unknown type decodes as .unknown and keeps its envelope")
    func unknownType() throws {
        let text = #"""
            {"v":1,"id":"0193a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b","dev":"00ff00ff00ff00ff","seq":7,
            "hlc":"0001732512345678-0000","prev":"\#(String(repeating: "0", count: 64))",
            "type":"device.renamed","entity":"s-1","parents":["a","b"],"body":{"winner":"a","x":[1,2]}}
            """#
        let event = try decode(Event.self, text)
        #expect(event.body == .unknown)
        #expect(event.type.rawValue == "device.renamed")
        #expect(event.seq == 7 && event.parents == ["a", "b"] && event.entity == "s-1")

        let future = try decode(Event.self, text.replacingOccurrences(of: "device.renamed", with: "mood.logged"))
        #expect(future.body == .unknown)
        #expect(future.type.rawValue == "mood.logged")
    }

    @Test("missing parents decode as none")
    func missingParents() throws {
        let text = #"""
            {"v":1,"id":"x","dev":"00ff00ff00ff00ff","seq":1,"hlc":"0001732512345678-0000",
            "prev":"\#(String(repeating: "0", count: 64))","type":"session.deleted","entity":"s-1","body":{}}
            """#
        let event = try decode(Event.self, text)
        #expect(event.parents == [])
        #expect(event.body == .sessionDeleted)
    }
}
