#if LIMBER_FUZZING
import Glibc

/// The libFuzzer side of `LimberFuzz`, built only with `-sanitize=fuzzer -DLIMBER_FUZZING`
/// (see `Scripts/fuzz`): the target comes from `LIMBER_FUZZ_TARGET`, the rest of the command
/// line is libFuzzer's.
enum FuzzEntry {
    /// The target named by `LIMBER_FUZZ_TARGET`, read once.
    static let target: FuzzTarget? = getenv("LIMBER_FUZZ_TARGET").flatMap {
        FuzzTarget(rawValue: String(cString: $0))
    }

    /// Runs libFuzzer's driver on the process's command line, as libFuzzer's own `main` would;
    /// returns its exit status.
    static func runDriver() -> Int32 {
        guard target != nil else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            let message = "LimberFuzz: set LIMBER_FUZZ_TARGET to \(names)\n"
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            return 2
        }
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return runFuzzerDriver(&argc, &argv, fuzzerTestOneInput)
    }
}

/// libFuzzer's driver: `int LLVMFuzzerRunDriver(int *argc, char ***argv,
/// int (*UserCb)(const uint8_t *Data, size_t Size))`, in `libclang_rt.fuzzer`.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Called by libFuzzer for every input: a failed check traps, which libFuzzer reports as a
/// crash and saves the input. Exported under libFuzzer's name, so the object also links with
/// libFuzzer's own `main` or another driver.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let target = FuzzEntry.target else { exit(2) }
    if let failure = target.run(UnsafeRawBufferPointer(start: data, count: size)) {
        fatalError(failure.description)
    }
    return 0
}
#endif
