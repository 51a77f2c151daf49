/// One `--set` argument: `EXERCISE[:SIDE]=SPEC[,SPEC…]` (DESIGN §7).
///
/// SPEC is `REPS` (`12`), `REPSxWEIGHT` (`12x5kg`, `10X12.5lb`, `8×20kgs`) or a hold
/// (`45s`, `1m30s`, `2m`, `1:30`); a trailing `!` marks the set "stopped: pain".
/// Example: `bird-dog:left=12,12,10!`.
public struct SetSpec: Sendable, Hashable {
    /// The exercise as typed (an id, name or alias; resolve it with ``Catalog/exercise(matching:)``).
    public var exercise: String
    /// The side, if given after `:`.
    public var side: Side?
    /// The sets, in order.
    public var sets: [ExerciseSet]
    /// The argument as typed, for messages (empty for a spec made in code).
    public var typed: String = ""

    /// Creates a spec.
    public init(exercise: String, side: Side? = nil, sets: [ExerciseSet]) {
        self.exercise = exercise
        self.side = side
        self.sets = sets
    }

    /// How messages name this argument: `--set "bird-dog=12"`.
    public var place: String {
        "--set " + ModelError.quote(typed.isEmpty ? reference.description : typed)
    }

    /// The exercise and side, as typed.
    public var reference: ExerciseReference { ExerciseReference(exercise: exercise, side: side) }

    /// The entry these sets make for the resolved exercise id and side.
    public func entry(exerciseID: String, side: Side?) -> Entry {
        Entry(exercise: exerciseID, side: side, sets: sets)
    }

    /// Parses one `--set` argument.
    ///
    /// - Throws: ``ModelError`` (field `--set`) that quotes the argument and names the part that
    ///   is wrong: the missing `=`, the side, or set *n* and why (no unit, too many reps, …).
    public static func parse(_ text: String) throws(ModelError) -> SetSpec {
        let whole = "--set \(ModelError.quote(text))"
        func fail(_ kind: ModelError.Kind, _ problem: String, _ hint: String) -> ModelError {
            ModelError(
                kind: kind, field: "--set", input: text, description: "\(whole): \(problem)",
                hint: hint)
        }
        guard let equals = text.firstIndex(of: "=") else {
            throw fail(
                .invalidSyntax, "expected EXERCISE[:SIDE]=SETS",
                "for example bird-dog:left=12,12,10! or single-leg-rdl:right=10x8kg,10x8kg")
        }
        let reference = try ExerciseReference.parse(text[..<equals], field: "--set", whole: text)
        let name = reference.exercise
        let side = reference.side
        let list = text[text.index(after: equals)...]
        guard !list.trimmingSpaces.isEmpty else {
            throw fail(
                .invalidSyntax, "no sets after \"=\"", "list the sets, such as \(name)=12,12,10")
        }
        var sets: [ExerciseSet] = []
        for (index, item) in list.split(separator: ",", omittingEmptySubsequences: false)
            .enumerated()
        {
            switch parseItem(item) {
            case .success(let set):
                sets.append(set)
            case .failure(let problem):
                let label = "set \(index + 1) \(ModelError.quote(item.trimmingSpaces))"
                throw fail(problem.kind, "\(label) \(problem.text)", problem.hint)
            }
        }
        var spec = SetSpec(exercise: name, side: side, sets: sets)
        spec.typed = text
        return spec
    }

    struct ItemFailure: Error {
        var kind: ModelError.Kind
        var text: String
        var hint: String

        static let examples =
            "write sets like 12, 12x5kg, 10x12.5lb or a hold 45s; add ! after a set stopped by pain: 10!"
        static let zeroReps = ItemFailure(
            kind: .outOfRange, text: "is a set of 0 reps",
            hint: "leave out a set not done; 0! (or 0s! for a hold) records an attempt stopped by pain")
        static let notASpec = ItemFailure(
            kind: .invalidSyntax, text: "is not REPS, REPSxWEIGHT or a hold like 45s",
            hint: examples)
    }

