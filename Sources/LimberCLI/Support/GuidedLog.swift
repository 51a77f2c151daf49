import Limber

/// `log --interactive`: asks for each exercise, set and pain score on the terminal, shows
/// the session it will log, and logs it only when confirmed. What "as prescribed" means is
/// left to the journal (``RoutineExpansion``): this only collects answers.
struct GuidedLog {
    let journal: Journal

    /// Walks the person through a session; `nil` when they cancel.
    func ask(starting base: LogRequest) throws -> LogRequest? {
        var request = base
        let catalog = journal.catalog
        let profile = journal.profile
        Terminal.write(
            "Logging a session. Press Enter to accept the default in [brackets]; Ctrl-D on an empty line cancels.")
        var routine: Routine?
        if let name = request.routine {
            routine = try catalog.routine(matching: name)
        } else {
            let ids = catalog.routines.map(\.id).joined(separator: ", ")
            while routine == nil {
                guard let answer = Terminal.ask("Routine (\(ids)) [none]: ") else { return nil }
                if answer.isEmpty { break }
                do { routine = try catalog.routine(matching: answer) } catch { Terminal.report(error) }
            }
        }
        if let routine {
            request.routine = routine.id
            for item in routine.items {
                guard let exercise = catalog.exercise(id: item.exercise) else { continue }
                let contraindicated = catalog.warnings(for: exercise.id, profile: profile)
                    .contains { $0.severity == .contraindicated }
                Terminal.write("\n\(exercise.name): \(item.prescription.text)")
                for caution in catalog.warnings(for: exercise.id, profile: profile) {
                    Terminal.write("  ⚠ \(caution)")
                }
                var sides: [Side?] = []
                for entry in item.prescribedEntries() where !sides.contains(entry.side) {
                    sides.append(entry.side)
                }
                for side in sides {
                    let label = side.map { " (\($0.rawValue))" } ?? ""
                    let fallback = contraindicated ? "skip" : "as prescribed"
                    guard
                        let answer = askSets(
                            exercise, side: side,
                            prompt:
                                "  sets\(label), e.g. \(Self.example(exercise)); s = skip [\(fallback)]: "
                        )
                    else { return nil }
                    switch answer {
                    case .asPrescribed:
                        // Left for the journal to fill in (it skips a contraindicated one).
                        break
                    case .skip:
                        request.skipping.append(ExerciseReference(exercise: exercise.id, side: side))
                    case .sets(let spec): request.sets.append(spec)
                    }
                }
            }
        }
        while true {
            let none = request.routine == nil && request.sets.isEmpty
            guard
                let name = Terminal.ask(
                    none ? "\nExercise (id or name): " : "\nAnother exercise (id or name) [done]: ")
            else { return nil }
            if name.isEmpty {
                if none {
                    Terminal.writeError(
                        "limber: a session needs at least one exercise (Ctrl-D on an empty line cancels)")
                    continue
                }
                break
            }
            let exercise: Exercise
            do { exercise = try catalog.exercise(matching: name) } catch {
                Terminal.report(error)
                continue
            }
            for caution in catalog.warnings(for: exercise.id, profile: profile) {
                Terminal.write("  ⚠ \(caution)")
            }
            var side: Side?
            if exercise.perSide {
                guard let chosen = askSide() else { return nil }
                side = chosen
            }
            guard
                let answer = askSets(
                    exercise, side: side, prompt: "  sets, e.g. \(Self.example(exercise)) [none]: ",
                    emptyIsNone: true)
            else { return nil }
            if case .sets(let spec) = answer { request.sets.append(spec) }
        }
        if request.painBefore == nil {
            guard let pain = askPain("Pain before (0–10) [skip]: ", field: "pain before") else {
                return nil
            }
            request.painBefore = pain
        }
        if request.painAfter == nil {
            guard let pain = askPain("Pain after (0–10) [skip]: ", field: "pain after") else {
                return nil
            }
            request.painAfter = pain
        }
        if request.durationSeconds == nil {
            while true {
                guard let answer = Terminal.ask("Duration, e.g. 25m [skip]: ") else { return nil }
                if answer.isEmpty { break }
                do {
                    request.durationSeconds = try DurationText.parse(answer, field: "duration")
                    break
                } catch { Terminal.report(error) }
            }
        }
        if request.start == nil {
            while true {
                guard
                    let answer = Terminal.ask(
                        "Started, e.g. 07:30, \"yesterday 18:00\" or 2026-11-24 07:30 [now]: ")
                else { return nil }
                if answer.isEmpty { break }
                do {
                    let typed = try LocalTimestamp.parseTyped(
                        answer, now: .now(), field: "start", bareDay: .timeOfNow)
                    try Session.checkTypedStart(
                        typed.timestamp, now: .now(), allowFuture: request.allowFuture,
                        field: "start")
                    if let adjustment = typed.adjustment { Terminal.show([Notice(.info, adjustment)]) }
                    request.start = typed.timestamp
                    break
                } catch { Terminal.report(error) }
            }
        }
        if request.notes == nil {
            guard let note = Terminal.ask("Note [none]: ") else { return nil }
            if !note.isEmpty { request.notes = note }
        }
        // The recap: the session exactly as it would be logged, with its notices.
        let (draft, notices) = try journal.draft(request)
        Terminal.write("\nThis will be logged:")
        Terminal.write(SessionText.detail(draft, catalog: catalog, conflicted: false, deleted: false, draft: true))
        Terminal.show(notices)
        guard let confirm = Terminal.ask("Log this session? [Y/n]: ") else { return nil }
        return confirm.lowercased().hasPrefix("n") ? nil : request
    }

