import Foundation

/// The entry point. Built normally, `LimberFuzz TARGET PATH...` is the corpus replayer: it
/// runs every file at PATH (files, or folders walked recursively) through the target's checks,
/// as the fuzzer does, and exits 0 when every input passes, 1 when a check fails (a trap ends
/// it sooner, with the runtime's message), 2 on bad usage or an unreadable path.
///
/// Built with `-sanitize=fuzzer -DLIMBER_FUZZING` (`Scripts/fuzz`), it is a libFuzzer fuzzer
/// instead: it hands the command line to libFuzzer's driver (see `FuzzEntry.swift`). SwiftPM
/// links an executable's `main` to this type's entry point, so the fuzz build keeps it too.
@main
struct FuzzMain {
    static func main() {
        #if LIMBER_FUZZING
        exit(FuzzEntry.runDriver())
        #else
        exit(replay(Array(CommandLine.arguments.dropFirst())))
        #endif
    }

    /// Replays the files named by `arguments` (`TARGET PATH...`); returns the exit status.
    static func replay(_ arguments: [String]) -> Int32 {
        let targets = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[0]) else {
            FileHandle.standardError.write(Data("usage: LimberFuzz \(targets) PATH...\n".utf8))
            return 2
        }
        do {
            let files = try FuzzCorpus.files(in: Array(arguments.dropFirst()))
            let failures = try FuzzCorpus.replay(target, files: files)
            for (path, failure) in failures {
                FileHandle.standardError.write(Data("\(path): \(failure)\n".utf8))
            }
            print("\(target.rawValue): \(files.count) inputs, \(failures.count) failed")
            return failures.isEmpty ? 0 : 1
        } catch {
            FileHandle.standardError.write(Data("LimberFuzz: \(error)\n".utf8))
            return 2
        }
    }
}
