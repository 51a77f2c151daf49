import EventLog
import FoundationEssentials
import JournalModel
import Stats

/// The ``RecordBook`` of the whole history, kept in `local/cache/records.json` with how far
/// the log had been read when it was made (its watermark), so that `log` says which records a
/// session beat without reading every session again.
///
/// Derived: deleting it costs one full read; a file that is unreadable, too large, of another
/// journal or whose watermark does not fit the log is ignored and made again.
struct RecordBookCache: Codable {
    /// The layout of the file; another one is ignored.
    static let currentFormat = 1
    /// The largest file read (a book holds a few hundred bytes per exercise).
    static let sizeLimit = 4 << 20

    var format = currentFormat
    /// The journal id it was made for.
    var journal: String
    /// How far each segment was read into the book.
    var watermark: LogReader.Watermark
    /// The records.
    var book: RecordBook

    /// Where it is kept.
    static func path(in layout: JournalLayout) -> String { layout.cache + "/records.json" }

    /// The cache of `layout` when it is of this format and journal; `nil` otherwise. Nothing
    /// under `local/` is followed: a linked folder or file is not read.
    static func read(in layout: JournalLayout, journal: String) -> RecordBookCache? {
        guard FileSystem.kind(of: layout.local) == .directory,
            FileSystem.kind(of: layout.cache) == .directory,
            let bytes = try? FileSystem.readFile(path(in: layout), limit: sizeLimit),
            let cache = try? JSONCoding.decoder().decode(RecordBookCache.self, from: Data(bytes)),
            cache.format == currentFormat, cache.journal == journal,
            cache.watermark.values.allSatisfy({ $0 >= 0 })
        else { return nil }
        return cache
    }

    /// Replaces the file (atomically, without syncing: losing it costs only time); a failure
    /// is ignored for the same reason.
    func write(in layout: JournalLayout) {
        guard FileSystem.kind(of: layout.local) == .directory,
            let bytes = try? JSONCoding.encoder().encode(self)
        else { return }
        do {
            try FileSystem.makeDirectories(layout.cache)
            let file = try AtomicFile(replacing: Self.path(in: layout))
            try file.write(Array(bytes))
            try file.commit(durable: false)
        } catch {
            return
        }
    }
}
