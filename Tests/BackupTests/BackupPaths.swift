/// Paths from this source file's location.
enum BackupPaths {
    /// The repository root.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/BackupTests/BackupPaths.swift
        return parts.joined(separator: "/")
    }()
}
