/// A check that one fuzz input broke, other than a trap (which stops the process by itself).
///
/// Like every message about stored data it names sizes, offsets and fields, never content:
/// a corpus may hold copies of real journals (health data).
package struct FuzzFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target whose check failed.
    package var target: FuzzTarget
    /// What was expected and did not hold.
    package var message: String

    /// Creates a failure.
    ///
    /// - Parameters:
    ///   - target: The target whose check failed.
    ///   - message: What was expected, without the input's content.
    package init(_ target: FuzzTarget, _ message: String) {
        self.target = target
        self.message = message
    }

    /// `"segment: MESSAGE"`.
    package var description: String { "\(target.rawValue): \(message)" }
}
