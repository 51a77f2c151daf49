import JournalModel

/// A request the journal cannot carry out as asked; the journal is left unchanged.
public struct LimberError: UserFacingError, Sendable, Equatable {
    /// Why the request was refused; decides the message, the hint and the exit code.
    public enum Kind: Sendable, Equatable {
        /// No session id starts with the prefix.
        case sessionNotFound(String)
        /// Several session ids start with the prefix.
        case ambiguousSession(String, candidates: [String])
        /// The session is deleted (amend) / not deleted (restore) / already deleted (delete).
        case sessionDeleted(String)
        case sessionNotDeleted(String)
        /// `amend` without any change.
        case nothingToChange
        /// A session needs at least one exercise.
        case emptySession
        /// Something the person typed is invalid (the message says what).
        case invalid(String, hint: String?)
        /// The command was used in a way it cannot work (exit 2).
        case usage(String, hint: String?)
        /// A custom definition clashes with an existing one.
        case alreadyDefined(String)
        /// `merge` or `sync` with a journal of another id, without `--join`: both described
        /// (id, created, devices, sessions), and the other's path.
        case differentJournals(
            ours: String, theirs: String, path: String, here: String, empty: Bool, archive: Bool)
    }

    /// Why the request was refused.
    public var kind: Kind

    /// Creates an error of the given kind.
    ///
    /// - Parameter kind: Why the request was refused.
    public init(_ kind: Kind) { self.kind = kind }

    public var description: String {
        switch kind {
        case .sessionNotFound(let prefix): "no session id starts with \"\(prefix)\""
        case .ambiguousSession(let prefix, let candidates):
            "\"\(prefix)\" matches \(candidates.count) sessions: "
                + candidates.prefix(5).joined(separator: ", ") + (candidates.count > 5 ? ", …" : "")
        case .sessionDeleted(let id): "session \(id) is deleted"
        case .sessionNotDeleted(let id): "session \(id) is not deleted"
        case .nothingToChange: "nothing to change: give at least one option"
        case .emptySession: "a session needs at least one exercise"
        case .invalid(let message, _): message
        case .usage(let message, _): message
        case .alreadyDefined(let what): "\(what) already exists"
        case .differentJournals(let ours, let theirs, let path, _, _, _):
            "\(path) is another journal (\(theirs)); this one is \(ours)"
        }
    }

    /// How to get the request through, in one line; `nil` for an `invalid` or `usage` error
    /// given no hint.
    public var hint: String? {
        switch kind {
        case .sessionNotFound: "`limber list` shows session ids; any unique prefix works"
        case .ambiguousSession: "type more characters of the id"
        case .sessionDeleted(let id): "`limber restore \(id)` brings it back"
        case .sessionNotDeleted: "`limber list` shows it"
        case .nothingToChange: "e.g. --note \"…\", --pain-after 3, --set bird-dog:left=12,12"
        case .emptySession: "add --set EXERCISE=SPEC or --routine sciatica"
        case .invalid(_, let hint): hint
        case .usage(_, let hint): hint
        case .alreadyDefined: "choose another name"
        case .differentJournals(_, _, let path, let here, let empty, let archive):
            (empty
                ? "this journal is empty: to make this machine a copy of that one, move \(here) away and run "
                    + (archive ? "`limber restore \(path) --to \(here)`; " : "`limber sync \(path)`; ")
                : "")
                + "to join the two into one journal for good, run it again with --join"
        }
    }

    /// The process exit code: 2 for a usage mistake (no change asked for, an empty session,
    /// an id prefix that names several sessions, misuse), 1 otherwise.
    public var exitCode: Int32 {
        switch kind {
        case .nothingToChange, .emptySession, .usage, .ambiguousSession: 2
        default: 1
        }
    }
}
