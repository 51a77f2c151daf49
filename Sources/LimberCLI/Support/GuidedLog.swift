import Limber

/// `log --interactive`: asks for each exercise, set and pain score on the terminal.
struct GuidedLog {
    let journal: Journal

    /// Walks the person through a session; `nil` when they cancel.
    func ask(starting base: LogRequest) throws -> LogRequest? {
        var request = base
        let catalog = journal.catalog
        let profile = journal.profile
        Terminal.write(
            "Logging a session. Press Enter to accept the default in [brackets]; Ctrl-D cancels.")
        if request.routine == nil {
            let ids = catalog.routines.map(\.id).joined(separator: ", ")
            guard let answer = Terminal.ask("Routine (\(ids)) [none]: ") else { return nil }
            if !answer.isEmpty { request.routine = answer }
        }
        if let name = request.routine {
            let routine = try catalog.routine(matching: name)
            request.routine = routine.id
            for item in routine.items
            where !request.sets.contains(where: { $0.exercise == item.exercise }) {
                let exercise = try catalog.exercise(matching: item.exercise)
                let contraindicated = catalog.warnings(for: exercise.id, profile: profile)
                    .contains { $0.severity == .contraindicated }
                Terminal.write("\n\(exercise.name): \(item.prescription.text)")
                for caution in catalog.warnings(for: exercise.id, profile: profile) {
                    Terminal.write("  ⚠ \(caution.text)")
                }
                var sides: [Side?] = []
                for entry in item.prescribedEntries() where !sides.contains(entry.side) {
                    sides.append(entry.side)
                }
                var given: [SetSpec] = []
                for side in sides {
                    let label = side.map { " (\($0.rawValue))" } ?? ""
                    let fallback = contraindicated ? "skip" : "as prescribed"
                    guard
                        let spec = askSets(
                            exercise.id, side: side,
                            prompt:
                                "  sets\(label), e.g. 12,12,10! or 10x5kg, 45s; s = skip [\(fallback)]: "
                        )
                    else { return nil }
                    switch spec {
                    case .skip: continue
                    case .asPrescribed where contraindicated: continue
                    case .asPrescribed:
                        given.append(
                            contentsOf: item.prescribedEntries().filter { $0.side == side }
                                .map { SetSpec(exercise: exercise.id, side: side, sets: $0.sets) })
                    case .sets(let parsed): given.append(parsed)
                    }
                }
                if given.isEmpty { request.skipping.insert(exercise.id) }
                request.sets.append(contentsOf: given)
            }
        }
        while true {
            guard let name = Terminal.ask("\nAnother exercise (id or name) [done]: ") else {
                return nil
            }
            if name.isEmpty { break }
            let exercise: Exercise
            do { exercise = try catalog.exercise(matching: name) } catch {
                Terminal.report(error)
                continue
            }
            for caution in catalog.warnings(for: exercise.id, profile: profile) {
                Terminal.write("  ⚠ \(caution.text)")
            }
            var side: Side?
            if exercise.perSide {
                guard let answer = Terminal.ask("  side (left, right, both) [both]: ") else {
                    return nil
                }
                side = Side(rawValue: answer.lowercased()) ?? .both
            }
            guard
                let spec = askSets(
                    exercise.id, side: side, prompt: "  sets, e.g. 12,12,10! or 10x5kg, 45s: ")
            else { return nil }
            if case .sets(let parsed) = spec { request.sets.append(parsed) }
        }
        if request.painBefore == nil {
            request.painBefore = askPain("Pain before (0–10) [skip]: ", field: "pain before") ?? nil
        }
        if request.painAfter == nil {
            request.painAfter = askPain("Pain after (0–10) [skip]: ", field: "pain after") ?? nil
        }
        if request.durationSeconds == nil {
            while let answer = Terminal.ask("Duration, e.g. 25m [skip]: "), !answer.isEmpty {
                do {
                    request.durationSeconds = try DurationText.parse(answer, field: "duration")
                    break
                } catch { Terminal.report(error) }
            }
        }
        if request.notes == nil, let note = Terminal.ask("Note [none]: "), !note.isEmpty {
            request.notes = note
        }
        guard let confirm = Terminal.ask("Log this session? [Y/n]: ") else { return nil }
        return confirm.lowercased().hasPrefix("n") ? nil : request
    }

    private enum Answer { case asPrescribed, skip, sets(SetSpec) }

    /// Asks until the answer parses; `nil` at end of input.
    private func askSets(_ exercise: String, side: Side?, prompt: String) -> Answer? {
        while true {
            guard let answer = Terminal.ask(prompt) else { return nil }
            if answer.isEmpty { return .asPrescribed }
            if answer.lowercased() == "s" || answer.lowercased() == "skip" { return .skip }
            let target = exercise + (side.map { ":" + $0.rawValue } ?? "")
            do { return .sets(try SetSpec.parse(target + "=" + answer)) } catch {
                Terminal.report(error)
            }
        }
    }

    private func askPain(_ prompt: String, field: String) -> PainScore?? {
        while true {
            guard let answer = Terminal.ask(prompt) else { return .some(nil) }
            if answer.isEmpty { return .some(nil) }
            do { return .some(try PainScore(parsing: answer, field: field)) } catch {
                Terminal.report(error)
            }
        }
    }
}
