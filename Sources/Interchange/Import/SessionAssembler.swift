import EventLog
import JournalModel

/// Gathers the rows of another app's export into sessions: rows with one source key (the
/// workout's start and name, or the day) are one session, and sets of one exercise and side
/// are one entry, in the order first seen.
struct SessionAssembler {
    let format: ImportFormat
    private(set) var sessions: [Session] = []
    private var positions: [String: Int] = [:]
    /// The notes already joined into each entry (session position, exercise, side).
    private var notesSeen: [String: Set<String>] = [:]
    /// The session notes already joined into each session (by position).
    private var sessionNotesSeen: [Int: Set<String>] = [:]

    init(format: ImportFormat) { self.format = format }

    /// The session id for a source key: a name-based UUID of the format and the key, the same
    /// on every machine (DESIGN §4).
    static func sessionID(format: ImportFormat, key: String) -> String {
        EventID.makeNameBased("limber-import-v1\n\(format.rawValue)\n\(key)")
    }

    /// Adds one set (or, with `nil`, an entry without sets) to the session of `key`, creating
    /// it first with `make`, given its id: `id` when the source has its own, else one derived
    /// from the key.
    ///
    /// A `sessionNote` (the workout's notes, which apps repeat or write on any of its rows) is
    /// joined into the session's notes when this session has not had it yet, so no row's note
    /// is lost.
    mutating func add(
        _ set: ExerciseSet?, exercise: String, side: Side?, entryNote: String?, key: String,
        id: String? = nil, sessionNote: String? = nil, prescribed: Bool = false,
        make: (String) -> Session
    ) {
        let position: Int
        if let known = positions[key] {
            position = known
            if let sessionNote, sessionNotesSeen[position, default: []].insert(sessionNote).inserted {
                sessions[position].notes = Self.joined(sessions[position].notes, sessionNote)
            }
        } else {
            position = sessions.count
            positions[key] = position
            sessions.append(make(id ?? Self.sessionID(format: format, key: key)))
            if let sessionNote { sessionNotesSeen[position] = [sessionNote] }
        }
        var entries = sessions[position].entries
        sessions[position].entries = []
        let noteKey = "\(position)\n\(exercise)\n\(side?.rawValue ?? "")"
        let newNote = entryNote.flatMap { notesSeen[noteKey, default: []].insert($0).inserted ? $0 : nil }
        if let index = entries.firstIndex(where: { $0.exercise == exercise && $0.side == side }) {
            if let set { entries[index].sets.append(set) }
            if let newNote { entries[index].notes = Self.joined(entries[index].notes, newNote) }
        } else {
            entries.append(
                Entry(
                    exercise: exercise, side: side, notes: entryNote, sets: set.map { [$0] } ?? [],
                    prescribed: prescribed))
        }
        sessions[position].entries = entries
    }

    /// A workout's name and notes as a session's notes, the name first (limber has no
    /// workout names, and dropping them would lose what people search for).
    static func notes(_ name: String, _ notes: String?) -> String? {
        let parts = [name, notes ?? ""].filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// Notes joined by a line break (each distinct note is added once: apps repeat an
    /// exercise's note on every row of its sets).
    static func joined(_ existing: String?, _ note: String) -> String {
        guard let existing, !existing.isEmpty else { return note }
        return existing + "\n" + note
    }
}
