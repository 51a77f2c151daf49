import EventLog
import JournalModel
import Stats

/// The ``RecordBook`` of the whole history, kept in `local/cache/records` with how far the log
/// had been read when it was made (its watermark), so that `log` says which records a session
/// beat without reading every session again.
///
/// Text, tab-separated: a first line `limber-records 1`, then `journal ID`, one
/// `mark SEGMENT OFFSET` per segment, then the book's lines (``RecordBook/lines``). Derived:
/// deleting it costs one full read; a file that is unreadable, too large, of another format or
/// journal, or whose watermark does not fit the log is ignored and made again.
struct RecordBookCache {
    /// The first line; a file with another one is ignored.
    static let header = "limber-records 1"
    /// The largest file read (a book holds a few hundred bytes per exercise).
    static let sizeLimit = 4 << 20

    /// The journal id it was made for.
    var journal: String
    /// How far each segment was read into the book.
    var watermark: LogReader.Watermark
    /// The records.
    var book: RecordBook

    /// Where it is kept.
    static func path(in layout: JournalLayout) -> String { layout.cache + "/records" }

    /// The cache of `layout` when it is of this format and journal; `nil` otherwise. Nothing
    /// under `local/` is followed: a linked folder or file is not read.
    static func read(in layout: JournalLayout, journal: String) -> RecordBookCache? {
        guard FileSystem.kind(of: layout.local) == .directory,
            FileSystem.kind(of: layout.cache) == .directory,
            let bytes = try? FileSystem.readFile(path(in: layout), limit: sizeLimit)
        else { return nil }
        // Split as bytes: splitting characters costs a grapheme check each.
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { Substring(String(decoding: $0, as: UTF8.self)) }
        guard lines.count >= 3, lines[0] == header, lines[1] == "journal\t" + journal, lines.last == "" else {
            return nil
        }
        var watermark: LogReader.Watermark = [:]
        var index = 2
        while index < lines.count, lines[index].hasPrefix("mark\t") {
            let fields = lines[index].utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 3, !fields[1].isEmpty, let offset = Int(fields[2]), offset >= 0,
                watermark.updateValue(offset, forKey: fields[1]) == nil
            else { return nil }
            index += 1
        }
        guard let book = RecordBook(lines: lines[index..<(lines.count - 1)]) else { return nil }
        return RecordBookCache(journal: journal, watermark: watermark, book: book)
    }

    /// Replaces the file (atomically, without syncing: losing it costs only time); a failure
    /// is ignored for the same reason.
    func write(in layout: JournalLayout) {
        guard FileSystem.kind(of: layout.local) == .directory,
            !watermark.keys.contains(where: { $0.contains("\t") || $0.contains("\n") })
        else { return }
        var text = Self.header + "\njournal\t" + journal + "\n"
        for (file, offset) in watermark.sorted(by: { $0.key < $1.key }) {
            text += "mark\t" + file + "\t" + String(offset) + "\n"
        }
        for line in book.lines { text += line + "\n" }
        do {
            try FileSystem.makeDirectories(layout.cache)
            let file = try AtomicFile(replacing: Self.path(in: layout))
            try file.write(Array(text.utf8))
            try file.commit(durable: false)
        } catch {
            return
        }
    }
}
