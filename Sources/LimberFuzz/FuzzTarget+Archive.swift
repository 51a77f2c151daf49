import Backup
import FoundationEssentials
import Glibc
import LimberTestSupport

extension FuzzTarget {
    /// The passphrase the archive target opens encrypted inputs with: the encrypted seeds are
    /// made with it (and scrypt N 1024), so that mutants get past the key check.
    package static let archivePassphrase = "fuzz"

    /// The most scrypt work (N × r × p) an input's header may ask for: N 4096 with the r 8 and
    /// p 1 limber writes. The reader derives the key with the header's parameters (it caps N at
    /// 2^22, r at 32 and p at 16: up to 16 GiB and minutes per derivation, and every input
    /// derives it four times), so the target skips an input whose header line asks for more
    /// (N > 4096, or N × r × p over this) before calling anything; see
    /// ``archiveKeyIsTooCostly(_:)``. Headers the reader refuses before deriving still run.
    static let archiveScryptBudget = 4096 * 8

    /// Writes the input to a file and reads it as an archive with `Archive.list`,
    /// `Archive.verify` and `Archive.restore` (into a folder that does not exist yet, beside
    /// which nothing else is), with the passphrase ``archivePassphrase``.
    ///
    /// A thrown ``Backup/BackupError`` is an expected outcome; anything else thrown is not.
    /// The three must agree: what `verify` accepts, `list` and `restore` accept too, with the
    /// same manifest; what `restore` accepts, `list` accepts, and `verify` accepts too or
    /// refuses it as `malformed` (only `verify` inflates the segments' members). A restore
    /// that succeeds leaves exactly the journal folder: `limber.json`, `devices/`, folders
    /// `devices/<16 hex digits>/` holding only files `<16 digits>.jsonl.gz`, and the
    /// `.gitignore` and `.stignore` that `init` writes too; regular files and folders only,
    /// the files exactly those of the manifest, of its sizes and SHA-256. A restore that fails
    /// leaves nothing: neither the target nor its temporary `.<name>.limber-restore-PID`.
    ///
    /// A plain input whose tar headers' checksums are wrong is run a second time with them
    /// corrected (``archiveTarChecksumsRepaired(_:)``): mutations of a header's fields then
    /// reach the code behind the checksum check.
    static func checkArchive(_ input: UnsafeRawBufferPointer) -> FuzzFailure? {
        if archiveKeyIsTooCostly(input) { return nil }
        if let failure = checkArchiveFile(input, variant: "") { return failure }
        guard let repaired = archiveTarChecksumsRepaired(input) else { return nil }
        return repaired.withUnsafeBytes { checkArchiveFile($0, variant: " (tar checksums repaired)") }
    }

    /// How one call ended.
    private enum ArchiveOutcome {
        case success(ArchiveSummary)
        case refused(BackupError)
        /// An error of another type than `BackupError` (its type's name).
        case unexpected(String)

        init(_ body: () throws -> ArchiveSummary) {
            do {
                self = .success(try body())
            } catch let error as BackupError {
                self = .refused(error)
            } catch {
                self = .unexpected(String(describing: type(of: error)))
            }
        }

        /// `"succeeds"`, or what it throws (the error's kind, never its text: that quotes the
        /// input).
        var name: String {
            switch self {
            case .success: "succeeds"
            case .refused(let error): "throws \(error.kind.label)"
            case .unexpected(let type): "throws \(type)"
            }
        }
    }

    /// Runs the calls on one input and checks how they end.
    private static func checkArchiveFile(_ input: UnsafeRawBufferPointer, variant: String)
        -> FuzzFailure?
    {
        FuzzTarget.archive.withScratchFile(input) {
            checkArchiveFile(file: $0, encrypted: input.first == UInt8(ascii: "{"), variant: variant)
        }
    }

    private static func checkArchiveFile(file: ScratchFile, encrypted: Bool, variant: String)
        -> FuzzFailure?
    {
        let target = FuzzTarget.archive
        return target.withScratchFolder { folder in
            let journal = folder.path + "/journal"
            let listed = ArchiveOutcome { try Archive.list(file.path, passphrase: archivePassphrase) }
            let verified = ArchiveOutcome {
                try Archive.verify(file.path, passphrase: archivePassphrase)
            }
            let restored = ArchiveOutcome {
                try Archive.restore(file.path, to: journal, passphrase: archivePassphrase)
            }
            if let problem = archiveOutcomeProblem(
                listed: listed, verified: verified, restored: restored, encrypted: encrypted)
            {
                return target.failure(problem + variant)
            }
            // What restore leaves in the scratch folder.
            let left = folder.names()
            switch restored {
            case .success(let summary):
                guard left == ["journal"] else {
                    return target.failure(
                        "restore succeeds but the scratch folder holds \(left) instead of the journal"
                            + " alone" + variant)
                }
                if let problem = restoredJournalProblem(journal, files: summary.files) {
                    return target.failure("restored journal: " + problem + variant)
                }
            case .refused, .unexpected:
                guard left.isEmpty else {
                    return target.failure(
                        "restore \(restored.name) but leaves \(left) in the scratch folder" + variant)
                }
            }
            return nil
        }
    }

