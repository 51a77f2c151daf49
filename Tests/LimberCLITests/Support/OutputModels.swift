import Foundation
import Testing

/// The DESIGN §8 session object as `log --json`, `show --json` and `list --json` print it.
struct SessionJSON: Decodable, Equatable {
    struct Weight: Decodable, Equatable {
        var value: Double
        var unit: String
    }

    struct SetJSON: Decodable, Equatable {
        var kind: String
        var reps: Int?
        var weight: Weight?
        var durationSeconds: Double?
        var distanceMeters: Double?
        var rpe: Double?
        var stoppedForPain: Bool
    }

    struct Entry: Decodable, Equatable {
        var exercise: String
        var side: String?
        var notes: String?
        var sets: [SetJSON]
        var prescribed: Bool?
    }

    var id: String
    var start: String
    var durationSeconds: Int?
    var routine: String?
    var painBefore: Int?
    var painAfter: Int?
    var notes: String?
    var entries: [Entry]
    var conflicted: Bool?
    var deleted: Bool?

    /// The entries of one exercise, in order.
    func entries(of exercise: String) -> [Entry] { entries.filter { $0.exercise == exercise } }

    /// The distinct exercises, in order of first appearance.
    var exercises: [String] {
        var seen: [String] = []
        for entry in entries where !seen.contains(entry.exercise) { seen.append(entry.exercise) }
        return seen
    }
}

/// The keys DESIGN §8 fixes.
enum DesignKeys {
    static let session: Set<String> = [
        "id", "start", "durationSeconds", "routine", "painBefore", "painAfter", "notes", "entries",
    ]
    static let entry: Set<String> = ["exercise", "side", "notes", "sets"]
    /// DESIGN §8: `"prescribed": true` on entries filled in from a routine, absent otherwise.
    static let prescribed = "prescribed"
    static let set: Set<String> = [
        "kind", "reps", "weight", "durationSeconds", "distanceMeters", "rpe", "stoppedForPain",
    ]
    static let weight: Set<String> = ["value", "unit"]
    /// DESIGN §4.
    static let event: Set<String> = [
        "v", "id", "dev", "seq", "hlc", "prev", "type", "entity", "parents", "body",
    ]
}

/// One item of `show --history --json`.
struct HistoryJSON: Decodable {
    var id: String
    var type: String
    var device: String
    var seq: Int
}

/// One line of a segment (DESIGN §4).
struct EventJSON: Decodable {
    var v: Int
    var id: String
    var dev: String
    var seq: Int
    var hlc: String
    var prev: String
    var type: String
    var entity: String
    var parents: [String]
}

extension CLIResult {
    /// stdout decoded as `T`.
    func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(stdout.utf8))
        } catch {
            Issue.record("cannot decode \(T.self) from stdout: \(error)\n\(self)")
            throw error
        }
    }
}

/// Checks an object's keys, and those of its entries, sets and weights, against DESIGN §8.
/// `extra` are keys allowed beside the design's (such as `conflicted` for `list --json`).
func expectDesignKeys(
    _ session: [String: Any], extra: Set<String> = [], exactExtra: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let keys = Set(session.keys)
    if exactExtra {
        #expect(keys == DesignKeys.session.union(extra), sourceLocation: sourceLocation)
    } else {
        #expect(keys.subtracting(extra) == DesignKeys.session, sourceLocation: sourceLocation)
    }
    let entries = session["entries"] as? [[String: Any]] ?? []
    #expect(!entries.isEmpty, "no entries", sourceLocation: sourceLocation)
    for entry in entries {
        let keys = Set(entry.keys)
        #expect(keys.subtracting([DesignKeys.prescribed]) == DesignKeys.entry, sourceLocation: sourceLocation)
        if keys.contains(DesignKeys.prescribed) {
            #expect(entry[DesignKeys.prescribed] as? Bool == true, "written only when true", sourceLocation: sourceLocation)
        }
        let sets = entry["sets"] as? [[String: Any]] ?? []
        #expect(!sets.isEmpty, "an entry without sets", sourceLocation: sourceLocation)
        for set in sets {
            #expect(Set(set.keys) == DesignKeys.set, sourceLocation: sourceLocation)
            if let weight = set["weight"] as? [String: Any] {
                #expect(Set(weight.keys) == DesignKeys.weight, sourceLocation: sourceLocation)
            }
        }
    }
}

extension SessionJSON.SetJSON: CustomStringConvertible {
    /// `12`, `12x5.0kg`, `45.0s`, `done`, with `!` when stopped for pain (as `--set` writes).
    var description: String {
        var text = reps.map(String.init) ?? ""
        if let weight { text += "x\(weight.value)\(weight.unit)" }
        if let durationSeconds { text += "\(durationSeconds)s" }
        if let distanceMeters { text += " \(distanceMeters)m" }
        if text.isEmpty { text = "done" }
        if kind != "normal" { text += " (\(kind))" }
        return text + (stoppedForPain ? "!" : "")
    }
}

extension SessionJSON.Entry: CustomStringConvertible {
    /// `bird-dog:left=12,12,10!`
    var description: String {
        exercise + (side.map { ":" + $0 } ?? "") + "="
            + sets.map(\.description).joined(separator: ",")
    }
}
