@_exported import JournalModel
import EventLog
import Reconcile

/// A limber journal folder: the facade the command line uses.
///
/// Opening reads the event log of every device and folds it into the state. Reads take no
/// lock; every write takes the writer lock, catches up with events appended since the open,
/// validates, appends one commit durably, and only then reports success.
public final class Journal {
    /// How to open a journal.
    public struct Options: Sendable {
        /// Seconds a write waits for another writer before failing (exit 4).
        public var lockTimeout: Double
        /// The process environment (device fingerprint, clock overrides for tests).
        public var environment: [String: String]

        public init(lockTimeout: Double = 10, environment: [String: String] = [:]) {
            self.lockTimeout = lockTimeout
            self.environment = environment
        }
    }

    /// The journal folder as given.
    public let path: String
    /// Things worth telling the person about the open (damage found while reading).
    public private(set) var notices: [Notice] = []

    let layout: JournalLayout
    let options: Options
    var state: JournalState
    var watermark: LogReader.Watermark

    private init(path: String, options: Options, state: JournalState, watermark: LogReader.Watermark, problems: [LogProblem]) {
        self.path = path
        self.layout = JournalLayout(root: path)
        self.options = options
        self.state = state
        self.watermark = watermark
        if !problems.isEmpty {
            notices.append(
                Notice(.damage, "the journal has \(problems.count) damaged place(s), first: \(problems[0]); run `limber verify`"))
        }
    }

    /// Opens an existing journal for reading (and later writing). Never creates anything.
    ///
    /// - Throws: ``JournalError`` when there is no journal, or it is of a newer format.
    public static func open(at path: String, options: Options = Options()) throws -> Journal {
        let layout = JournalLayout(root: path)
        _ = try JournalManifest.load(layout)
        let contents = try LogReader.read(layout)
        let state = JournalState(folding: contents.events)
        return Journal(path: path, options: options, state: state, watermark: contents.watermark, problems: contents.problems)
    }

    /// Creates a journal at `path` (an existing journal is left untouched).
    ///
    /// - Returns: `true` if it was created, `false` if a journal was already there.
    /// - Throws: ``JournalError`` `.occupied` if `path` holds other files.
    @discardableResult
    public static func create(at path: String, options: Options = Options()) throws -> Bool {
        let layout = JournalLayout(root: path)
        switch FileSystem.kind(of: path) {
        case .directory:
            if FileSystem.kind(of: layout.manifest) != .missing {
                _ = try JournalManifest.load(layout)
                return false
            }
            guard try FileSystem.list(path).isEmpty else { throw JournalError(.occupied, path: path) }
        case .missing:
            try FileSystem.makeDirectories(path)
        case .file, .other:
            throw JournalError(.occupied, path: path)
        }
        try FileSystem.writeAtomically(Array("local/\n".utf8), to: path + "/.gitignore")
        try FileSystem.writeAtomically(Array("// limber: this machine's id, lock and cache\n/local\n".utf8), to: path + "/.stignore")
        try FileSystem.makeDirectory(layout.devices)
        try FileSystem.makeDirectory(layout.local)
        let manifest = JournalManifest(
            journal: EventID.makeV7(), created: LocalTimestamp(epochSeconds: LocalTimestamp.now().epochSeconds, utcOffsetSeconds: 0).rfc3339)
        // limber.json last: until it exists the folder is not a journal, so a crash in between
        // leaves nothing half-made that a later open would trust.
        try FileSystem.writeAtomically(try manifest.encoded(), to: layout.manifest)
        return true
    }

    // MARK: - Reading

    /// Every visible session, oldest first.
    public var sessions: [Session] { state.sessions }

    /// The built-in and custom exercises and routines.
    public var catalog: Catalog { state.catalog }

    /// The person's conditions.
    public var profile: Profile { state.profile }

    /// `true` when the session has unresolved concurrent edits (see `conflicts`).
    public func isConflicted(_ id: String) -> Bool { false }

    /// The full id of the session named by `prefix` (an id or any unique prefix of one).
    public func resolveSessionID(_ prefix: String) throws -> String {
        let needle = prefix.lowercased()
        guard !needle.isEmpty else { throw LimberError(.sessionNotFound(prefix)) }
        let candidates = state.sessionIDs.filter { $0.hasPrefix(needle) }
        if candidates.contains(needle) { return needle }
        guard let first = candidates.first else { throw LimberError(.sessionNotFound(prefix)) }
        guard candidates.count == 1 else { throw LimberError(.ambiguousSession(prefix, candidates: candidates)) }
        return first
    }

    /// The session named by `prefix`; a deleted one only with `includeDeleted`.
    public func session(_ prefix: String, includeDeleted: Bool = false) throws -> Session {
        let id = try resolveSessionID(prefix)
        guard let session = state.session(id: id) else { throw LimberError(.sessionNotFound(prefix)) }
        if !includeDeleted, state.isDeleted(id) { throw LimberError(.sessionDeleted(id)) }
        return session
    }

    /// `true` if the session is deleted.
    public func isDeleted(_ id: String) -> Bool { state.isDeleted(id) }

    /// The sessions that pass `filter`, oldest first.
    public func sessions(matching filter: SessionFilter) -> [Session] {
        var result = state.sessions.filter { filter.admits($0) }
        if let last = filter.last, result.count > last { result.removeFirst(result.count - last) }
        return result
    }

    /// Every event about one session, in merge order.
    public func history(of prefix: String) throws -> [HistoryItem] {
        let id = try resolveSessionID(prefix)
        let contents = try LogReader.read(layout)
        return contents.events.filter { $0.entity == id }.sorted { $0.order < $1.order }.map(HistoryItem.init)
    }

    // MARK: - Writing

    /// Runs `body` with the writer lock held and the state caught up with the log.
    func write<Result>(_ body: (LogWriter) throws -> Result) throws -> Result {
        let writer = try LogWriter(layout: layout, lockTimeout: options.lockTimeout, environment: options.environment)
        switch writer.identityChange {
        case .copied(let previous)?:
            notices.append(Notice(.info, "this journal was copied from another machine or folder: writing as new device \(writer.device) (was \(previous))"))
        case .created?, nil: break
        }
        if writer.recoveredBytes > 0 {
            notices.append(Notice(.info, "cut \(writer.recoveredBytes) bytes of an interrupted write from this device's log; nothing acknowledged was lost"))
        }
        let contents = try LogReader.read(layout, since: watermark)
        if contents.continuous {
            for event in contents.events { state.apply(event) }
            watermark = contents.watermark
        } else {
            let all = try LogReader.read(layout)
            state = JournalState(folding: all.events)
            watermark = all.watermark
        }
        return try body(writer)
    }

    /// Appends one commit and applies it to the state.
    @discardableResult
    func commit(_ events: [NewEvent], with writer: LogWriter) throws -> [Event] {
        let stored = try writer.append(events)
        for event in stored { state.apply(event) }
        // Everything before the append was read under the lock, so the new end of our open
        // segment is exactly how far this state has read it.
        if let segment = writer.openSegmentState { watermark[segment.relativePath] = segment.size }
        return stored
    }
}
