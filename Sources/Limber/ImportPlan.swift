import EventLog
import Interchange
import JournalModel
import Reconcile

/// What an import writes, worked out one session at a time as the file is read: the report,
/// and the catalog entries its new sessions need, which are only known once the whole file
/// has been read (a limber file may define its exercises after its sessions).
struct ImportPlan {
    /// The report so far.
    var report: ImportReport
    /// The exercises the journal has or the import defines so far.
    private var known: Set<String>
    /// Exercises new sessions use that the journal lacks, in the order first used.
    private var used: [String] = []
    private var usedSet: Set<String> = []

    /// Starts the plan of importing `path` into a journal whose catalog is `catalog`.
    init(file path: String, format: ImportFormat, dryRun: Bool, catalog: Catalog) {
        report = ImportReport(file: path, format: format, dryRun: dryRun)
        known = Set(catalog.exercises.map(\.id))
    }

    /// Counts a session the journal does not have and notes the exercises it uses.
    ///
    /// - Returns: The event that logs it.
    mutating func add(new session: Session) -> NewEvent {
        for entry in session.entries where !known.contains(entry.exercise) {
            if usedSet.insert(entry.exercise).inserted { used.append(entry.exercise) }
        }
        report.newSessions += 1
        for entry in session.entries { report.newSets += entry.sets.count }
        return NewEvent(entity: session.id, body: .sessionLogged(session))
    }

    /// Completes the report once the whole file is read, and returns the catalog and profile
    /// events the import needs: the file's exercises and routines the journal lacks, the
    /// conditions it adds, and a definition by id of every exercise a new session uses that
    /// neither the journal nor the file defines (an events file from a journal whose
    /// definition was lost).
    mutating func finish(with data: ImportedData, in state: JournalState) -> [NewEvent] {
        report.format = data.format
        report.records = data.records
        report.presentSessions += data.alreadyPresent
        report.unchangedSessions += data.alreadyPresent
        report.skipped = data.skipped
        var events: [NewEvent] = []
        for exercise in data.exercises where !known.contains(exercise.id) {
            known.insert(exercise.id)
            report.newExercises.append(exercise.id)
            events.append(
                NewEvent(
                    entity: "exercise/" + exercise.id,
                    parents: state.heads(of: "exercise/" + exercise.id),
                    body: .exerciseDefined(exercise)))
        }
        let routines = Set(state.catalog.routines.map(\.id))
        for routine in data.routines where !routines.contains(routine.id) {
            report.newRoutines.append(routine.id)
            events.append(
                NewEvent(
                    entity: "routine/" + routine.id, parents: state.heads(of: "routine/" + routine.id),
                    body: .routineDefined(routine)))
        }
        if let imported = data.profile {
            var profile = state.profile
            for condition in imported.conditions where !profile.contains(condition) {
                profile.insert(condition)
                report.addedConditions.append(condition.rawValue)
            }
            if profile != state.profile {
                events.append(
                    NewEvent(entity: "profile", parents: state.heads(of: "profile"), body: .profileSet(profile)))
            }
        }
        for id in used where !known.contains(id) {
            known.insert(id)
            report.newExercises.append(id)
            let exercise = Exercise(id: id, name: id.split(separator: "-").joined(separator: " "))
            events.append(NewEvent(entity: "exercise/" + id, body: .exerciseDefined(exercise)))
        }
        return events
    }
}
