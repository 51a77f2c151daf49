/// An error a person can fix: the CLI prints `description` as one line, then `hint`, and exits
/// with `exitCode` (DESIGN §7: 1 error, 2 usage, 3 integrity, 4 locked, 5 passphrase).
///
/// Descriptions name the place (file, line, field, byte offset), never the person's notes.
public protocol UserFacingError: Error, CustomStringConvertible {
    /// How to fix it, in one line; `nil` when there is nothing useful to say.
    var hint: String? { get }
    /// The process exit code for this error.
    var exitCode: Int32 { get }
}
