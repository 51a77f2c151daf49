import Testing

import EventLog

@Suite("event ids")
struct EventIDTests {
    /// The hex digits of a canonical UUID without dashes.
    private func hex(_ id: String) -> [Character] { Array(id.filter { $0 != "-" }) }

    @Test("v7 ids carry the milliseconds, version 7 and the RFC 9562 variant")
    func version7() {
        let millis: Int64 = 1_732_512_345_678
        let timeHex = String(millis, radix: 16)
        let timeDigits = String(repeating: "0", count: 12 - timeHex.count) + timeHex
        var seen: Set<String> = []
        for _ in 0..<200 {
            let id = EventID.makeV7(millis: millis)
            #expect(EventID.isCanonical(id), "\(id)")
            let digits = hex(id)
            #expect(String(digits[0..<12]) == timeDigits, "\(id) starts with the time")
            #expect(digits[12] == "7", "\(id) is version 7")
            #expect("89ab".contains(digits[16]), "\(id) has the RFC 9562 variant")
            seen.insert(id)
        }
        #expect(seen.count == 200, "v7 ids of the same millisecond still differ")
        #expect(EventID.makeV7(millis: millis) < EventID.makeV7(millis: millis + 1), "v7 ids sort by time")
    }

    @Test("random ids are version 4 with the RFC 9562 variant, and differ")
    func version4() {
        var seen: Set<String> = []
        var firstDigits: Set<Character> = []
        for _ in 0..<500 {
            let id = EventID.makeRandom()
            #expect(EventID.isCanonical(id), "\(id)")
            let digits = hex(id)
            #expect(digits[12] == "4", "\(id) is version 4")
            #expect("89ab".contains(digits[16]), "\(id) has the RFC 9562 variant")
            seen.insert(id)
            firstDigits.insert(digits[0])
        }
        #expect(seen.count == 500)
        #expect(firstDigits.count == 16, "the leading digit is random, so short prefixes are unique")
    }

    @Test("name-based ids are stable, distinct and version 5")
    func nameBased() {
        let a = EventID.makeNameBased("strong:row-1")
        #expect(a == EventID.makeNameBased("strong:row-1"))
        #expect(a != EventID.makeNameBased("strong:row-2"))
        #expect(a != EventID.makeNameBased("Strong:row-1"))
        #expect(EventID.isCanonical(a))
        #expect(hex(a)[12] == "5")
        #expect("89ab".contains(hex(a)[16]))
        // The namespace is fixed forever: two machines, or two versions, must agree.
        #expect(a == "e1e2d466-9503-5208-8b36-15bc6f9aa15b")
        #expect(EventID.makeNameBased("") == "f217a8f7-7134-5100-a86a-6c96abc0f85c")
    }

    @Test(
        "isCanonical accepts only lowercase 8-4-4-4-12 hex",
        arguments: [
            ("0193a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b", true),
            ("00000000-0000-0000-0000-000000000000", true),
            ("0193A1B2-3C4D-7E5F-8A6B-7C8D9E0F1A2B", false),
            ("0193a1b23c4d7e5f8a6b7c8d9e0f1a2b", false),
            ("0193a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2", false),
            ("0193a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b0", false),
            ("0193a1b2-3c4d-7e5f-8a6b_7c8d9e0f1a2b", false),
            ("0193a1b23-c4d-7e5f-8a6b-7c8d9e0f1a2b", false),
            ("g193a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b", false),
            ("", false),
        ])
    func canonical(_ text: String, _ expected: Bool) {
        #expect(EventID.isCanonical(text) == expected)
    }
}
