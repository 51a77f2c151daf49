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
        while try lines.next({ line, number throws(ImportError) in
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
            do {
                let event = try EventDecoding.decode(line)
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
        self.problems = problems
        try problems.throwIfAny(file: lines.fileName)
        data.sessions = state.sessions
        data.exercises = state.catalog.exercises.filter { !$0.builtIn }
        data.routines = state.catalog.routines.filter { !$0.builtIn }
        let profile = state.profile
        data.profile = profile.conditions.isEmpty ? nil : profile
        return data
    }
}
