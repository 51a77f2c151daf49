import ArgumentParser
import Limber

/// The subcommand words of a command line, and the refusal of one that names no command
/// (`limber lsit`), with did-you-mean, before ArgumentParser reads it as an argument.
enum CommandPath {
    /// The leading words that name subcommands (`["conflicts", "resolve"]`).
    static func words(in arguments: [String]) -> [String] {
        var command: any ParsableCommand.Type = LimberCommand.self
        var path: [String] = []
        for word in arguments {
            guard !word.hasPrefix("-"),
                let next = command.configuration.subcommands.first(where: {
                    $0._commandName == word
                })
            else { break }
            path.append(word)
            command = next
        }
        return path
    }

    /// An error when a word after a command that has subcommands names none of them (no
    /// limber command with subcommands takes an argument of its own), also after `help`.
    static func unknownCommand(in arguments: [String]) -> LimberError? {
        var rest = arguments
        var isHelp = false
        if rest.first == "help" {
            isHelp = true
            rest.removeFirst()
        }
        var command: any ParsableCommand.Type = LimberCommand.self
        var path: [String] = []
        for word in rest {
            if word.hasPrefix("-") { return nil }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            if let next = subcommands.first(where: { $0._commandName == word }) {
                path.append(word)
                command = next
                continue
            }
            let names = subcommands.map { $0._commandName } + (path.isEmpty && !isHelp ? ["help"] : [])
            let near = Suggestion.best(to: word, among: names)
            let whole = (["limber"] + path).joined(separator: " ")
            let typed = (path + [word]).joined(separator: " ")
            var suggestions: [String] = []
            for name in near { suggestions.append("`" + whole + " " + name + "`") }
            let guess =
                suggestions.isEmpty
                ? "" : "did you mean " + suggestions.joined(separator: " or ") + "? "
            return LimberError(
                .usage(
                    "unknown command \"" + typed + "\"",
                    hint: guess + "`" + whole + " --help` lists the commands"))
        }
        return nil
    }
}
