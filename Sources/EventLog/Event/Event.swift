import JournalModel

/// One stored event: the envelope of DESIGN §4 with its decoded body.
public struct Event: Sendable, Hashable, Codable {
    /// Envelope version (1).
    public let version: Int
    /// Unique id (UUID v7, or name-based for imports).
    public let id: String
    /// The device that wrote it.
    public let device: String
    /// Gapless per device, from 1.
    public let seq: UInt64
    /// Hybrid logical clock timestamp at writing.
    public let hlc: HLC
    /// SHA-256 (hex) of the previous stored line of the same device; 64 zeros for the first.
    public let prev: String
    /// The kind of event, as stored (also for kinds this version does not know).
    public let type: EventType
    /// The entity the event is about: a session id, `exercise/<id>`, `routine/<id>`, `profile`.
    public let entity: String
    /// The entity's history heads the writer had seen.
    public let parents: [String]
    /// The decoded body.
    public let body: EventBody

    /// The largest `seq` a reader accepts (2^53 − 1, exact in every JSON reader); with it,
    /// arithmetic on seqs read from disk cannot overflow.
    public static let maxSeq: UInt64 = (1 << 53) - 1

    /// The position of this event in the total merge order `(hlc, dev, seq)`.
    public var order: EventOrder { EventOrder(hlc: hlc, device: device, seq: seq) }

    /// Creates an event with every envelope field given; the envelope version is always 1.
    ///
    /// - Parameters:
    ///   - id: The event's unique id.
    ///   - device: The device that writes it.
    ///   - seq: Its place in that device's log, gapless from 1.
    ///   - hlc: Its hybrid-clock timestamp.
    ///   - prev: The chain hash of the device's previous stored line (``Hex/genesis`` for the
    ///     first).
    ///   - entity: The entity it is about.
    ///   - parents: The entity's history heads the writer had seen.
    ///   - body: The decoded body.
    ///   - type: The stored kind; `nil` derives it from `body` (`"unknown"` when the body has
    ///     none).
    package init(
        id: String, device: String, seq: UInt64, hlc: HLC, prev: String, entity: String,
        parents: [String], body: EventBody, type: EventType? = nil
    ) {
        self.version = 1
        self.id = id
        self.device = device
        self.seq = seq
        self.hlc = hlc
        self.prev = prev
        self.type = type ?? body.type ?? EventType(rawValue: "unknown")
        self.entity = entity
        self.parents = parents
        self.body = body
    }

    enum CodingKeys: String, CodingKey {
        case version = "v", device = "dev", id, seq, hlc, prev, type, entity, parents, body
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        id = try container.decode(String.self, forKey: .id)
        device = try container.decode(String.self, forKey: .device)
        seq = try container.decode(UInt64.self, forKey: .seq)
        guard seq >= 1, seq <= Self.maxSeq else {
            throw DecodingError.dataCorruptedError(
                forKey: .seq, in: container, debugDescription: "seq is not from 1 to 2^53-1")
        }
        hlc = try container.decode(HLC.self, forKey: .hlc)
        prev = try container.decode(String.self, forKey: .prev)
        type = try container.decode(EventType.self, forKey: .type)
        entity = try container.decode(String.self, forKey: .entity)
        parents = try container.decodeIfPresent([String].self, forKey: .parents) ?? []
        switch type {
        case .sessionLogged:
            body = .sessionLogged(try container.decode(Session.self, forKey: .body))
        case .sessionAmended:
            body = .sessionAmended(try container.decode(SessionPatch.self, forKey: .body))
        case .sessionDeleted: body = .sessionDeleted
        case .sessionRestored: body = .sessionRestored
        case .exerciseDefined:
            body = .exerciseDefined(try container.decode(Exercise.self, forKey: .body))
        case .routineDefined:
            body = .routineDefined(try container.decode(Routine.self, forKey: .body))
        case .profileSet:
            body = .profileSet(try container.decode(Profile.self, forKey: .body))
        case .conflictResolved:
            body = .conflictResolved(try container.decode(ConflictResolution.self, forKey: .body))
        case .deviceNamed:
            body = .deviceNamed(try container.decode(DeviceName.self, forKey: .body))
        case .journalJoined:
            body = .journalJoined(try container.decode(JournalJoin.self, forKey: .body))
        default: body = .unknown
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(id, forKey: .id)
        try container.encode(device, forKey: .device)
        try container.encode(seq, forKey: .seq)
        try container.encode(hlc, forKey: .hlc)
        try container.encode(prev, forKey: .prev)
        try container.encode(type, forKey: .type)
        try container.encode(entity, forKey: .entity)
        try container.encode(parents, forKey: .parents)
        switch body {
        case .sessionLogged(let session): try container.encode(session, forKey: .body)
        case .sessionAmended(let patch): try container.encode(patch, forKey: .body)
        case .exerciseDefined(let exercise): try container.encode(exercise, forKey: .body)
        case .routineDefined(let routine): try container.encode(routine, forKey: .body)
        case .profileSet(let profile): try container.encode(profile, forKey: .body)
        case .conflictResolved(let resolution): try container.encode(resolution, forKey: .body)
        case .deviceNamed(let name): try container.encode(name, forKey: .body)
        case .journalJoined(let join): try container.encode(join, forKey: .body)
        case .sessionDeleted, .sessionRestored, .unknown:
            try container.encode([String: String](), forKey: .body)
        }
    }
}

/// The total order in which events are folded: `(hlc, dev, seq)`.
public struct EventOrder: Sendable, Hashable, Comparable {
    /// The hybrid-clock timestamp: the first, dominant key of the order.
    public let hlc: HLC
    /// The writing device's id: breaks ties between equal timestamps.
    public let device: String
    /// The per-device sequence number: the last key, unique within one device.
    public let seq: UInt64

    /// Creates the order key of one event.
    ///
    /// - Parameters:
    ///   - hlc: The event's hybrid-clock timestamp.
    ///   - device: The id of the device that wrote it.
    ///   - seq: Its sequence number in that device's log.
    public init(hlc: HLC, device: String, seq: UInt64) {
        self.hlc = hlc
        self.device = device
        self.seq = seq
    }

    public static func < (lhs: EventOrder, rhs: EventOrder) -> Bool {
        if lhs.hlc != rhs.hlc { return lhs.hlc < rhs.hlc }
        if lhs.device != rhs.device { return lhs.device < rhs.device }
        return lhs.seq < rhs.seq
    }
}

/// What a writer asks to append; the log assigns id (unless given), device, seq, hlc and prev.
public struct NewEvent: Sendable {
    /// A fixed event id (name-based for imports, so that writing it again gives the same id);
    /// `nil` has the writer mint a UUID v7.
    public var id: String?
    /// The entity the event is about: a session id, `exercise/<id>`, `routine/<id>`, `profile`.
    public var entity: String
    /// The entity's history heads the caller had seen when it decided on this change.
    public var parents: [String]
    /// The decoded body; it also decides the stored event type.
    public var body: EventBody

    /// Creates an event to append.
    ///
    /// - Parameters:
    ///   - id: A fixed event id, or `nil` to have the writer mint one.
    ///   - entity: The entity the event is about.
    ///   - parents: The entity's history heads the caller had seen.
    ///   - body: The event's body.
    public init(id: String? = nil, entity: String, parents: [String] = [], body: EventBody) {
        self.id = id
        self.entity = entity
        self.parents = parents
        self.body = body
    }
}
