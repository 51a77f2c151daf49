import ArgumentParser
import Limber

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a journal (an existing journal is left untouched).")

    @OptionGroup var options: JournalOptions

    func run() throws {
        let path = options.path
        if try Journal.create(at: path, options: options.openOptions) {
            Terminal.write("created journal at \(path)")
            if try Journal.setUpGit(at: path) {
                Terminal.write("it is in a git clone: segments merge with `limber git-merge` there")
            }
        } else {
            Terminal.write("journal already exists at \(path); left untouched")
        }
    }
}
