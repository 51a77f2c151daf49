/// Something the person should know about a command that still succeeded.
public struct Notice: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A contraindication or caution for the person's conditions.
        case caution
        /// Information (a new device id, a recovered torn write, a skipped prescribed exercise).
        case info
        /// Damage found while reading; nothing was changed.
        case damage
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