    private enum Answer { case asPrescribed, skip, sets(SetSpec) }

    /// Asks until the answer parses; `nil` at end of input. A per-side exercise asked without
    /// a side (the nerve glide's "per painful leg") asks which side the sets were.
    private func askSets(
        _ exercise: Exercise, side: Side?, prompt: String, emptyIsNone: Bool = false
    ) -> Answer? {
        while true {
            guard let answer = Terminal.ask(prompt) else { return nil }
            if answer.isEmpty { return emptyIsNone ? .skip : .asPrescribed }
            if answer.lowercased() == "s" || answer.lowercased() == "skip" { return .skip }
            var chosen = side
            if exercise.perSide, chosen == nil {
                guard let asked = askSide() else { return nil }
                chosen = asked
            }
            let target = exercise.id + (chosen.map { ":" + $0.rawValue } ?? "")
            do {
                let spec = try SetSpec.parse(target + "=" + answer)
                try exercise.checkTyped(spec.sets, field: "sets", place: "")
                return .sets(spec)
            } catch {
                // Said about the answer, not about a --set nobody typed.
                Terminal.writeError("limber: error: \(Self.aboutAnswer(error.description))")
                if let hint = error.hint { Terminal.writeError("hint: \(hint)") }
            }
        }
    }

    /// Example sets for what the exercise measures.
    private static func example(_ exercise: Exercise) -> String {
        exercise.measure == .reps ? "12,12,10! or 10x5kg" : "30s,45s or 1m30s"
    }

    /// A `--set "…": problem` message as a problem of the answer: `set 2 "abc" is not …`.
    private static func aboutAnswer(_ message: String) -> String {
        guard message.hasPrefix("--set ") else { return message }
        let parts = message.split(separator: "\": ", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : message
    }

    /// `left`, `right`, `both` (or `l`, `r`, `b`); asks again until one is given.
    private func askSide() -> Side? {
        while true {
            guard let answer = Terminal.ask("  side (left, right, both): ") else { return nil }
            if let side = Side(parsing: answer) { return side }
            Terminal.writeError("limber: answer left, right or both (l, r, b)")
        }
    }

    /// A pain score, `.some(nil)` when skipped, `nil` at end of input.
    private func askPain(_ prompt: String, field: String) -> PainScore?? {
        while true {
            guard let answer = Terminal.ask(prompt) else { return nil }
            if answer.isEmpty { return .some(nil) }
            do { return .some(try PainScore(parsing: answer, field: field)) } catch {
                Terminal.report(error)
            }
        }
    }
}
