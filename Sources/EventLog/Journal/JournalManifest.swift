import FoundationEssentials
import JournalModel

/// `limber.json`: marks a folder as a journal and fixes its format.
public struct JournalManifest: Sendable, Hashable, Codable {
    /// The newest on-disk format this version reads and writes.
    public static let currentFormat = 1

    /// The on-disk format version the journal was written in; never above ``currentFormat``
    /// once loaded.
    public var format: Int
    /// The journal's id, shared by every device's copy.
    public var journal: String
    /// When the journal was created (RFC 3339).
    public var created: String

    /// Creates a manifest.
    ///
    /// - Parameters:
    ///   - format: The on-disk format version (1 or later).
    ///   - journal: The journal's id, shared by every device's copy.
    ///   - created: When the journal was created (RFC 3339).
    public init(format: Int = JournalManifest.currentFormat, journal: String, created: String) {
        self.format = format
        self.journal = journal
        self.created = created
    }

    /// Reads and checks `limber.json`.
    ///
    /// - Throws: ``JournalError`` `.notAJournal`, `.badMetadata` or `.newerFormat`.
    package static func load(_ layout: JournalLayout) throws(JournalError) -> JournalManifest {
        guard let bytes = try FileSystem.readFile(layout.manifest, limit: 1 << 16) else {
            throw JournalError(.notAJournal, path: layout.root)
        }
        let manifest: JournalManifest
        do {
            manifest = try JSONCoding.decoder().decode(JournalManifest.self, from: Data(bytes))
        } catch {
            throw JournalError(
                .badMetadata("not a valid limber.json (needs format, journal and created)"),
                path: layout.manifest)
        }
        guard manifest.format >= 1 else {
            throw JournalError(
                .badMetadata("format \(manifest.format) is not valid"), path: layout.manifest)
        }
        guard manifest.format <= currentFormat else {
            throw JournalError(
                .newerFormat(found: manifest.format, supported: currentFormat),
                path: layout.manifest)
        }
        return manifest
    }

    /// The bytes written to `limber.json`.
    package func encoded() throws(JournalError) -> [UInt8] {
        do {
            return Array(try JSONCoding.encoder().encode(self)) + [UInt8(ascii: "\n")]
        } catch {
            throw JournalError(.badMetadata("cannot encode limber.json"), path: "limber.json")
        }
    }
}
