/// A load, in the unit it was entered in. Encodes as `{"unit":"kg","value":5}`.
public struct Weight: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount, finite and not negative once validated.
    public var value: Double
    /// The unit of ``value``.
    public var unit: WeightUnit

    /// Creates a weight without checking it; see ``validate(field:)``.
    public init(value: Double, unit: WeightUnit) {
        self.value = value
        self.unit = unit
    }

    /// Checks that the value is finite and within 0…``InputLimits/storedWeight``.
    public func validate(field: @autoclosure () -> String = "weight") throws(ModelError) {
        guard value.isFinite, value >= 0, value <= InputLimits.storedWeight else {
            let field = field()
            throw ModelError(
                kind: .outOfRange, field: field, input: description,
                description:
                    "\(field) must be from 0 to 5000, got \(ModelError.quote(description))",
                hint: "give the load in kg or lb, such as 12.5kg")
        }
    }

    /// Kilograms in one pound (exact, by the international definition).
    public static let kilogramsPerPound = 0.45359237

    /// The load in kilograms, for comparing loads logged in different units.
    public var kilograms: Double { unit == .kg ? value : value * Self.kilogramsPerPound }

    /// The same load in `unit`.
    public func converted(to unit: WeightUnit) -> Weight {
        if unit == self.unit { return self }
        return Weight(value: unit == .kg ? kilograms : value / Self.kilogramsPerPound, unit: unit)
    }

    /// The weight as typed in a set, such as `5kg` or `12.5lb`.
    public var description: String { Self.format(value) + unit.rawValue }

    /// Formats a number without a trailing `.0` (`5`, `12.5`).
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}
