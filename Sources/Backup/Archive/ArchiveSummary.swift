/// What an archive holds, as `archive create`, `verify`, `list` and `restore` report it.
public struct ArchiveSummary: Sendable, Encodable {
    /// The archive file.
    public var path: String
    /// The journal id.
    public var journal: String
    /// When it was made.
    public var created: String
    /// Whether it is encrypted.
    public var encrypted: Bool
    /// The devices whose logs it holds.
    public var devices: Int
    /// Segment files.
    public var segments: Int
    /// Bytes of all files (before tar and encryption).
    public var bytes: Int64
    /// Gzip members checked (`verify` only; 0 otherwise).
    public var members: Int
    /// Every file with its size and hash.
    public var files: [ArchiveManifest.File]
    /// What `create` left out: a device's incomplete last member (a write in progress), as
    /// "file: bytes".
    public var leftOut: [String] = []

    init(path: String, manifest: ArchiveManifest, encrypted: Bool, members: Int = 0) {
        self.path = path
        journal = manifest.journal
        created = manifest.created
        self.encrypted = encrypted
        files = manifest.files
        let segments = manifest.files.filter { $0.path.hasPrefix("devices/") }
        self.segments = segments.count
        devices = Set(segments.map { $0.path.split(separator: "/")[1] }).count
        bytes = manifest.files.reduce(0) { $0 + $1.size }
        self.members = members
    }
}
