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

        /// Creates open options.
        ///
        /// - Parameters:
        ///   - lockTimeout: Seconds a write waits for another writer before failing.
        ///   - environment: The process environment; writes read `LIMBER_MACHINE_ID` from it (the
        ///     device fingerprint).
        public init(lockTimeout: Double = 10, environment: [String: String] = [:]) {
            self.lockTimeout = lockTimeout
            self.environment = environment
        }
    }

    /// The journal folder as given.
    public let path: String
    /// Things worth telling the person that have not been handed out yet (damage found while
    /// reading, a new device id); see ``takeNotices()``.
    public internal(set) var notices: [Notice] = []

    /// The pending notices, which are then cleared.
    public func takeNotices() -> [Notice] {
        collectDamage()
        defer { notices = [] }
        return notices
    }

    /// A write's outcome, carrying the notices the write itself produced first.
    func outcome<Value>(_ value: Value, _ own: [Notice] = [], changed: Bool = true) -> WriteOutcome<
        Value
    > {
        WriteOutcome(value: value, notices: takeNotices() + own, changed: changed)
    }

    let layout: JournalLayout
    let options: Options
    let journalID: String
    /// The folded journal, its snapshot and how far the log has been read.
    let store: SessionStore

    /// The loaded part of the state (see ``SessionStore/state``).
    var state: JournalState { store.state }
    /// How far each segment has been read.
    var watermark: LogReader.Watermark { store.watermark }
    /// The snapshot the state was read on top of; `nil` without one.
    var snapshot: Snapshot? { store.snapshot }

    private init(path: String, options: Options, store: SessionStore) {
        self.path = path
        self.layout = store.layout
        self.options = options
        self.journalID = store.journalID
        self.store = store
    }

    /// Opens an existing journal for reading (and later writing). Never creates a journal.
    ///
    /// A warm open maps the snapshot in `local/cache/` and reads only the log written since;
    /// a cold one (no snapshot, or one that no longer matches the log) folds the whole log and
    /// writes a new snapshot.
    ///
    /// - Throws: ``JournalError`` when there is no journal, or it is of a newer format.
    public static func open(at path: String, options: Options = Options()) throws -> Journal {
        let layout = JournalLayout(root: path)
        let manifest = try JournalManifest.load(layout)
        // A merge or sync killed half way is finished (under the lock) before anything is
        // read, so no command shows part of it.
        if LogMerger.isMergeWaiting(in: layout) {
            // A read-only copy cannot be finished: it is read as it is.
            try? LogMerger.finishMerge(in: layout, lockTimeout: options.lockTimeout)
        }
        let own = DeviceIdentity.current(for: layout, environment: options.environment)?.device
        let store = try SessionStore(layout: layout, journalID: manifest.journal, ownDevice: own)
        return Journal(path: path, options: options, store: store)
    }

    /// Creates a journal at `path` (an existing journal is left untouched).
    ///
    /// - Parameter copyOf: Another journal folder whose identity (`journal` id and creation
    ///   time) the new one takes, so that it is that journal on a second machine (`sync DIR`
    ///   with no journal here); `nil` starts a new journal.
    /// - Returns: `true` if it was created, `false` if a journal was already there.
    /// - Throws: ``JournalError`` `.occupied` if `path` holds other files.
    @discardableResult
    public static func create(
        at path: String, options: Options = Options(), copyOf: String? = nil
    ) throws -> Bool {
        let adopted = try copyOf.map { try JournalManifest.load(JournalLayout(root: $0)) }
        let layout = JournalLayout(root: path)
        switch FileSystem.kind(of: path) {
        case .directory:
            if FileSystem.kind(of: layout.manifest) != .missing {
                _ = try JournalManifest.load(layout)
                return false
            }
            // A fresh git clone or a new Syncthing share is "empty" too.
            guard try FileSystem.list(path).allSatisfy(Self.transportFiles.contains) else {
                throw JournalError(.occupied, path: path)
            }
        case .missing:
            try FileSystem.makeDirectories(path)
        case .file, .link, .other:
            throw JournalError(.occupied, path: path)
        }
        try Self.ensureLine("local/", in: path + "/.gitignore")
        try Self.ensureLine("/local", in: path + "/.stignore")
        try Self.ensureLine(Self.gitAttributesLine, in: path + "/.gitattributes")
        try FileSystem.makeDirectory(layout.devices)
        try FileSystem.makeDirectory(layout.local)
        let manifest =
            adopted
            ?? JournalManifest(
                journal: EventID.makeV7(),
                created: LocalTimestamp(
                    epochSeconds: LocalTimestamp.now().epochSeconds, utcOffsetSeconds: 0
                ).rfc3339)
        // limber.json last: until it exists the folder is not a journal, so a crash in between
        // leaves nothing half-made that a later open would trust.
        try FileSystem.writeAtomically(try manifest.encoded(), to: layout.manifest)
        return true
    }

    /// `true` when `path` holds a journal (a `limber.json`), readable or not.
    public static func exists(at path: String) -> Bool {
        FileSystem.kind(of: JournalLayout(root: path).manifest) == .file
    }

    /// What git and sync tools keep in a folder; `init` may take a folder that holds only these.
    static let transportFiles: Set<String> = [
        ".git", ".gitignore", ".gitattributes", ".stfolder", ".stignore", ".DS_Store",
    ]

    /// Adds `line` to a small text file (creating it) unless it is already there. The file
    /// is read without following a link and at most 1 MiB of it (a larger one is refused).
    static func ensureLine(_ line: String, in file: String) throws {
        let limit = 1 << 20
        let existing = FileSystem.kind(of: file) == .missing ? [] : FileSystem.readPrefix(file, count: limit + 1) ?? []
        guard existing.count <= limit else {
            throw JournalError(.badMetadata("larger than 1 MiB; limber adds \"\(line)\" only to a small file"), path: file)
        }
        let text = String(decoding: existing, as: UTF8.self)
        guard !text.split(separator: "\n").contains(where: { $0 == line }) else { return }
        let prefix = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        try FileSystem.writeAtomically(Array((prefix + line + "\n").utf8), to: file)
    }

    // MARK: - Reading

    /// The built-in and custom exercises and routines.
    public var catalog: Catalog { state.catalog }

    /// The person's conditions.
    public var profile: Profile { state.profile }

    /// `true` when the session has unresolved concurrent edits (see ``conflicts()``).
    public func isConflicted(_ id: String) -> Bool {
        (try? recovering { try store.isConflicted(id) }) ?? false
    }

    /// The full id of the session named by `prefix` (an id or any unique prefix of one).
    public func resolveSessionID(_ prefix: String) throws -> String {
        let needle = prefix.lowercased()
        guard !needle.isEmpty else {
            throw LimberError(
                .usage("give a session id, or the start of one", hint: "`limber list` shows them"))
        }
        var candidates = Set(state.sessionIDs.filter { $0.hasPrefix(needle) })
        if let snapshot {
            for id in snapshot.ids(withPrefix: needle, limit: 50)
            where snapshot.entry(id: id).map({ $0.start != Int64.max }) == true {
                candidates.insert(id)
            }
        }
        if candidates.contains(needle) { return needle }
        let sorted = candidates.sorted()
        guard let first = sorted.first else { throw LimberError(.sessionNotFound(prefix)) }
        guard sorted.count == 1 else {
            throw LimberError(.ambiguousSession(prefix, candidates: sorted))
        }
        return first
    }

    /// The session named by `prefix`; a deleted one only with `includeDeleted`.
    public func session(_ prefix: String, includeDeleted: Bool = false) throws -> Session {
        let id = try resolveSessionID(prefix)
        guard let session = try recovering({ try store.session(id: id) }) else {
            throw LimberError(.sessionNotFound(prefix))
        }
        if !includeDeleted, store.isDeleted(id) { throw LimberError(.sessionDeleted(id)) }
        return session
    }

    /// `true` if the session is deleted.
    public func isDeleted(_ id: String) -> Bool { store.isDeleted(id) }

    /// Every visible session, oldest first.
    public var sessions: [Session] {
        get throws { try sessions(matching: SessionFilter()) }
    }

    /// The sessions that pass `filter`, oldest first.
    ///
    /// `--last N` reads only the newest N sessions of the range; `--exercise` reads only the
    /// sessions the store's index names.
    public func sessions(matching filter: SessionFilter) throws -> [Session] {
        if let last = filter.last, last <= 0 { return [] }
        var found: [Session] = []
        try forEachSession(matching: filter, newestFirst: filter.last != nil) { session in
            found.append(session)
            return filter.last.map { found.count < $0 } ?? true
        }
        return filter.last != nil ? found.reversed() : found
    }

    /// Hands the sessions that pass `filter` (its `last` aside) to `body` one at a time,
    /// oldest first or newest first, until `body` returns `false`: a whole-history question
    /// in the memory of one session.
    func forEachSession(
        matching filter: SessionFilter, newestFirst: Bool = false, _ body: (Session) throws -> Bool
    ) throws {
        let range = filter.selection
        var handed = 0
        try recovering {
            // A stale snapshot found half way: the sessions already handed out are skipped.
            var skip = handed
            try store.forEachSession(in: range, newestFirst: newestFirst) { session in
                if skip > 0 {
                    skip -= 1
                    return true
                }
                handed += 1
                return try body(session)
            }
        }
    }

    // MARK: - Writing

    /// Runs `body` with the writer lock held and the state caught up with the log.
    func write<Result>(_ body: (LogWriter) throws -> Result) throws -> Result {
        // Every event of the journal is in the snapshot or the state: the writer's clock starts
        // after the newest of them without reading other devices' segments.
        let seen = max(snapshot?.meta.latest ?? .zero, state.latest)
        let writer = try LogWriter(
            layout: layout, lockTimeout: options.lockTimeout, environment: options.environment,
            observed: seen)
        if writer.recoveredBytes > 0 {
            notices.append(
                Notice(
                    .info,
                    "cut \(writer.recoveredBytes) bytes of an interrupted write from this device's log; nothing acknowledged was lost"
                ))
        }
        return try recovering {
            try store.catchUp()
            return try body(writer)
        }
    }

    /// Appends one event that changes `entity`, naming its current heads as parents.
    func commitChange(of entity: String, body: EventBody, with writer: LogWriter) throws {
        try commit(
            [NewEvent(entity: entity, parents: state.heads(of: entity), body: body)], with: writer)
    }

    /// Appends one commit (one gzip member) and applies it to the state. A large commit (an
    /// import) goes through ``ImportCommit`` instead.
    @discardableResult
    func commit(_ events: [NewEvent], with writer: LogWriter) throws -> [Event] {
        let firstSeq = writer.headSeq + 1
        let stored = try writer.append(openingEvents(for: writer) + events)
        // Read up to by the watermark but, appended one by one, not located on top of the
        // snapshot.
        store.applyAppended(stored)
        noteAppended(by: writer, firstSeq: firstSeq)
        return stored
    }

    /// The events a real write (never a dry run) starts with: a device's first commit also
    /// says its name, so every device can show it. The moment, too, to make sure a git clone
    /// of the journal merges its segments.
    func openingEvents(for writer: LogWriter) -> [NewEvent] {
        if let notice = ensureGitDriver() { notices.append(notice) }
        guard writer.headSeq == 0 else { return [] }
        return [
            NewEvent(
                entity: "device/" + writer.device,
                body: .deviceNamed(DeviceName(name: writer.identity.name)))
        ]
    }

    /// Records a commit just appended from `firstSeq` on: the notice of a new device id, and
    /// how far the state has read this device's segment.
    func noteAppended(by writer: LogWriter, firstSeq: UInt64) {
        if case .copied(let previous)? = writer.identityChange, firstSeq == 1, writer.headSeq >= 1 {
            // Said at the first append, when the new device id is actually written.
            notices.append(
                Notice(
                    .info,
                    "this journal was copied from another machine or folder: writing as new device \(writer.device) (was \(previous))"
                ))
        }
        // Everything before the append was read under the lock, so the new end of our open
        // segment is exactly how far this state has read it.
        if let segment = writer.openSegmentState { store.advance(segment.relativePath, to: segment.size) }
    }
}

extension Journal {
    /// Runs `body`; if the snapshot turns out stale, folds the log and runs it again.
    func recovering<Result>(_ body: () throws -> Result) throws -> Result {
        try store.recovering(body)
    }

    /// Makes sure a snapshot session is folded into the state before it is changed.
    func loadFromSnapshot(_ id: String) throws { try store.load(id) }

    /// Whether the journal holds an event with this id.
    func hasEvent(_ id: String) -> Bool { store.hasEvent(id) }

    /// Rewrites the snapshot after many events were written (an import), so the next command
    /// opens warm.
    func refreshSnapshot() { store.refreshSnapshot() }

    /// Folds the whole log again.
    func reopenCold() throws { try store.reopenCold() }

    /// Turns the damage the store found while reading into notices.
    func collectDamage() {
        for problems in store.takeProblems() { report(problems) }
    }

    func report(_ problems: [LogProblem]) {
        guard let first = problems.first else { return }
        notices.append(
            Notice(
                .damage,
                "the journal has \(problems.count) damaged place(s), first: \(first); "
                    + "run `limber verify`"))
    }
}
