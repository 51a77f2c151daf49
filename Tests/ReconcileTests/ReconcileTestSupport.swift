import EventLog
import JournalModel
import Reconcile
import LimberTestSupport

extension SplitMix64 {

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    mutating func maybe<T>(_ percent: Int, _ make: (inout SplitMix64) -> T) -> T? {
        chance(percent) ? make(&self) : nil
    }
}

/// Builds events by hand, as if read from the log.
enum Make {
    static let deviceA = "aaaaaaaaaaaaaaaa"
    static let deviceB = "bbbbbbbbbbbbbbbb"
    static let deviceC = "cccccccccccccccc"

    static func event(
        _ device: String = deviceA, seq: UInt64, millis: Int64, counter: UInt16 = 0, entity: String,
        parents: [String] = [], body: EventBody, id: String? = nil, type: EventType? = nil
    ) -> Event {
        Event(
            id: id ?? "\(device)-\(seq)", device: device, seq: seq, hlc: HLC(millis: millis, counter: counter),
            prev: String(repeating: "0", count: 64), entity: entity, parents: parents, body: body, type: type)
    }

    static func start(_ minutes: Int64 = 0) -> LocalTimestamp {
        LocalTimestamp(epochSeconds: 1_795_500_000 + minutes * 60, utcOffsetSeconds: 3600)
    }

    static func session(_ id: String, start minutes: Int64 = 0, entries: [Entry] = [], notes: String? = nil) -> Session {
        Session(id: id, start: start(minutes), durationSeconds: 1200, painBefore: PainScore(rawValue: 4), painAfter: PainScore(rawValue: 3), notes: notes, entries: entries)
    }

    static func entry(_ exercise: String, _ side: Side? = nil, reps: [Int]) -> Entry {
        Entry(exercise: exercise, side: side, sets: reps.map { ExerciseSet(reps: $0) })
    }

    static func patch(_ changes: SessionChange...) -> EventBody { .sessionAmended(SessionPatch(changes)) }

    /// The state after folding `events` in every order they could arrive in.
    static func statesInEveryOrder(_ events: [Event]) -> [JournalState] {
        func permutations(_ items: [Event]) -> [[Event]] {
            guard items.count > 1 else { return [items] }
            return items.indices.flatMap { index -> [[Event]] in
                var rest = items
                let first = rest.remove(at: index)
                return permutations(rest).map { [first] + $0 }
            }
        }
        return permutations(events).map { JournalState(folding: $0) }
    }
}

/// Everything a person can see of a state, for comparing two folds.
struct Observed: Equatable, CustomStringConvertible {
    var sessions: [Session]
    var catalog: Catalog
    var profile: Profile
    var sessionIDs: [String]
    var deleted: [String: Bool]
    var hidden: [String: Session?]
    var heads: [String: [String]]
    var latest: HLC
    var deviceHeads: [String: UInt64]
    var conflicts: [String: [SessionConflict]]

    init(_ state: JournalState, entities: Set<String>) {
        sessions = state.sessions
        catalog = state.catalog
        profile = state.profile
        sessionIDs = state.sessionIDs
        deleted = Dictionary(uniqueKeysWithValues: entities.map { ($0, state.isDeleted($0)) })
        hidden = Dictionary(uniqueKeysWithValues: entities.map { ($0, state.session(id: $0)) })
        heads = Dictionary(uniqueKeysWithValues: entities.map { ($0, state.heads(of: $0)) })
        latest = state.latest
        deviceHeads = state.deviceHeads
        conflicts = Dictionary(uniqueKeysWithValues: entities.map { ($0, state.records[$0]?.conflicts ?? []) })
    }

    var description: String {
        "sessions \(sessions.map { "\($0.id) \($0.entries.map(\.exercise)) \($0.notes ?? "-")" }), profile \(profile.conditions), deleted \(deleted.filter(\.value).keys.sorted())"
    }
}

/// Random multi-device histories: sessions logged, amended, deleted and restored, exercises
/// defined and the profile set, with `parents` naming earlier events of the same entity.
struct HistoryGenerator {
    static let devices = [Make.deviceA, Make.deviceB, Make.deviceC]
    static let sessions = ["s-0", "s-1", "s-2", "s-3"]
    static let exercises = ["bird-dog", "rockback", "diagonal-chop", "plank"]
    static let customExercises = ["ex-a", "ex-b"]
    static let conditions = [Condition.herniatedDisc, Condition(rawValue: "spinal-stenosis")!, Condition(rawValue: "knee-pain")!]

    var random: SplitMix64

