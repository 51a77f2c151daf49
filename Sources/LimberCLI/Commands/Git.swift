import ArgumentParser
import Limber

struct GitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git", abstract: "Keep a journal in git without merge conflicts.",
        discussion: """
            Every device writes only its own segments, so git merges journals file by file; a \
            segment that grew on one side and arrived shorter on the other (by a USB stick or \
            `limber sync`) merges to the longer with limber's merge driver. `limber init` in a \
            git clone sets it up, and so does the first write in a fresh clone of a journal.
            """,
        subcommands: [Setup.self])

    struct Setup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setup",
            abstract: "Register limber's merge driver for segments in this journal's git clone.")

        @OptionGroup var options: JournalOptions

        func run() throws {
            let path = options.path
            guard Journal.exists(at: path) else { _ = try options.open(); return }
            guard try Journal.setUpGit(at: path) else {
                throw LimberError(
                    .usage(
                        "\(path) is not in a git work tree (or git is not installed)",
                        hint: "run `git init` there first, or clone the journal's repository"))
            }
            Terminal.write("segments in \(path) now merge with `limber git-merge` in this clone")
        }
    }
}

struct GitMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-merge",
        abstract: "git's merge driver for segments (git runs it; see `limber git setup`).",
        discussion: """
            Of two versions of a segment where one is the start of the other, leaves the \
            longer in CURRENT (exit 0). Anything else is a forked device: exit 1, and git \
            reports a conflict.
            """)

    @Argument(help: ArgumentHelp("The common ancestor's version (%O).", valueName: "ancestor"))
    var ancestor: String

    @Argument(help: ArgumentHelp("Our version, where the result goes (%A).", valueName: "current"))
    var current: String

    @Argument(help: ArgumentHelp("Their version (%B).", valueName: "other"))
    var other: String

    @Argument(help: ArgumentHelp("The segment's path in the work tree (%P).", valueName: "path"))
    var path: String

    func run() throws {
        try Journal.gitMerge(current: current, other: other, path: path)
    }
}
