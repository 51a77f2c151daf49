import EventLog
import Reconcile

/// One device that has written to the journal (`limber devices`).
public struct DeviceInfo: Sendable, Encodable {
    /// The device id (its folder under `devices/`).
    public var device: String
    /// Its name (the host name it wrote with its first commit).
    public var name: String?
    /// `true` for the device this machine writes as.
    public var mine: Bool
    /// The seq of its newest event this journal has.
    public var lastSeq: UInt64
    /// When it wrote its newest event (from the hybrid clock's wall-time part, UTC).
    public var lastEvent: LocalTimestamp?
    /// How far its newest event is ahead of this machine's clock, in seconds, when more than
    /// the 24 hours DESIGN §4 tolerates; `nil` otherwise.
    public var clockSkewSeconds: Int64?
}

extension Journal {
    /// Every device seen in the journal, reading only each device's newest member.
    public func devices() throws -> [DeviceInfo] {
        let mine = DeviceIdentity.current(for: layout, environment: options.environment)
        let now = HybridClock.wallClockMillis()
        var result: [DeviceInfo] = []
        for device in try FileSystem.list(layout.devices) where DeviceIdentity.isValidID(device) {
            // A device whose newest member cannot be read (damage, a link) is still listed;
            // `verify` says what is wrong with it.
            let head: (event: Event, hash: String)?
            do { head = try LogWriter.lastEvent(in: layout.deviceFolder(device)) } catch {
                if case .link = error.kind { continue }
                notices.append(
                    Notice(.damage, "device \(device): its newest event cannot be read; run `limber verify`"))
                head = nil
            }
            let ahead = (head?.event.hlc.millis ?? now) - now
            result.append(
                DeviceInfo(
                    device: device,
                    name: deviceName(device),
                    mine: device == mine?.device, lastSeq: head?.event.seq ?? 0,
                    lastEvent: head.map {
                        LocalTimestamp(
                            epochSeconds: $0.event.hlc.millis / 1000, utcOffsetSeconds: 0)
                    },
                    clockSkewSeconds: ahead > LogVerifier.skewLimitMillis ? ahead / 1000 : nil))
        }
        return result
    }
}
