import ArgumentParser
import Limber

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every segment, member, event and chain; exit 3 if anything is damaged.")

    @OptionGroup var options: JournalOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try Journal.verify(at: options.path, options: options.openOptions)
        if output.json {
            try JSONOutput.print(report)
        } else {
            for problem in report.problems { Terminal.write("\(problem.severity): \(problem)") }
            let summary =
                "\(report.devices) device(s), \(report.segments) segment(s), \(report.members) member(s), \(report.events) event(s)"
            Terminal.write(
                report.clean
                    ? "ok: \(summary)"
                    : "damaged: \(summary); `limber repair` deals with every error but a gap: it removes links and keeps every valid member, moving the rest aside (*.corrupt)"
            )
        }
        if !report.clean { throw ExitCode(3) }
    }
}
