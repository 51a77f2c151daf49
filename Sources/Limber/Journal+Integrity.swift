import EventLog

/// The result of `verify`.
public struct IntegrityReport: Sendable, Encodable {
    /// One problem: file, byte offset, what.
    public struct Problem: Sendable, Hashable, Encodable, CustomStringConvertible {
        /// `"error"` when data is damaged or missing, `"warning"` when nothing is lost.
        public var severity: String
        /// The file, relative to the journal folder.
        public var file: String
        /// Byte offset in the file, when the problem has one.
        public var offset: Int?
        /// What is wrong, in one line.
        public var message: String
        public var description: String {
            offset.map { "\(file) @ byte \($0): \(message)" } ?? "\(file): \(message)"
        }
    }

    /// Every problem found, errors and warnings, in the order the segments were checked.
    public var problems: [Problem]
    /// The number of device folders checked.
    public var devices: Int
    /// The number of segment files checked.
    public var segments: Int
    /// The number of valid gzip members (commits) found.
    public var members: Int
    /// The number of events that decoded.
    public var events: Int
    /// `true` when nothing is damaged or missing (warnings, such as sync leftovers, allowed).
    public var clean: Bool
}

/// Events `repair` recovered from a sync tool's conflict copies of one device's segments.
public struct RecoveredEvents: Sendable, Hashable, Encodable {
    /// The device.
    public var device: String
    /// Events appended to the original segments.
    public var events: Int
    /// Why the rest of the copy was not taken, if anything was left.
    public var refused: String?
}

/// What `repair` did to one segment.
public struct RepairAction: Sendable, Hashable, Encodable {
    /// The repaired segment, relative to the journal folder.
    public var file: String
    /// Where the original, damaged bytes were kept (`<segment>.corrupt` or `.corrupt-N`), relative
    /// to the journal folder.
    public var movedTo: String
    /// The number of valid members (commits) kept in the rewritten segment.
    public var keptMembers: Int
    /// Bytes of the original that were not part of a valid member; they are now only in the
    /// kept copy.
    public var droppedBytes: Int
}

extension Journal {
    /// Checks every segment, member CRC, event, chain, seq gaps and forks; changes nothing.
    ///
    /// - Parameter options: Its environment names this machine's device (`LIMBER_MACHINE_ID`).
    public static func verify(at path: String, options: Options = Options()) throws -> IntegrityReport {
        let layout = JournalLayout(root: path)
        let own = DeviceIdentity.current(for: layout, environment: options.environment)?.device
        let report = try LogVerifier.verify(layout, ownDevice: own)
        return IntegrityReport(
            problems: report.problems.map {
                IntegrityReport.Problem(
                    severity: $0.severity.rawValue, file: $0.file, offset: $0.offset,
                    message: $0.message)
            },
            devices: report.devices, segments: report.segments, members: report.members,
            events: report.events, clean: report.isClean)
    }

    /// Keeps what sync tools' conflict copies of segments hold and the originals lack.
    public static func recoverConflictCopies(at path: String, options: Options = Options()) throws
        -> [RecoveredEvents]
    {
        try LogRepairer.recoverConflictCopies(
            JournalLayout(root: path), lockTimeout: options.lockTimeout
        )
        .map { RecoveredEvents(device: $0.device, events: $0.events, refused: $0.refusal) }
    }

    /// Moves each damaged segment aside (`*.corrupt`) and keeps its valid members in place.
    public static func repair(at path: String, options: Options = Options()) throws
        -> [RepairAction]
    {
        let layout = JournalLayout(root: path)
        let own = DeviceIdentity.current(for: layout, environment: options.environment)?.device
        return try LogRepairer.repair(layout, lockTimeout: options.lockTimeout, ownDevice: own).map {
            RepairAction(
                file: $0.file, movedTo: $0.movedTo, keptMembers: $0.keptMembers,
                droppedBytes: $0.droppedBytes)
        }
    }
}
