/// One exercise of a routine and how much of it.
public struct RoutineItem: Sendable, Hashable, Codable {
    /// The exercise id.
    public var exercise: String
    /// How much of it the routine asks for.
    public var prescription: Prescription

    /// Creates an item.
    public init(exercise: String, prescription: Prescription) {
        self.exercise = exercise
        self.prescription = prescription
    }

    /// What "logged as prescribed" records for this item
    /// (see ``Prescription/prescribedEntries(exercise:)``).
    public func prescribedEntries() -> [Entry] {
        prescription.prescribedEntries(exercise: exercise)
    }
}
