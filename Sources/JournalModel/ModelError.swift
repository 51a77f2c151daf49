/// A mistake in a value a person typed or a file supplied, with a one-line fix.
///
/// The CLI prints ``description``, then ``hint``, and exits with ``exitCode``. Messages name
/// the field and quote the offending input (shortened and with control characters escaped);
/// they never contain free-text notes, which are health data.
public struct ModelError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, coarsely, so callers can `catch let e as ModelError where e.kind == …`.
    public enum Kind: Sendable, Hashable {
        /// The text does not have the expected shape (`"1x"` as a set, `"tomorrow"` as a time).
        case invalidSyntax
        /// The shape is right but the value is out of bounds (`pain 11`, `2026-02-30`).
        case outOfRange
        /// A number lacks its unit (`12x5` instead of `12x5kg`, `45` instead of `45s`).
        case missingUnit
        /// A name that matches nothing (unknown exercise, routine, side or unit).
        case unknown
        /// A name that matches more than one thing.
        case ambiguous
        /// A definition whose id is already taken (by a built-in or an earlier definition).
        case alreadyDefined
        /// A per-side exercise named without its side (`bird-dog=12` instead of `bird-dog:left=12`).
        case missingSide
        /// A time that is not allowed for what it is (a session start in the future).
        case notAllowed
    }

    /// The coarse category of the error.
    public var kind: Kind
    /// The option or field the input came from, such as `--pain-before`, `--set` or `pain`.
    public var field: String
    /// The offending input exactly as given (never free-text notes).
    public var input: String
    /// One line saying what is wrong, naming the field and quoting the input.
    public var description: String
    /// One line saying how to fix it; never `nil` for a `ModelError` (optional only to match
    /// ``UserFacingError``).
    public var hint: String?

    /// 2, a usage error (DESIGN §7): a `ModelError` is a bad value given on the command line.
    /// Modules that find one in a file wrap it in their own error (file, line, column).
    public var exitCode: Int32 { 2 }

    /// Creates an error; prefer the module's specific constructors, which phrase messages alike.
    public init(kind: Kind, field: String, input: String, description: String, hint: String) {
        self.kind = kind
        self.field = field
        self.input = input
        self.description = description
        self.hint = hint
    }

    /// Quotes `text` for a message: `"…"`, with `"`, `\` and control characters escaped and
    /// anything past 60 characters elided, so a message stays one readable line.
    package static func quote(_ text: some StringProtocol) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 60 {
                out += "…"
                break
            }
            count += 1
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
