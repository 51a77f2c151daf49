import Foundation
import Testing

@Suite("help and completion")
struct HelpTests {
    static let commands: [[String]] = [
        [], ["init"], ["log"], ["list"], ["show"], ["amend"], ["delete"], ["restore"],
        ["exercises"], ["exercise"], ["exercise", "add"], ["routines"], ["routine"],
        ["routine", "show"], ["routine", "add"], ["profile"], ["verify"], ["repair"],
    ]

    @Test("--help works for every command", arguments: commands)
    func help(_ command: [String]) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(LimberBinary.path, command + ["--help"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("USAGE"), "\(result)")
        #expect(result.stdout.contains((["limber"] + command).joined(separator: " ")), "\(result)")
        // Help never needs or touches a journal.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: sandbox.root).sorted() == [
                "home", "io", "xdg",
            ])
    }

    @Test("the top-level help lists every command")
    func topLevelListsCommands() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(LimberBinary.path, ["--help"])
        for command in Self.commands.compactMap(\.first) {
            #expect(result.stdout.contains(command), "\(command)")
        }
    }

    @Test("--generate-completion-script bash")
    func completion() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(LimberBinary.path, ["--generate-completion-script", "bash"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("limber"))
        #expect(result.stdout.contains("complete"))
    }
}
