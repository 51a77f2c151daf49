/// A parser of untrusted bytes (from other devices, a damaged disk or another app's export)
/// that the fuzzer drives, with the checks every input must pass besides not trapping.
///
/// The same code runs under libFuzzer (built with `-DLIMBER_FUZZING`, see `FuzzEntry.swift`),
/// in the corpus replayer (the normal build of `LimberFuzz`) and in `LimberFuzzTests`.
package enum FuzzTarget: String, CaseIterable, Sendable {
    /// `SegmentReader.scan` of a whole segment file, inflating and walking, with the standard
    /// limits and with small ones.
    case segment
    /// One event line through `EventLineParser.parse` (behind `EventDecoding.decode`) and
    /// through `JSONDecoder`: when both accept, the same ``EventLog/Event``.
    case event
    /// As ``event``, and both must also accept and reject the same lines, as
    /// `EventLineParser` documents.
    case eventStrict = "event-strict"
    /// A whole snapshot file through `Snapshot(path:journal:)` and every accessor.
    case snapshot
    /// A whole snapshot file as a journal's `local/cache/snapshot`, loaded as a warm open does:
    /// its refs followed into the journal's segments, the log read from its watermark, every
    /// session folded from it, and the snapshot rebuilt from what it holds.
    case snapshotLoad = "snapshot-load"
    /// A whole file through `Importer.read`, with the format recognised and as each format:
    /// what it returns must be valid, what it throws an ``Interchange/ImportError``.
    case importFile = "import"
    /// A whole file through `Archive.list`, `Archive.verify` and `Archive.restore`: what they
    /// throw must be a ``Backup/BackupError``, they must agree, and a restore must leave a
    /// journal of the manifest's files only, or nothing.
    case archive
    /// Two journals laid out from the input (``MergeInput``): `LogMerger.plan` and `apply` of
    /// one into the other, then `planConflictCopies` and `apply`, each checked with
    /// `LogVerifier.verify` and against what a merge must and must not write.
    case merge
    /// The lines of a records book (`local/cache/records`) through `RecordBook(lines:)`: what
    /// it accepts writes back the same.
    case records

    /// The folder of `Fixtures/fuzz` that holds this target's seeds and regression inputs.
    package var corpusName: String {
        switch self {
        case .segment: "segment"
        case .event, .eventStrict: "event"
        case .snapshot: "snapshot"
        case .snapshotLoad: "snapshot-load"
        case .importFile: "import"
        case .archive: "archive"
        case .merge: "merge"
        case .records: "records"
        }
    }

    /// Runs one input through the target's parsers and checks what they return.
    ///
    /// - Parameter input: The input; parsers that take a buffer read exactly this one, so
    ///   that a sanitizer sees any read past its end.
    /// - Returns: The first check that failed, or `nil`.
    package func run(_ input: UnsafeRawBufferPointer) -> FuzzFailure? {
        switch self {
        case .segment: Self.checkSegment(input)
        case .event: Self.checkEvent(input, strict: false)
        case .eventStrict: Self.checkEvent(input, strict: true)
        case .snapshot: Self.checkSnapshot(input)
        case .snapshotLoad: Self.checkSnapshotLoad(input)
        case .importFile: Self.checkImport(input)
        case .archive: Self.checkArchive(input)
        case .merge: Self.checkMerge(input)
        case .records: Self.checkRecords(input)
        }
    }

    /// Runs one input held in an array, from a buffer of exactly its size.
    ///
    /// - Parameter input: The input.
    /// - Returns: The first check that failed, or `nil`.
    package func run(_ input: [UInt8]) -> FuzzFailure? {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: input.count, alignment: 1)
        defer { buffer.deallocate() }
        buffer.copyBytes(from: input)
        return run(UnsafeRawBufferPointer(buffer))
    }

    /// A failure of this target.
    func failure(_ message: String) -> FuzzFailure {
        FuzzFailure(self, message)
    }
}
