/// Paths of the files under `Fixtures/`, from this source file's location.
enum FixturePaths {
    /// The repository root.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/InterchangeTests/FixturePaths.swift
        return parts.joined(separator: "/")
    }()

    /// `Fixtures/imports/<relative>`.
    static func imports(_ relative: String) -> String { root + "/Fixtures/imports/" + relative }
}
