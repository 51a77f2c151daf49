import Dispatch
import Glibc
import Synchronization
import SystemPackage

extension LogWriter {
    /// The most lines one member of a batch segment holds, in bytes (a longer line is a member
    /// of its own): as BGZF does, so that reading one imported session inflates at most this
    /// much. Measured on 100k sessions (143 MB of lines) at deflate level 6: 15.41 MB of
    /// segments against 13.98 MB with 4 MiB members (+10 %), the same CPU to compress
    /// (docs/PERFORMANCE.md).
    package static let batchMemberBytes = 64 << 10

    /// How many bytes of lines may wait for compression at once: enough that the members still
    /// compressing when the last line is encoded keep the other cores busy while the caller
    /// folds the commit.
    static let compressingBytes = 12 << 20

    /// Where a batch segment is built before it is linked into the device folder: inside
    /// `local/`, so file sync tools never see it half-written.
    var stagingFolder: String { layout.local + "/staging" }

    /// Links a batch segment written in staging into the device folder under its final name.
    ///
    /// - Parameter staged: The staging file, written and synced.
    func publishSegment(staged: String, size: Int, firstSeq: UInt64) throws(JournalError) -> String {
        try prepareDeviceFolder()
        let final = layout.segment(device: identity.device, firstSeq: firstSeq)
        // link(2) refuses an existing name: a segment is never replaced.
        guard Syscall.link(staged, final) == 0 else {
            let code = errno
            unlink(staged)
            throw .io("cannot publish the import segment as", final, code)
        }
        unlink(staged)
        try FileSystem.syncDirectory(layout.deviceFolder(identity.device))
        openSegment = (final, size)
        return String(final.dropFirst(layout.root.count + 1))
    }

    /// Deletes what an interrupted batch left in `local/staging/`. Call under the lock.
    func clearStaging() throws(JournalError) {
        // A link is never listed through: `unlink` of its target's files would delete
        // whatever it points at.
        guard try FileSystem.requireDirectory(stagingFolder) else { return }
        for name in try FileSystem.list(stagingFolder) { unlink(stagingFolder + "/" + name) }
    }
}
