import Foundation
import Limber
import Testing

@Suite("cautions for the person's conditions")
struct CautionTests {
    private static let contraindicated = "double-knee-to-chest"

    private static func routineEntries(skipping skipped: Set<String> = []) -> [Entry] {
        BuiltInCatalog.routines[0].items.filter { !skipped.contains($0.exercise) }.flatMap { $0.prescribedEntries() }
    }

    @Test("without conditions the whole routine is logged as prescribed")
    func routineWithoutConditions() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        let outcome = try journal.log(LogRequest(start: Facade.start(), routine: "Sciatica"))
        #expect(outcome.value.routine == "sciatica")
        #expect(outcome.value.entries == Self.routineEntries())
        #expect(outcome.notices.isEmpty)
    }

    @Test("with a herniated disc the routine skips double knee-to-chest, with a caution")
    func routineSkipsContraindicated() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        let profile = try journal.updateProfile(adding: ["Herniated disc"], removing: [])
        #expect(profile.value == Profile(conditions: [.herniatedDisc]))
        #expect(profile.changed)
        #expect(profile.notices.contains { $0.kind == .caution && $0.message.contains(Self.contraindicated) })
        #expect(journal.profile == Profile(conditions: [.herniatedDisc]))

        let outcome = try journal.log(LogRequest(start: Facade.start(), routine: "sciatica"))
        #expect(outcome.value.entries == Self.routineEntries(skipping: [Self.contraindicated]))
        #expect(!outcome.value.entries.contains { $0.exercise == Self.contraindicated })
        let cautions = outcome.notices.filter { $0.kind == .caution }
        #expect(cautions.count == 1, "\(outcome.notices)")
        #expect(cautions.first?.message.contains(Self.contraindicated) == true)
        #expect(try journal.sessions == [outcome.value])

        // The profile syncs like everything else: a reopened journal still skips it.
        let reopened = try Journal.open(at: folder.journalPath, options: Facade.options)
        #expect(reopened.profile == Profile(conditions: [.herniatedDisc]))
        let again = try reopened.log(LogRequest(start: Facade.start(day: 1), routine: "sciatica"))
        #expect(again.value.entries == Self.routineEntries(skipping: [Self.contraindicated]))
    }

    @Test("an explicitly logged contraindicated exercise is logged, with a caution")
    func explicitContraindicated() throws {
        let folder = try TestFolder()
        defer { folder.remove() }
        let journal = try folder.makeJournal()
        _ = try journal.updateProfile(adding: ["herniated-disc"], removing: [])
        let hold = [ExerciseSet(durationSeconds: 30)]
        let outcome = try journal.log(LogRequest(start: Facade.start(), sets: [SetSpec(exercise: "knee to chest", sets: hold)]))
        #expect(outcome.value.entries == [Entry(exercise: Self.contraindicated, side: nil, notes: nil, sets: hold)])
        let cautions = outcome.notices.filter { $0.kind == .caution }
        #expect(cautions.count == 1, "\(outcome.notices)")
        #expect(cautions.first?.message.contains(Self.contraindicated) == true)

        // Given with --set inside the routine, it is logged as given, also with a caution.
        let withRoutine = try journal.log(LogRequest(start: Facade.start(day: 1), routine: "sciatica", sets: [SetSpec(exercise: Self.contraindicated, sets: hold)]))
        #expect(withRoutine.value.entries.filter { $0.exercise == Self.contraindicated } == [Entry(exercise: Self.contraindicated, sets: hold)])
        #expect(withRoutine.value.entries.count == Self.routineEntries().count)
        #expect(withRoutine.notices.contains { $0.kind == .caution && $0.message.contains(Self.contraindicated) })
        #expect(try journal.sessions.count == 2)
    }
}
