/// Parses `routine add --item` values: `EXERCISE=SETSxREPS[-MAX][/side]` or
/// `EXERCISE=SETSxHOLDs[-MAXs][/side]`, e.g. `clamshell=3x12-15/side`, `plank=3x30s-60s`.
public enum RoutineItemSpec {
    /// The exercise as typed and its prescription.
    ///
    /// - Throws: ``LimberError`` `.invalid` naming the bad part.
    public static func parse(_ text: String) throws -> (
        exercise: String, prescription: Prescription
    ) {
        let hint = "write EXERCISE=SETSxREPS, e.g. clamshell=3x12-15/side or plank=3x30s-60s"
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw LimberError(.invalid("--item \"\(text)\" has no EXERCISE= part", hint: hint))
        }
        let exercise = String(text[..<equals])
        var spec = Substring(text[text.index(after: equals)...]).lowercased()[...]
        var perSide = false
        for suffix in ["/side", "/leg", " each side", " per side"] where spec.hasSuffix(suffix) {
            perSide = true
            spec = spec.dropLast(suffix.count)
        }
        let parts = spec.split(separator: "x", maxSplits: 1)
        guard parts.count == 2, let sets = Int(parts[0]), (1...100).contains(sets) else {
            throw LimberError(
                .invalid("--item \"\(text)\": \"\(spec)\" is not SETSxREPS", hint: hint))
        }
        let amount = parts[1]
        let isHold = amount.hasSuffix("s")
        let bounds = amount.split(separator: "-", maxSplits: 1).map { part in
            Int(part.hasSuffix("s") ? part.dropLast() : part)
        }
        guard let low = bounds.first ?? nil, low > 0, bounds.allSatisfy({ $0 != nil }),
            (bounds.last ?? nil).map({ $0 >= low }) == true
        else {
            throw LimberError(
                .invalid(
                    "--item \"\(text)\": \"\(amount)\" is not REPS, MIN-MAX or a hold like 30s",
                    hint: hint))
        }
        let high = (bounds.last ?? nil) ?? low
        let range = low == high ? "\(low)" : "\(low)–\(high)"
        let side = perSide ? " per side" : ""
        if isHold {
            return (
                exercise,
                Prescription(
                    sets: sets, holdMinSeconds: low, holdMaxSeconds: high, perSide: perSide,
                    text: "\(sets) × hold \(range) s\(side)")
            )
        }
        return (
            exercise,
            Prescription(
                sets: sets, repsMin: low, repsMax: high, perSide: perSide,
                text: "\(sets) sets × \(range) reps\(side)")
        )
    }
}
