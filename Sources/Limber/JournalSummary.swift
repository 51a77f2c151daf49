import EventLog
import Reconcile

/// A journal described in one phrase for a person who must tell two apart: its id, when it
/// was created, how many devices wrote to it and how many sessions it shows.
struct JournalSummary: CustomStringConvertible {
    var id: String
    var created: String
    var devices: Int
    var sessions: Int

    /// Reads the journal at `layout` (its whole log: used only when refusing a merge).
    init(_ layout: JournalLayout) throws {
        let manifest = try JournalManifest.load(layout)
        id = manifest.journal
        created = manifest.created
        devices = try FileSystem.list(layout.devices).filter(DeviceIdentity.isValidID).count
        sessions = JournalState(folding: try LogReader.read(layout).events).sessions.count
    }

    var description: String {
        "journal \(id), created \(created.prefix(10)), \(devices) device(s), \(sessions) session(s)"
    }
}
