import EventLog

/// The result of `verify`.
public struct IntegrityReport: Sendable, Encodable {
    /// One problem: file, byte offset, what.
    public struct Problem: Sendable, Hashable, Encodable, CustomStringConvertible {
        public var severity: String
        public var file: String
        public var offset: Int?
        public var message: String
        public var description: String {
            offset.map { "\(file) @ byte \($0): \(message)" } ?? "\(file): \(message)"
        }
    }

    public var problems: [Problem]
    public var devices: Int
    public var segments: Int
    public var members: Int
    public var events: Int
    /// `true` when nothing is damaged or missing (warnings, such as sync leftovers, allowed).
    public var clean: Bool
}

/// What `repair` did to one segment.
public struct RepairAction: Sendable, Hashable, Encodable {
    public var file: String
    public var movedTo: String
    public var keptMembers: Int
    public var droppedBytes: Int
}

extension Journal {
    /// Checks every segment, member CRC, event, chain, seq gaps and forks; changes nothing.
    public static func verify(at path: String) throws -> IntegrityReport {
        let report = try LogVerifier.verify(JournalLayout(root: path))
        return IntegrityReport(
            problems: report.problems.map {
                IntegrityReport.Problem(
                    severity: $0.severity.rawValue, file: $0.file, offset: $0.offset,
                    message: $0.message)
            },
            devices: report.devices, segments: report.segments, members: report.members,
            events: report.events, clean: report.isClean)
    }

    /// Moves each damaged segment aside (`*.corrupt`) and keeps its valid members in place.
    public static func repair(at path: String, options: Options = Options()) throws
        -> [RepairAction]
    {
        try LogRepairer.repair(JournalLayout(root: path), lockTimeout: options.lockTimeout).map {
            RepairAction(
                file: $0.file, movedTo: $0.movedTo, keptMembers: $0.keptMembers,
                droppedBytes: $0.droppedBytes)
        }
    }
}
