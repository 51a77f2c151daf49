import Foundation
import Testing

import EventLog

@Suite("writer lock")
struct WriterLockTests {
    @Test("a second lock waits for its timeout, then fails with .locked; it succeeds once the first is released")
    func secondLockTimesOut() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        try FileManager.default.createDirectory(atPath: journal.layout.local, withIntermediateDirectories: true)
        let first = try WriterLock(path: journal.layout.lock, timeout: 0)

        let started = ContinuousClock.now
        let error = #expect(throws: JournalError.self) {
            _ = try WriterLock(path: journal.layout.lock, timeout: 0.3)
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(300))
        #expect(elapsed < .seconds(3))
        if case .locked(let waited)? = error?.kind {
            #expect(waited >= 0.3)
        } else {
            Issue.record("expected .locked, got \(String(describing: error))")
        }
        #expect(error?.path == journal.layout.root)
        #expect(error?.exitCode == 4)

        first.release()
        let second = try WriterLock(path: journal.layout.lock, timeout: 0)
        second.release()
    }

    @Test("a lock is dropped when its owner goes away")
    func releasedOnDeinit() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        try FileManager.default.createDirectory(atPath: journal.layout.local, withIntermediateDirectories: true)
        do {
            let held = try WriterLock(path: journal.layout.lock, timeout: 0)
            #expect(throws: JournalError.self) { _ = try WriterLock(path: journal.layout.lock, timeout: 0) }
            withExtendedLifetime(held) {}
        }
        _ = try WriterLock(path: journal.layout.lock, timeout: 0)
    }

    @Test("only one log writer at a time")
    func oneWriter() throws {
        let journal = try TemporaryJournal()
        defer { journal.remove() }
        do {
            let writer = try journal.writer()
            let error = #expect(throws: JournalError.self) { _ = try journal.writer(timeout: 0.1) }
            if case .locked? = error?.kind {} else { Issue.record("expected .locked, got \(String(describing: error))") }
            withExtendedLifetime(writer) {}
        }
        _ = try journal.writer(timeout: 0)
    }
}
