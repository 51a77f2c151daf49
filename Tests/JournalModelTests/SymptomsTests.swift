import FoundationEssentials
import JournalModel
import Testing

@Suite("back and leg symptoms")
struct SymptomsTests {
    @Test("the text form sets every part, in any letter case and with spaces")
    func parsing() throws {
        let symptoms = try Symptoms(
            parsing: "back=3, LEG-LEFT=5 ,leg-right=0,reach-left=Knee,reach-right=none,numbness=l,tingling=both,weakness=right",
            field: "--symptoms-before")
        #expect(
            symptoms
                == Symptoms(
                    back: PainScore(rawValue: 3), legLeft: PainScore(rawValue: 5), legRight: PainScore(rawValue: 0),
                    reachLeft: .knee, reachRight: PainReach.none, numbness: .left, tingling: .both, weakness: .right))
        #expect(symptoms.text == "back=3,leg-left=5,leg-right=0,reach-left=knee,reach-right=none,numbness=left,tingling=both,weakness=right")
        #expect(try Symptoms(parsing: symptoms.text, field: "x") == symptoms, "the text form reads back")
        #expect(symptoms.summary == "back 3, left leg 5 to the knee, right leg 0, numbness left, tingling both, weakness right")
    }

    @Test(
        "a wrong value names the option and the key, and says what is allowed",
        arguments: [
            ("reach-left=toes", "--symptoms-before reach-left: \"toes\" is not how far down the leg pain reaches", "use one of none, buttock, thigh, knee, calf, foot"),
            ("back=11", "--symptoms-before back: pain must be a whole number from 0 to 10, got \"11\"", "use 0 (no pain) … 10 (worst imaginable)"),
            ("leg-left=-1", "--symptoms-before leg-left: pain must be a whole number from 0 to 10, got \"-1\"", "use 0 (no pain) … 10 (worst imaginable)"),
            ("tingling=up", "--symptoms-before tingling: \"up\" is not a leg", "use left, right, both or none"),
            ("bak=3", "--symptoms-before: \"bak\" is not a symptom", "use back, leg-left, leg-right, reach-left, reach-right, numbness, tingling, weakness"),
            ("back=3,back=4", "--symptoms-before: back is given twice", "give each symptom once"),
            ("back", "--symptoms-before: \"back\" is not key=value", "write symptoms as back=3,leg-left=5,reach-left=knee,tingling=left"),
            ("back=3,", "--symptoms-before: \"\" is not key=value", "write symptoms as back=3,leg-left=5,reach-left=knee,tingling=left"),
            (" ", "--symptoms-before is empty", "write symptoms as back=3,leg-left=5,reach-left=knee,tingling=left"),
        ])
    func refused(_ text: String, _ message: String, _ hint: String) throws {
        let error = try #require(throws: ModelError.self) { try Symptoms(parsing: text, field: "--symptoms-before") }
        #expect(error.description == message)
        #expect(error.fix == hint)
    }

    @Test("apply changes only the keys given")
    func apply() throws {
        var symptoms = try Symptoms(parsing: "back=4,leg-left=6,reach-left=calf,tingling=left", field: "x")
        try symptoms.apply("leg-left=3,reach-left=thigh,tingling=none", field: "x")
        #expect(symptoms == Symptoms(back: PainScore(rawValue: 4), legLeft: PainScore(rawValue: 3), reachLeft: .thigh))
    }

    @Test("the reach is ordered down the leg")
    func reachOrder() {
        #expect(PainReach.allCases.map(\.depth) == Array(0...5))
        #expect(PainReach.none < .buttock && .knee < .calf && .calf < .foot)
    }

    @Test("JSON writes every key; decoding refuses a reach beyond the foot, pain 11 and unknown legs")
    func coding() throws {
        let symptoms = Symptoms(back: PainScore(rawValue: 2), reachLeft: .knee, tingling: .both)
        let json = String(decoding: try JSONCoding.encoder().encode(symptoms), as: UTF8.self)
        #expect(json == #"{"back":2,"legLeft":null,"legRight":null,"numbness":[],"reachLeft":"knee","reachRight":null,"tingling":["left","right"],"weakness":[]}"#)
        #expect(try JSONDecoder().decode(Symptoms.self, from: Data(json.utf8)) == symptoms)
        #expect(try JSONDecoder().decode(Symptoms.self, from: Data("{}".utf8)) == Symptoms())
        for bad in [#"{"reachLeft":"toes"}"#, #"{"back":11}"#, #"{"tingling":["both"]}"#, #"{"numbness":"left"}"#] {
            #expect(throws: DecodingError.self, "\(bad)") { try JSONDecoder().decode(Symptoms.self, from: Data(bad.utf8)) }
        }
    }

    @Test("a session without symptoms encodes as it always did; with them, both keys round trip")
    func sessionCoding() throws {
        let plain = Session(id: "0f8e2f0a-0000-4000-8000-000000000000", start: LocalTimestamp(epochSeconds: 0, utcOffsetSeconds: 0))
        let plainJSON = String(decoding: try JSONCoding.encoder().encode(plain), as: UTF8.self)
        #expect(!plainJSON.contains("symptoms"))
        var logged = plain
        logged.symptomsBefore = Symptoms(back: PainScore(rawValue: 5))
        logged.symptomsAfter = Symptoms(legRight: PainScore(rawValue: 1), reachRight: .thigh)
        let data = try JSONCoding.encoder().encode(logged)
        #expect(try JSONDecoder().decode(Session.self, from: data) == logged)
    }
}