    /// One SPEC, with its `!`.
    static func parseItem(_ raw: Substring) -> Result<ExerciseSet, ItemFailure> {
        var text = Substring(raw.trimmingSpaces)
        var stopped = false
        if text.hasSuffix("!") {
            stopped = true
            text = Substring(text.dropLast().trimmingSpaces)
        }
        guard !text.isEmpty else {
            return .failure(
                ItemFailure(kind: .invalidSyntax, text: "is empty", hint: ItemFailure.examples))
        }
        if text.utf8.allSatisfy(\.isASCIIDigit) {
            if !stopped, text.utf8.allSatisfy({ $0 == UInt8(ascii: "0") }) {
                return .failure(.zeroReps)
            }
            return reps(text).map { ExerciseSet(reps: $0, stoppedForPain: stopped) }
        }
        if let cross = text.firstIndex(where: { $0 == "x" || $0 == "X" || $0 == "×" }) {
            let repsText = text[..<cross].trimmingSpaces
            let weightText = text[text.index(after: cross)...].trimmingSpaces
            guard !repsText.isEmpty, repsText.utf8.allSatisfy(\.isASCIIDigit), !weightText.isEmpty
            else { return .failure(.notASpec) }
            let count: Int
            switch reps(Substring(repsText)) {
            case .success(let value): count = value
            case .failure(let failure): return .failure(failure)
            }
            if count == 0, !stopped { return .failure(.zeroReps) }
            return weight(weightText, reps: count).map {
                ExerciseSet(reps: count, weight: $0, stoppedForPain: stopped)
            }
        }
        switch DurationText.seconds(text) {
        case .success(0) where !stopped:
            return .failure(
                ItemFailure(
                    kind: .outOfRange, text: "is a hold of 0 seconds",
                    hint: "give how long the hold lasted, such as 45s; leave out a set not done"))
        case .success(let seconds):
            return .success(ExerciseSet(durationSeconds: Double(seconds), stoppedForPain: stopped))
        case .failure(.tooLong):
            return .failure(
                ItemFailure(
                    kind: .outOfRange, text: "is a hold longer than 24 hours",
                    hint: "check the number; holds look like 45s, 1m30s or 2m"))
        case .failure:
            return .failure(.notASpec)
        }
    }

    private static func reps(_ text: Substring) -> Result<Int, ItemFailure> {
        let limit = InputLimits.typedReps
        guard text.utf8.count <= 5, let value = Int(text), value <= limit else {
            return .failure(
                ItemFailure(
                    kind: .outOfRange, text: "has more than \(limit) reps",
                    hint: "check the number; a set is REPS or REPSxWEIGHT, such as 12 or 12x5kg"))
        }
        return .success(value)
    }

    /// `5kg`, `12.5 lb`: a plain decimal number then `kg`/`kgs`/`lb`/`lbs`.
    private static func weight(_ text: String, reps: Int) -> Result<Weight, ItemFailure> {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
        let integerDigits = i
        if i < scalars.count, scalars[i] == "." {
            i += 1
            let fractionStart = i
            while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
            guard i > fractionStart else { return .failure(.notASpec) }
        }
        guard integerDigits > 0, i <= 12 else { return .failure(.notASpec) }
        let numberText = String(String.UnicodeScalarView(scalars[..<i]))
        let unitText = String(String.UnicodeScalarView(scalars[i...])).trimmingSpaces
        guard let value = Double(numberText) else { return .failure(.notASpec) }
        guard !unitText.isEmpty else {
            return .failure(
                ItemFailure(
                    kind: .missingUnit, text: "has a weight without a unit",
                    hint: "add kg or lb: \(reps)x\(numberText)kg"))
        }
        guard let unit = WeightUnit(parsing: unitText) else {
            return .failure(
                ItemFailure(
                    kind: .unknown, text: "has an unknown unit \(ModelError.quote(unitText))",
                    hint: "weights are in kg or lb: \(reps)x\(numberText)kg"))
        }
        let weight = Weight(value: value, unit: unit)
        let limit = InputLimits.typedWeight(unit)
        guard value <= limit else {
            return .failure(
                ItemFailure(
                    kind: .outOfRange,
                    text: "has a weight above \(Weight.format(limit)) \(unit.rawValue)",
                    hint: "check the number; weights look like 12x5kg or 10x12.5lb"))
        }
        return .success(weight)
    }
}
