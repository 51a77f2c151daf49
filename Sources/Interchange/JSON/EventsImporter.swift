import EventLog
import JournalModel
import Reconcile

/// Reads limber's raw event log as JSON Lines (`export --format events`) and folds it into
/// the state it describes: the visible sessions with their ids, the custom catalog and the
/// profile.
///
/// Importing takes the *state*, not the events themselves: the events belong to their devices'
/// folders, and writing them there from a file would give a second, differently cut copy of a
/// device's segments that file sync tools would see as a conflict. The sessions keep their ids,
/// so a later merge with the original journal finds them the same (DESIGN §5), and a second
/// import adds nothing.
struct EventsImporter {
    var problems = ProblemList()

    mutating func read(_ lines: inout LineReader, progress: ProgressHandler?) throws(ImportError)
        -> ImportedData
    {
        var state = JournalState()
        var data = ImportedData(format: .events)
        var lastReport: Int64 = 0
        var problems = self.problems
        var lastLine: [String: Int] = [:]
        while try lines.next({ line, number throws(ImportError) in
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            do {
                let event = try EventDecoding.decode(line)
                if let problem = Self.check(event, line: number) {
                    problems.add(problem)
                    return
                }
                lastLine[event.entity] = number
                state.apply(event)
            } catch let error as EventLineError {
                problems.add(ImportProblem(line: number, column: error.offset + 1,
                    message: "not a limber event: expected \(error.expected)"))
            } catch {
                problems.add(ImportProblem(line: number, message: "not a limber event: \(error)"))
            }
        }) {
            data.records += 1
            if let progress, lines.bytesRead - lastReport >= 1 << 20 {
                lastReport = lines.bytesRead
                progress(Progress(done: lines.bytesRead, total: lines.fileSize))
            }
        }
        for session in state.sessions {
            do throws(ModelError) { try session.validate() } catch {
                problems.add(ImportProblem(
                    line: lastLine[session.id] ?? 1, field: error.field,
                    message: "session \(session.id): \(error.description)"))
            }
        }
        self.problems = problems
        try problems.throwIfAny(file: lines.fileName)
        data.sessions = state.sessions
        data.exercises = state.catalog.exercises.filter { !$0.builtIn }
        data.routines = state.catalog.routines.filter { !$0.builtIn }
        let profile = state.profile
        data.profile = profile.conditions.isEmpty ? nil : profile
        return data
    }

    /// What makes one event unusable on its own: a session body whose id is not its entity, a
    /// definition whose id is not an id.
    static func check(_ event: Event, line: Int) -> ImportProblem? {
        switch event.body {
        case .sessionLogged(let session) where session.id != event.entity:
            return ImportProblem(line: line, field: "entity", message: "the session's id differs from the event's entity")
        case .exerciseDefined(let exercise) where !Slug.isValidID(exercise.id):
            return ImportProblem(line: line, field: "body.id", message: "exercise id \(ModelError.quote(exercise.id)) is not an id")
        case .routineDefined(let routine) where !Slug.isValidID(routine.id):
            return ImportProblem(line: line, field: "body.id", message: "routine id \(ModelError.quote(routine.id)) is not an id")
        default:
            return nil
        }
    }
}
