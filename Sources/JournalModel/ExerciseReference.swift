/// An exercise as a person names it on the command line, with an optional side:
/// `EXERCISE[:SIDE]` (`bird-dog:left`, `rockback`, `single leg rdl:r`).
///
/// This is the one parser of that form: `--set`, `--skip`, `amend --remove` and the guided log
/// all use it. The exercise is the text as typed; ``Catalog/resolve(_:field:sessionSides:)``
/// finds it and checks the side against what the exercise is.
public struct ExerciseReference: Sendable, Hashable, CustomStringConvertible {
    /// The exercise as typed (an id, a name or an alias).
    public var exercise: String
    /// The side after `:`, if one was given.
    public var side: Side?

    /// Creates a reference.
    public init(exercise: String, side: Side? = nil) {
        self.exercise = exercise
        self.side = side
    }

    /// Parses `EXERCISE[:SIDE]`, where SIDE is `left`, `right`, `both` or `l`, `r`, `b`.
    ///
    /// - Parameters:
    ///   - text: The reference as typed.
    ///   - field: The option it came from (`--set`, `--skip`, `--remove`), for messages.
    ///   - whole: What to quote in messages (the whole `--set` argument); `text` when `nil`.
    /// - Throws: ``ModelError`` for an unknown side or an empty exercise.
    public static func parse(_ text: some StringProtocol, field: String, whole: String? = nil)
        throws(ModelError) -> ExerciseReference
    {
        let quoted = "\(field) \(ModelError.quote(whole ?? String(text)))"
        var name = text.trimmingSpaces
        var side: Side?
        if let colon = name.lastIndex(of: ":") {
            let sideText = name[name.index(after: colon)...].trimmingSpaces
            guard let parsed = Side(parsing: sideText) else {
                throw ModelError(
                    kind: .unknown, field: field, input: String(text),
                    description: "\(quoted): unknown side \(ModelError.quote(sideText))",
                    hint: "the side is left, right or both (l, r, b): bird-dog:left")
            }
            side = parsed
            name = name[..<colon].trimmingSpaces
        }
        guard !name.isEmpty else {
            throw ModelError(
                kind: .invalidSyntax, field: field, input: String(text),
                description: "\(quoted): no exercise named",
                hint: "name the exercise first, such as bird-dog:left (see `limber exercises`)")
        }
        return ExerciseReference(exercise: name, side: side)
    }

    /// `bird-dog:left`, or the exercise alone without a side.
    public var description: String {
        side.map { "\(exercise):\($0.rawValue)" } ?? exercise
    }
}

extension ExerciseReference: ExpressibleByStringLiteral {
    /// A reference written in code as `"bird-dog:left"` (parsed like typed input; a literal
    /// with an unknown side keeps the whole text as the exercise).
    public init(stringLiteral text: String) {
        self = (try? Self.parse(text, field: "exercise")) ?? ExerciseReference(exercise: text)
    }
}
