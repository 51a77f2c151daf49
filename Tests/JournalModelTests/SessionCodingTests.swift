import FoundationEssentials
import JournalModel
import Testing

private func json(_ value: some Encodable) throws -> String {
    String(decoding: try JSONCoding.encoder().encode(value), as: UTF8.self)
}

private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONCoding.decoder().decode(type, from: Data(text.utf8))
}

private func sampleSession() throws -> Session {
    Session(
        id: "0f8e2f0a-1b2c-4d5e-8f90-123456789abc",
        start: try LocalTimestamp(rfc3339: "2026-11-24T07:30:00+01:00"),
        durationSeconds: 1500, routine: "sciatica",
        painBefore: try PainScore(validating: 6), painAfter: try PainScore(validating: 4),
        notes: nil,
        entries: [
            Entry(
                exercise: "bird-dog", side: .left, notes: nil,
                sets: [ExerciseSet(reps: 12, weight: Weight(value: 5, unit: .kg))])
        ])
}

private let sampleJSON =
    #"{"durationSeconds":1500,"entries":[{"exercise":"bird-dog","notes":null,"sets":[{"distanceMeters":null,"durationSeconds":null,"kind":"normal","reps":12,"rpe":null,"stoppedForPain":false,"weight":{"unit":"kg","value":5}}],"side":"left"}],"id":"0f8e2f0a-1b2c-4d5e-8f90-123456789abc","notes":null,"painAfter":4,"painBefore":6,"routine":"sciatica","start":"2026-11-24T07:30:00+01:00"}"#

@Test("a session encodes to the exact DESIGN §8 JSON, nulls included")
func sessionExactJSON() throws {
    #expect(try json(sampleSession()) == sampleJSON)
}

@Test("the exact JSON decodes back to the same session and re-encodes byte for byte")
func sessionRoundTrip() throws {
    let decoded = try decode(Session.self, sampleJSON)
    #expect(decoded == (try sampleSession()))
    #expect(try json(decoded) == sampleJSON)
}

@Test("an empty session writes every key with null")
func emptySessionNulls() throws {
    let session = Session(
        id: "00000000-0000-4000-8000-000000000000",
        start: LocalTimestamp(epochSeconds: 0, utcOffsetSeconds: 0))
    #expect(
        try json(session)
            == #"{"durationSeconds":null,"entries":[],"id":"00000000-0000-4000-8000-000000000000","notes":null,"painAfter":null,"painBefore":null,"routine":null,"start":"1970-01-01T00:00:00Z"}"#
    )
}

@Test("decoding tolerates missing optional keys")
func sessionMissingKeys() throws {
    let session = try decode(
        Session.self,
        #"{"id":"0f8e2f0a-1b2c-4d5e-8f90-123456789abc","start":"2026-11-24T07:30:00Z","entries":[{"exercise":"rockback","sets":[{"reps":10}]}]}"#
    )
    #expect(session.durationSeconds == nil && session.painBefore == nil && session.notes == nil)
    #expect(session.entries == [Entry(exercise: "rockback", sets: [ExerciseSet(reps: 10)])])
    #expect(session.entries[0].sets[0].kind == .normal)
    #expect(session.entries[0].sets[0].stoppedForPain == false)
}

@Test("the DESIGN §8 example session decodes")
func designExample() throws {
    let text = #"""
        {"id": "0f8e2f0a-1b2c-4d5e-8f90-123456789abc", "start": "2026-11-24T07:30:00+01:00", "durationSeconds": 1500,
           "routine": "sciatica", "painBefore": 6, "painAfter": 4, "notes": "felt ok",
           "entries": [{"exercise": "bird-dog", "side": "left", "notes": null,
             "sets": [{"kind": "normal", "reps": 12, "weight": {"value": 5, "unit": "kg"},
                       "durationSeconds": null, "distanceMeters": null, "rpe": null,
                       "stoppedForPain": false}]}]}
        """#
    let session = try decode(Session.self, text)
    var expected = try sampleSession()
    expected.notes = "felt ok"
    #expect(session == expected)
    try session.validate()
}

@Test("pain outside 0…10 in JSON is rejected")
func painOutOfRangeJSON() {
    #expect(throws: DecodingError.self) {
        try decode(
            Session.self,
            #"{"id":"0f8e2f0a-1b2c-4d5e-8f90-123456789abc","start":"2026-11-24T07:30:00Z","painBefore":11}"#
        )
    }
}

@Test("a bad start time in JSON is rejected")
func badStartJSON() {
    #expect(throws: DecodingError.self) {
        try decode(
            Session.self,
            #"{"id":"0f8e2f0a-1b2c-4d5e-8f90-123456789abc","start":"2026-02-30T07:30:00Z"}"#)
    }
}

@Test("all set fields round-trip, fractions and stopped-for-pain included")
func fullSetRoundTrip() throws {
    let set = ExerciseSet(
        kind: .drop, reps: 8, weight: Weight(value: 12.5, unit: .lb), durationSeconds: 30.5,
        distanceMeters: 400, rpe: 8.5, stoppedForPain: true)
    let text = try json(set)
    #expect(
        text
            == #"{"distanceMeters":400,"durationSeconds":30.5,"kind":"drop","reps":8,"rpe":8.5,"stoppedForPain":true,"weight":{"unit":"lb","value":12.5}}"#
    )
    #expect(try decode(ExerciseSet.self, text) == set)
}

@Test("session validation names the field and never the notes")
func sessionValidation() throws {
    var session = try sampleSession()
    session.notes = "SECRET-NOTE"
    try session.validate()
    let badID = Session(id: "NOT-A-UUID", start: session.start, notes: "SECRET-NOTE")
    let error = try #require(throws: ModelError.self) { try badID.validate() }
    #expect(error.description.contains("NOT-A-UUID"))
    #expect(!error.description.contains("SECRET") && !error.fix.contains("SECRET"))

    session.entries[0].sets[0].reps = -1
    let setError = try #require(throws: ModelError.self) { try session.validate() }
    #expect(setError.description.contains("bird-dog set 1"))
    #expect(setError.kind == .outOfRange)

    session.entries[0].sets[0].reps = 12
    session.durationSeconds = 90_000
    #expect(throws: ModelError.self) { try session.validate() }
}

@Test("new session ids are lowercase UUIDs and distinct")
func newIDs() {
    let a = Session.newID()
    let b = Session.newID()
    #expect(Session.isValidID(a) && Session.isValidID(b) && a != b)
    #expect(a == a.lowercased())
    #expect(!Session.isValidID(a.uppercased()))
    #expect(!Session.isValidID("0f8e2f0a-1b2c-4d5e-8f90-123456789ab"))
}

@Test("the encoder sorts keys and does not escape slashes")
func encoderSettings() throws {
    #expect(try json(["b": "x/y", "a": "1"]) == #"{"a":"1","b":"x/y"}"#)
}
