import Foundation
import Testing

import EventLog

@Suite("replacing a file atomically")
struct AtomicFileTests {
    @Test("the target appears whole on commit, 0600, and not at all before")
    func commit() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        let target = journal.path("file.json")
        try journal.write(Array("old".utf8), to: target)
        do {
            let file = try AtomicFile(replacing: target)
            try file.write(Array("new contents".utf8))
            #expect(try journal.bytes(target) == Array("old".utf8), "untouched until commit")
            try file.commit()
        }
        #expect(try journal.bytes(target) == Array("new contents".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let names = try FileManager.default.contentsOfDirectory(atPath: journal.layout.root)
        #expect(!names.contains { $0.contains("limber-tmp") }, "\(names)")
    }

    @Test("dropped uncommitted, nothing changes and no temporary file stays")
    func dropped() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        let target = journal.path("file.json")
        try journal.write(Array("old".utf8), to: target)
        do {
            let file = try AtomicFile(replacing: target)
            try file.write(Array(repeating: 7, count: 3 << 20))
        }
        #expect(try journal.bytes(target) == Array("old".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: journal.layout.root)
        #expect(!names.contains { $0.contains("limber-tmp") }, "\(names)")
    }

    @Test("a link at the target is replaced by the file, never written through")
    func linkAtTarget() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        let outside = journal.folder.appendingPathComponent("outside.txt").path
        try journal.write(Array("keep me".utf8), to: outside)
        let target = journal.path("file.json")
        try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: outside)
        let file = try AtomicFile(replacing: target)
        try file.write(Array("new".utf8))
        try file.commit()
        #expect(try journal.bytes(outside) == Array("keep me".utf8))
        #expect(try journal.bytes(target) == Array("new".utf8))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: target)) == nil)
    }
}