    /// Every event of one random history (each device's events in seq order, devices
    /// concatenated), and the entities it touches.
    mutating func history() -> (events: [Event], entities: Set<String>) {
        var events: [Event] = []
        var byEntity: [String: [String]] = [:]
        // Devices write interleaved in time: walk a shared timeline.
        var seqs: [String: UInt64] = [:]
        var clocks: [String: HLC] = [:]
        let count = Int.random(in: 0...36, using: &random)
        for _ in 0..<count {
            let device = random.pick(Self.devices)
            let seq = (seqs[device] ?? 0) + 1
            seqs[device] = seq
            // Few distinct milliseconds, so equal hlcs on different devices come up often.
            let previous = clocks[device] ?? HLC(millis: 1_000, counter: 0)
            var next = HLC(millis: previous.millis + Int64.random(in: 0...2, using: &random), counter: UInt16.random(in: 0...1, using: &random))
            if next <= previous { next = HLC(millis: previous.millis, counter: previous.counter + 1) }
            clocks[device] = next
            let (entity, body) = randomBody()
            let known = byEntity[entity] ?? []
            let parents = known.filter { _ in random.chance(40) }
            let event = Event(
                id: "\(device)-\(seq)", device: device, seq: seq, hlc: next, prev: String(repeating: "0", count: 64),
                entity: entity, parents: parents, body: body)
            byEntity[entity, default: []].append(event.id)
            events.append(event)
        }
        return (events, Set(byEntity.keys).union(Self.sessions))
    }

    private mutating func randomBody() -> (String, EventBody) {
        let roll = Int.random(in: 0..<100, using: &random)
        let session = random.pick(Self.sessions)
        switch roll {
        case 0..<25:
            return (session, .sessionLogged(randomSession(session)))
        case 25..<60:
            var changes: [SessionChange] = []
            if random.chance(30) { changes.append(.start(Make.start(Int64.random(in: 0...5, using: &random)))) }
            if random.chance(30) { changes.append(.durationSeconds(random.maybe(70) { Int.random(in: 60...3600, using: &$0) })) }
            if random.chance(20) { changes.append(.routine(random.maybe(50) { _ in "sciatica" })) }
            if random.chance(30) { changes.append(.painBefore(randomPain(80))) }
            if random.chance(30) { changes.append(.painAfter(randomPain(80))) }
            if random.chance(40) { changes.append(.notes(random.maybe(70) { "note \(Int.random(in: 0...5, using: &$0))" })) }
            if random.chance(25) { changes.append(.symptomsBefore(randomSymptoms(70))) }
            if random.chance(25) { changes.append(.symptomsAfter(randomSymptoms(70))) }
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let entry = randomEntry()
                changes.append(.entry(EntryKey(entry), random.chance(75) ? entry : nil))
            }
            return (session, .sessionAmended(SessionPatch(changes)))
        case 60..<70:
            return (session, .sessionDeleted)
        case 70..<80:
            return (session, .sessionRestored)
        case 80..<90:
            let conditions = Self.conditions.filter { _ in random.chance(50) }
            return ("profile", .profileSet(Profile(conditions: conditions)))
        default:
            let id = random.pick(Self.customExercises)
            let exercise = Exercise(
                id: id, name: "Exercise \(id) v\(Int.random(in: 0...3, using: &random))",
                perSide: random.chance(50), measure: random.pick([.reps, .hold]))
            return ("exercise/" + id, .exerciseDefined(exercise))
        }
    }

    private mutating func randomSession(_ id: String) -> Session {
        Session(
            id: id, start: Make.start(Int64.random(in: 0...5, using: &random)),
            durationSeconds: random.maybe(70) { Int.random(in: 60...3600, using: &$0) },
            routine: random.maybe(30) { _ in "sciatica" },
            painBefore: PainScore(rawValue: Int.random(in: 0...10, using: &random)),
            painAfter: randomPain(50),
            notes: random.maybe(50) { "logged \(Int.random(in: 0...5, using: &$0))" },
            entries: (0..<Int.random(in: 0...4, using: &random)).map { _ in randomEntry() },
            symptomsBefore: randomSymptoms(30), symptomsAfter: randomSymptoms(30))
    }

    /// Back and leg symptoms, few values so that concurrent writes often agree or clash.
    private mutating func randomSymptoms(_ percent: Int) -> Symptoms? {
        guard random.chance(percent) else { return nil }
        return Symptoms(
            back: randomPain(70), legLeft: randomPain(50),
            reachLeft: random.maybe(50) { $0.pick([PainReach.none, .thigh, .knee, .foot]) },
            tingling: random.pick([[], Legs.left, .both]))
    }

    private mutating func randomPain(_ percent: Int) -> PainScore? {
        random.chance(percent) ? PainScore(rawValue: Int.random(in: 0...10, using: &random)) : nil
    }

    private mutating func randomEntry() -> Entry {
        Entry(
            exercise: random.pick(Self.exercises), side: random.pick([nil, Side.left, .right]),
            notes: random.maybe(20) { _ in "entry note" },
            sets: (0..<Int.random(in: 1...3, using: &random)).map { _ in ExerciseSet(reps: Int.random(in: 5...15, using: &random)) })
    }
}
