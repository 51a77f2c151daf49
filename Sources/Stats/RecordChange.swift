/// A record a set beat: which one, what it was and what it is now (as shown to a person).
public struct RecordChange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kinds of record.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case heaviestWeight, estimatedOneRepMax, mostReps, mostRepsWithoutWeight, longestHold,
            longestDistance

        /// The record's name in a sentence ("longest hold").
        public var label: String {
            switch self {
            case .heaviestWeight: "heaviest weight"
            case .estimatedOneRepMax: "best estimated 1RM"
            case .mostReps: "most reps"
            case .mostRepsWithoutWeight: "most reps without weight"
            case .longestHold: "longest hold"
            case .longestDistance: "longest distance"
            }
        }
    }

    /// Which record.
    public var kind: Kind
    /// The old record as text; `nil` when this is the first.
    public var was: String?
    /// The new record as text.
    public var now: String

    /// `longest hold 60 s, was 45 s`.
    public var description: String {
        kind.label + " " + now + (was.map { ", was " + $0 } ?? "")
    }
}