    /// What breaks the agreement of the three calls, or `nil`.
    private static func archiveOutcomeProblem(
        listed: ArchiveOutcome, verified: ArchiveOutcome, restored: ArchiveOutcome,
        encrypted: Bool
    ) -> String? {
        for (name, outcome) in [("list", listed), ("verify", verified), ("restore", restored)] {
            switch outcome {
            case .unexpected(let type):
                return "\(name) throws \(type), not a BackupError"
            case .success(let summary) where summary.encrypted != encrypted:
                return "\(name) reports encrypted \(summary.encrypted) for an input that "
                    + (encrypted ? "starts with {" : "does not start with {")
            default:
                break
            }
        }
        if case .success(let checked) = verified {
            guard case .success(let manifest) = listed else {
                return "verify succeeds, list \(listed.name)"
            }
            if let fields = summaryDifference(checked, manifest) {
                return "verify and list return different \(fields)"
            }
            guard case .success = restored else {
                return "verify succeeds, restore \(restored.name)"
            }
        }
        if case .success(let made) = restored {
            guard case .success(let manifest) = listed else {
                return "restore succeeds, list \(listed.name)"
            }
            if let fields = summaryDifference(made, manifest) {
                return "restore and list return different \(fields)"
            }
            switch verified {
            case .success:
                break
            case .refused(let error):
                guard case .malformed = error.kind else {
                    return "restore succeeds, verify \(verified.name) (only verify's member "
                        + "check may refuse what restore accepts, as malformed)"
                }
            case .unexpected:
                return "restore succeeds, verify \(verified.name)"
            }
        }
        return nil
    }

    /// The fields in which two summaries of one archive differ (never their values), or `nil`.
    private static func summaryDifference(_ lhs: ArchiveSummary, _ rhs: ArchiveSummary)
        -> String?
    {
        var fields: [String] = []
        if lhs.journal != rhs.journal { fields.append("journal") }
        if lhs.created != rhs.created { fields.append("created") }
        if lhs.encrypted != rhs.encrypted { fields.append("encrypted") }
        if lhs.files != rhs.files { fields.append("files") }
        if lhs.devices != rhs.devices { fields.append("devices") }
        if lhs.segments != rhs.segments { fields.append("segments") }
        if lhs.bytes != rhs.bytes { fields.append("bytes") }
        return fields.isEmpty ? nil : fields.joined(separator: ", ")
    }

    /// The files `restore` writes beside the journal's own, with their content (as `init`).
    private static let restoredIgnoreFiles = [".gitignore": "local/\n", ".stignore": "/local\n"]

    /// What is wrong with a restored journal folder, or `nil`. Walks it without following
    /// links; names entries by their place and size only (names come from the input).
    private static func restoredJournalProblem(
        _ journal: String, files: [ArchiveManifest.File]
    ) -> String? {
        guard fileKind(journal) == S_IFDIR, let top = ScratchFolder.names(in: journal) else {
            return "it is not a folder"
        }
        var contents: [String: [UInt8]] = [:]
        for name in top {
            let path = journal + "/" + name
            switch name {
            case "limber.json":
                guard fileKind(path) == S_IFREG, let bytes = readScratch(path) else {
                    return "limber.json is not a regular file"
                }
                contents[name] = bytes
            case "devices":
                guard fileKind(path) == S_IFDIR else { return "devices is not a folder" }
            case ".gitignore", ".stignore":
                guard fileKind(path) == S_IFREG, let bytes = readScratch(path),
                    bytes.elementsEqual((restoredIgnoreFiles[name] ?? "").utf8)
                else { return "\(name) is not the file init writes" }
            default:
                return "the top holds an entry of \(name.utf8.count) bytes that is not "
                    + "limber.json, devices, .gitignore or .stignore"
            }
        }
        guard top.contains("limber.json"), top.contains("devices") else {
            return "limber.json or devices is missing"
        }
        let devices = journal + "/devices"
        for (index, device) in (ScratchFolder.names(in: devices) ?? []).enumerated() {
            let folder = devices + "/" + device
            guard isLowercaseHex(device, count: 16), fileKind(folder) == S_IFDIR else {
                return "entry \(index) of devices/ (\(device.utf8.count) bytes) is not a folder "
                    + "named with 16 lowercase hex digits"
            }
            for (place, segment) in (ScratchFolder.names(in: folder) ?? []).enumerated() {
                let path = folder + "/" + segment
                guard isSegmentFileName(segment), fileKind(path) == S_IFREG,
                    let bytes = readScratch(path)
                else {
                    return "entry \(place) of device folder \(index) (\(segment.utf8.count) "
                        + "bytes) is not a regular file named <16 digits>.jsonl.gz"
                }
                contents["devices/\(device)/\(segment)"] = bytes
            }
        }
        guard contents.count == files.count, Set(contents.keys) == Set(files.map(\.path)) else {
            return "\(contents.count) files restored, the manifest lists \(files.count) (or "
                + "others)"
        }
        for (index, file) in files.enumerated() {
            guard let bytes = contents[file.path], Int64(bytes.count) == file.size else {
                return "file \(index) of the manifest has another size than it lists"
            }
            guard ReferenceSHA256.hex(bytes) == file.sha256 else {
                return "file \(index) of the manifest has another SHA-256 than it lists"
            }
        }
        return nil
    }

