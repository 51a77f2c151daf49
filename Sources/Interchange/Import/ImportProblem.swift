/// One thing wrong with an input file, at a place a person can find in an editor.
///
/// Messages name the place and the field, and quote at most the offending value (never notes).
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line the problem is on (the line a CSV row starts on).
    public var line: Int
    /// The 1-based column: the CSV field's position, or the character position in a JSON line;
    /// `nil` when the whole line is at fault.
    public var column: Int?
    /// The field (CSV header name, JSON key), if one is at fault.
    public var field: String?
    /// What is wrong.
    public var message: String

    /// Creates a problem.
    public init(line: Int, column: Int? = nil, field: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `12:4: Reps: "abc" is not a whole number`. A message that already names its field
    /// (a model error's, such as `plank set 2: reps must be …`) is not prefixed with it again.
    public var description: String {
        var place = "\(line)"
        if let column { place += ":\(column)" }
        if let field, !message.contains(field + ": ") { return "\(place): \(field): \(message)" }
        return "\(place): \(message)"
    }
}
