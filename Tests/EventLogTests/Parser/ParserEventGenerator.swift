import EventLog
import Foundation
import JournalModel
import LimberTestSupport

/// Random events of every body type, with awkward strings and numbers, for differential tests.
struct ParserEventGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// One event encoded as `JSONCoding.encoder()` stores it (without the newline).
    mutating func line() -> [UInt8] {
        // Encoding cannot fail for these values.
        (try? JSONCoding.encoder().encode(event())).map { Array($0) } ?? []
    }

    mutating func event() -> Event {
        let body: EventBody
        var type: EventType?
        switch random.int(0...19) {
        case 0...11: body = .sessionLogged(session())
        case 12...14: body = .sessionAmended(patch())
        case 15: body = random.chance(0.5) ? .sessionDeleted : .sessionRestored
        case 16: body = .exerciseDefined(exercise())
        case 17: body = .routineDefined(routine())
        case 18:
            body = .profileSet(
                Profile(conditions: [Condition(rawValue: "herniated-disc")].compactMap { $0 }))
        default:
            body = .unknown
            type = EventType(
                rawValue: random.pick(["conflict.resolved", "session.merged", "", "x"]))
        }
        return Event(
            id: uuid(), device: random.chance(0.8) ? hexID() : text(), seq: seq(), hlc: hlc(),
            prev: random.chance(0.9) ? String(repeating: "0", count: 64) : text(), entity: uuid(),
            parents: (0..<random.pick([0, 0, 0, 1, 2])).map { _ in uuid() }, body: body, type: type)
    }

    mutating func session() -> Session {
        Session(
            id: uuid(), start: timestamp(), durationSeconds: (maybe() ? int() : nil),
            routine: (maybe() ? text() : nil), painBefore: (maybe() ? pain() : nil),
            painAfter: (maybe() ? pain() : nil), notes: (maybe() ? text() : nil),
            entries: (0..<random.int(0...4)).map { _ in entry() },
            symptomsBefore: (maybe() ? symptoms() : nil), symptomsAfter: (maybe() ? symptoms() : nil))
    }

    mutating func symptoms() -> Symptoms {
        let legs: [Legs] = [[], .left, .right, .both]
        return Symptoms(
            back: (maybe() ? pain() : nil), legLeft: (maybe() ? pain() : nil),
            legRight: (maybe() ? pain() : nil),
            reachLeft: (maybe() ? random.pick(PainReach.allCases) : nil),
            reachRight: (maybe() ? random.pick(PainReach.allCases) : nil),
            numbness: random.pick(legs), tingling: random.pick(legs), weakness: random.pick(legs))
    }

    mutating func entry() -> Entry {
        Entry(
            exercise: random.chance(0.8)
                ? random.pick(["bird-dog", "rockback", "single-leg-romanian-deadlift", "plank"])
                : text(),
            side: (maybe() ? random.pick(Side.allCases) : nil), notes: (maybe() ? text() : nil),
            sets: (0..<random.int(0...4)).map { _ in set() }, prescribed: random.chance(0.3))
    }

    mutating func set() -> ExerciseSet {
        ExerciseSet(
            kind: random.pick(SetKind.allCases), reps: (maybe() ? int() : nil),
            weight: (maybe()
                ? Weight(value: double(), unit: random.pick(WeightUnit.allCases)) : nil),
            durationSeconds: (maybe() ? double() : nil), distanceMeters: (maybe() ? double() : nil),
            rpe: (maybe() ? double() : nil), stoppedForPain: random.chance(0.1))
    }

    mutating func patch() -> SessionPatch {
        var changes: [SessionChange] = []
        for _ in 0..<random.int(0...5) {
            switch random.int(0...8) {
            case 0: changes.append(.start(timestamp()))
            case 1: changes.append(.durationSeconds((maybe() ? int() : nil)))
            case 2: changes.append(.routine((maybe() ? text() : nil)))
            case 3: changes.append(.painBefore((maybe() ? pain() : nil)))
            case 4: changes.append(.painAfter((maybe() ? pain() : nil)))
            case 5: changes.append(.notes((maybe() ? text() : nil)))
            case 6: changes.append(.symptomsBefore((maybe() ? symptoms() : nil)))
            case 7: changes.append(.symptomsAfter((maybe() ? symptoms() : nil)))
            default:
                let entry = entry()
                let key = EntryKey(entry)
                changes.append(.entry(key, random.chance(0.7) ? entry : nil))
            }
        }
        return SessionPatch(changes, byImport: random.chance(0.2))
    }

    mutating func exercise() -> Exercise {
        Exercise(
            id: "custom-\(random.int(0...99))", name: text(), aliases: [text()],
            perSide: random.chance(0.5))
    }

    mutating func routine() -> Routine {
        Routine(
            id: "r\(random.int(0...9))", name: text(),
            items: [
                RoutineItem(
                    exercise: "bird-dog",
                    prescription: Prescription(sets: 2, repsMin: 8, text: "2x8"))
            ])
    }

    // MARK: - Values

    /// Whether to give an optional value one.
    mutating func maybe() -> Bool { random.chance(0.6) }

    mutating func uuid() -> String {
        let hex = Array("0123456789abcdef")
        var characters: [Character] = []
        for index in 0..<36 {
            characters.append([8, 13, 18, 23].contains(index) ? "-" : hex[random.int(0...15)])
        }
        return String(characters)
    }

    mutating func hexID() -> String {
        String(uuid().replacingOccurrences(of: "-", with: "").prefix(16))
    }

    /// Text that needs escapes, or is not ASCII, now and then.
    mutating func text() -> String {
        let pieces = [
            "felt ok", "left leg tight", "a\"b", "back\\slash", "a/b", "tab\there", "line\nbreak",
            "\u{1}\u{1F}", "\u{0}", "Rücken", "腰痛", "😀", "e\u{301}", "\u{2028}", "\u{7F}", " ", "",
            "caf\u{E9}", "\u{FEFF}", "\u{10FFFF}",
        ]
        var result = ""
        for _ in 0..<random.int(0...4) { result += random.pick(pieces) }
        return result
    }

    mutating func int() -> Int {
        switch random.int(0...5) {
        case 0: return random.int(0...20)
        case 1: return random.int(-1000...100_000)
        case 2: return random.pick([Int.max, Int.min, 0, -1, 1 << 53, -(1 << 53) - 1])
        default: return random.int(1...3600)
        }
    }

    mutating func pain() -> PainScore {
        PainScore(rawValue: random.int(0...10)) ?? PainScore(rawValue: 0).unsafelyUnwrapped
    }

    mutating func double() -> Double {
        switch random.int(0...7) {
        case 0: return Double(random.int(0...200))
        case 1: return Double(random.int(0...400)) / 2
        case 2: return Double(random.int(0...100_000)) / 1000
        case 3:
            return random.pick([
                0.1, 0.2, 1e-7, Double.leastNonzeroMagnitude, 2.2250738585072014e-308, 1e300, 1.7976931348623157e308,
                123_456_789.123_456_79, 9_007_199_254_740_992,
            ])
        case 4: return -Double(random.int(0...100)) / 4
        case 5: return random.pick([0.0, -0.0])
        default:
            // Any finite double, to exercise the slow path against strtod.
            while true {
                let value = Double(bitPattern: random.next())
                if value.isFinite { return value }
            }
        }
    }

    mutating func seq() -> UInt64 {
        random.chance(0.8) ? UInt64(random.int(1...1_000_000)) : random.next()
    }

    mutating func hlc() -> HLC {
        // Now and then a counter of 5 digits: an invalid hlc.
        let counter = random.chance(0.95) ? UInt16(random.int(0...9999)) : UInt16.max
        // Mostly before the year 10000 (what a reader accepts), now and then past it.
        let latest = Int(HLC.latestAccepted.millis)
        let millis = random.chance(0.95) ? random.int(0...latest) : random.int(latest...9_999_999_999_999_999)
        return HLC(millis: Int64(millis), counter: counter)
    }

    mutating func timestamp() -> LocalTimestamp {
        let epoch: Int64 =
            random.chance(0.97)
            ? Int64(random.int(-2_000_000_000...4_000_000_000))
            : random.pick([-62_167_219_200, 253_402_300_799, 253_402_300_800, -62_167_219_201])
        return LocalTimestamp(
            epochSeconds: epoch, utcOffsetSeconds: Int32(random.int(-1439...1439) * 60))
    }
}