    /// The `S_IFMT` bits of what is at `path` (links not followed), or 0 when nothing is.
    private static func fileKind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    /// The content of a regular file in the scratch folder (never through a link).
    private static func readScratch(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    private static func isLowercaseHex(_ text: String, count: Int) -> Bool {
        text.utf8.count == count
            && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func isSegmentFileName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return bytes.count == 25 && bytes[16...].elementsEqual(".jsonl.gz".utf8)
            && bytes[..<16].allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Whether the input is an encrypted archive whose header line asks for more scrypt work
    /// than ``archiveScryptBudget`` with parameters the reader accepts (it refuses the others
    /// before deriving anything). The line is read as the reader reads it: the bytes up to the
    /// first newline, within its first 4096 bytes, decoded by the same `JSONDecoder`.
    package static func archiveKeyIsTooCostly(_ input: UnsafeRawBufferPointer) -> Bool {
        struct Header: Decodable {
            struct KDF: Decodable {
                var N: Int
                var r: Int
                var p: Int
            }
            var kdf: KDF
        }
        guard input.first == UInt8(ascii: "{"),
            let newline = input.prefix(4096).firstIndex(of: 0x0A),
            let kdf = try? JSONDecoder().decode(Header.self, from: Data(input[...newline])).kdf
        else { return false }
        guard kdf.N >= 2, kdf.N <= 1 << 22, kdf.N & (kdf.N - 1) == 0, (1...32).contains(kdf.r),
            (1...16).contains(kdf.p)
        else { return false }
        return kdf.N > 4096 || kdf.N * kdf.r * kdf.p > archiveScryptBudget
    }

    /// The input with the checksum of every tar header corrected, or `nil` when it is
    /// encrypted, or every checksum is right already. Headers are found as a reader walks:
    /// from the start, each non-zero block with the `ustar` magic is a header, followed by
    /// its content (the size in its header) padded to 512 bytes.
    package static func archiveTarChecksumsRepaired(_ input: UnsafeRawBufferPointer) -> [UInt8]? {
        guard input.first != UInt8(ascii: "{") else { return nil }
        var bytes = [UInt8](input)
        var changed = false
        var offset = 0
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<(offset + 512)]
            guard !header.allSatisfy({ $0 == 0 }),
                header.dropFirst(257).prefix(6).elementsEqual("ustar\0".utf8)
            else { break }
            var sum = 0
            for (index, byte) in header.enumerated() {
                sum += (148..<156).contains(index) ? 0x20 : Int(byte)
            }
            if tarOctal(header.dropFirst(148).prefix(8)) != sum {
                var field = Array(String(sum, radix: 8).utf8)
                field = [UInt8](repeating: 0x30, count: max(0, 6 - field.count)) + field
                bytes.replaceSubrange((offset + 148)..<(offset + 156), with: field + [0, 0x20])
                changed = true
            }
            guard let size = tarOctal(bytes[(offset + 124)..<(offset + 136)]),
                size <= bytes.count
            else { break }
            offset += 512 + (size + 511) / 512 * 512
        }
        return changed ? bytes : nil
    }

    /// An octal field as the reader reads it (spaces, digits, then NULs or spaces), or `nil`.
    private static func tarOctal(_ field: ArraySlice<UInt8>) -> Int? {
        var digits = field.drop { $0 == 0x20 }
        var value = 0
        var count = 0
        while let byte = digits.first, (0x30...0x37).contains(byte) {
            guard value < Int.max >> 3 else { return nil }
            value = value << 3 | Int(byte - 0x30)
            count += 1
            digits = digits.dropFirst()
        }
        guard count > 0, digits.allSatisfy({ $0 == 0 || $0 == 0x20 }) else { return nil }
        return value
    }

}
