/// The paths inside a journal folder (DESIGN §2).
public struct JournalLayout: Sendable, Hashable {
    /// The journal folder.
    public let root: String

    /// Creates the layout of the journal folder at `root`.
    ///
    /// - Parameter root: The journal folder; trailing slashes are dropped (a lone `/` is kept).
    public init(root: String) {
        var trimmed = root
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
    }

    /// `limber.json`.
    public var manifest: String { root + "/limber.json" }
    /// `devices/`, one folder per device.
    public var devices: String { root + "/devices" }
    /// `local/`: this machine only, never synced or archived.
    public var local: String { root + "/local" }
    /// `local/device.json`: this machine's device id.
    public var deviceIdentity: String { local + "/device.json" }
    /// `local/lock`: the writer lock.
    public var lock: String { local + "/lock" }
    /// `local/cache/`: derived data, deletable at any time.
    public var cache: String { local + "/cache" }

    /// The folder of one device's segments.
    public func deviceFolder(_ device: String) -> String { devices + "/" + device }

    /// The path of one segment.
    public func segment(device: String, firstSeq: UInt64) -> String {
        deviceFolder(device) + "/" + SegmentName.fileName(firstSeq: firstSeq)
    }
}
