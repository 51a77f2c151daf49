import JournalModel

/// Why a file cannot be imported. Nothing was written.
///
/// Row problems are all collected (up to ``maximumListed``, then counted) so that a person can
/// fix a file in one pass; the other kinds stop reading at once.
public struct ImportError: UserFacingError, Sendable, Equatable {
    /// What is wrong.
    public enum Kind: Sendable, Equatable {
        /// The file cannot be read (missing, a folder, no permission).
        case unreadable(String)
        /// The file is empty or holds only a header.
        case empty(headerOnly: Bool)
        /// Not UTF-8 text: the encoding seen and where.
        case encoding(String, line: Int)
        /// Not text at all.
        case binary
        /// The format could not be recognised from the content.
        case unknownFormat(String)
        /// The header lacks columns the format needs.
        case missingColumns([String], format: ImportFormat)
        /// Rows (or elements) that are invalid.
        case rows([ImportProblem], total: Int)
        /// A field or line longer than the limit.
        case tooLarge(line: Int, limit: Int)
        /// The file gives weights (or distances) without saying their unit, and no `--unit`
        /// was given: guessing would record every load wrong by a factor of 2.2. Carries a
        /// few rows to show the person (`line 2: Squat (Barbell) 100 × 5`).
        case unitNotStated(samples: [String])
    }

    /// At most this many problems are kept and printed; the rest are counted.
    public static let maximumListed = 50

    /// The file, as the person named it.
    public var file: String
    /// What is wrong.
    public var kind: Kind

    /// Creates an error about `file`.
    public init(file: String, _ kind: Kind) {
        self.file = file
        self.kind = kind
    }

    /// One line per listed problem, `FILE:LINE:COLUMN: FIELD: message`, for a person to work
    /// through (empty unless the kind is ``Kind/rows(_:total:)``).
    public var details: [String] {
        if case .unitNotStated(let samples) = kind {
            return [description] + samples.map { "  \($0)" }
        }
        guard case .rows(let problems, let total) = kind else { return [] }
        var lines = problems.map { "\(file):\($0)" }
        if total > problems.count { lines.append("… and \(total - problems.count) more problems") }
        return lines
    }

    public var description: String {
        switch kind {
        case .unreadable(let reason): "cannot read \(file): \(reason)"
        case .empty(let headerOnly):
            headerOnly ? "\(file) has a header but no rows" : "\(file) is empty"
        case .encoding(let encoding, let line):
            "\(file):\(line): the file is \(encoding), not UTF-8 text"
        case .binary: "\(file) is not a text file"
        case .unknownFormat(let seen): "cannot tell the format of \(file): \(seen)"
        case .missingColumns(let columns, let format):
            "\(file):1: the \(format.displayName) header lacks "
                + columns.map { "\"\($0)\"" }.joined(separator: ", ")
        case .rows(let problems, let total):
            problems.first.map {
                total == 1
                    ? "\(file):\($0)"
                    : "\(file): \(total) problems, the first at \(file):\($0)"
            } ?? "\(file): invalid rows"
        case .tooLarge(let line, let limit):
            "\(file):\(line): a field or line is longer than \(limit / (1 << 20)) MiB"
        case .unitNotStated:
            "\(file) does not say whether its weights are kg or lb (nor its distances km or miles)"
        }
    }

    public var hint: String? {
        switch kind {
        case .unreadable: "check the path and that you may read it"
        case .empty: "export again from the app, or check that you chose the right file"
        case .encoding(let encoding, _):
            "convert it first: iconv -f \(encoding.hasPrefix("UTF-16") ? "UTF-16" : "LATIN1") -t UTF-8 \(file) > converted.csv"
        case .binary: "choose the CSV or JSON file the app exported"
        case .unknownFormat:
            "name it with --format limber|events|csv|strong|hevy|fitnotes"
        case .missingColumns:
            "export again from the app, or give --format if this is another format"
        case .rows: "fix those lines (nothing was imported), then run the import again"
        case .tooLarge: "this is not an export of a workout app; check the file"
        case .unitNotStated:
            "look at the rows above and give --unit kg (kg and km) or --unit lb (lb and miles); nothing was imported"
        }
    }

    /// 2 when the command line must say more (a format or a unit that cannot be told), else 1.
    public var exitCode: Int32 {
        switch kind {
        case .unknownFormat, .unitNotStated: 2
        default: 1
        }
    }
}
