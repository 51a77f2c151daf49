import Crypto
import FoundationEssentials
import Glibc
import JournalModel

/// This machine's device id for one journal, kept in `local/device.json` (DESIGN §2).
///
/// The file records a fingerprint of the machine and of the journal's absolute path. A folder
/// copied to another machine, or to another place on this one, no longer matches it, and gets
/// a fresh device id on its first write, so that two copies never write as one device (which
/// would fork that device's log).
public struct DeviceIdentity: Sendable, Hashable, Codable {
    /// The device id: 16 lowercase hex digits; the name of its folder under `devices/`.
    public var device: String
    /// A readable name (the host name) shown by `limber devices`.
    public var name: String
    /// SHA-256 of the machine id and the journal's absolute path.
    public var fingerprint: String

    /// Why an identity was (re)made on open.
    public enum Change: Sendable, Equatable {
        /// No `local/device.json` yet: a new journal, or a restored/copied one.
        case created
        /// The folder was copied here from another machine or place.
        case copied(previousDevice: String)
    }

    /// Reads the identity without changing anything; `nil` if there is none or it is for
    /// another machine or place.
    package static func current(for layout: JournalLayout, environment: [String: String])
        -> DeviceIdentity?
    {
        guard let bytes = try? FileSystem.readFile(layout.deviceIdentity, limit: 1 << 16),
            let identity = try? JSONCoding.decoder().decode(DeviceIdentity.self, from: Data(bytes)),
            identity.fingerprint == fingerprint(for: layout, environment: environment)
        else { return nil }
        return identity
    }

    /// Reads the identity, minting and durably storing a new one when it is missing or was made
    /// for another machine or path. Call under the writer lock.
    package static func establish(
        for layout: JournalLayout, environment: [String: String]
    ) throws(JournalError) -> (DeviceIdentity, Change?) {
        let (identity, change) = try resolve(for: layout, environment: environment)
        if change != nil { try identity.persist(in: layout) }
        return (identity, change)
    }

    /// The identity to write as, without writing anything: the stored one when it matches this
    /// machine and path, else a new one (with the reason) that ``persist(in:)`` stores.
    package static func resolve(
        for layout: JournalLayout, environment: [String: String]
    ) throws(JournalError) -> (DeviceIdentity, Change?) {
        let expected = fingerprint(for: layout, environment: environment)
        var previous: String?
        if let bytes = try FileSystem.readFile(layout.deviceIdentity, limit: 1 << 16) {
            if let identity = try? JSONCoding.decoder().decode(
                DeviceIdentity.self, from: Data(bytes))
            {
                if identity.fingerprint == expected, isValidID(identity.device) {
                    return (identity, nil)
                }
                previous = identity.device
            }
        }
        // A new device is named after the host, or `LIMBER_DEVICE_NAME` ("laptop").
        let given = environment["LIMBER_DEVICE_NAME"].map { $0.trimmingSpaces } ?? ""
        let name = given.isEmpty ? hostName() : String(given.prefix(64))
        let identity = DeviceIdentity(device: newID(), name: name, fingerprint: expected)
        return (identity, previous.map { .copied(previousDevice: $0) } ?? .created)
    }

    /// Stores this identity in `local/device.json`, durably.
    package func persist(in layout: JournalLayout) throws(JournalError) {
        let bytes: [UInt8]
        do { bytes = Array(try JSONCoding.encoder().encode(self)) + [10] } catch {
            throw JournalError(
                .badMetadata("cannot encode device.json"), path: layout.deviceIdentity)
        }
        try FileSystem.makeDirectory(layout.local)
        try FileSystem.writeAtomically(bytes, to: layout.deviceIdentity)
    }

    /// `true` for 16 lowercase hex digits.
    package static func isValidID(_ text: String) -> Bool {
        text.utf8.count == 16
            && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.utf8.count) + hex
    }

    /// The machine part comes from `LIMBER_MACHINE_ID` (tests, containers without one), else
    /// `/etc/machine-id`, else the host name.
    static func fingerprint(for layout: JournalLayout, environment: [String: String]) -> String {
        var machine = environment["LIMBER_MACHINE_ID"] ?? ""
        if machine.isEmpty, let bytes = try? FileSystem.readFile("/etc/machine-id", limit: 4096, followingLinks: true) {
            machine = String(decoding: bytes.filter { $0 > 32 }, as: UTF8.self)
        }
        if machine.isEmpty { machine = "host:" + hostName() }
        let text = "limber-device-v1\nmachine:\(machine)\npath:\(FileSystem.absolute(layout.root))"
        return Hex.encode(SHA256.hash(data: Array(text.utf8)))
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        let name = String(
            decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "unknown" : name
    }
}
