import Foundation
import Glibc
import Testing

/// Every file and folder under a folder: relative path → kind, permission bits and bytes.
/// Two snapshots are equal only when the tree is byte-for-byte the same.
struct FolderSnapshot: Equatable, CustomStringConvertible {
    struct Item: Equatable {
        var isDirectory: Bool
        var mode: UInt32
        var bytes: Data?
    }

    var items: [String: Item]

    /// Reads the tree under `root` (empty when `root` does not exist), leaving out the relative
    /// paths in `excluding` (such as `local/lock`, which a failed writer may create) and
    /// everything under the folders in `excludingFolders`.
    init(_ root: String, excluding: Set<String> = [], excludingFolders: [String] = []) throws {
        items = [:]
        guard FileManager.default.fileExists(atPath: root) else { return }
        items[""] = try Self.item(at: root)
        for relative in try FileManager.default.subpathsOfDirectory(atPath: root)
        where !excluding.contains(relative)
            && !excludingFolders.contains(where: { relative == $0 || relative.hasPrefix($0 + "/") })
        {
            items[relative] = try Self.item(at: root + "/" + relative)
        }
    }

    private static func item(at path: String) throws -> Item {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        let mode = UInt32(status.st_mode) & 0o7777
        if (status.st_mode & S_IFMT) == S_IFDIR {
            return Item(isDirectory: true, mode: mode, bytes: nil)
        }
        let bytes = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
        return Item(isDirectory: false, mode: mode, bytes: bytes)
    }

    /// The paths that differ between two snapshots, for failure messages.
    func differences(from other: FolderSnapshot) -> [String] {
        Set(items.keys).union(other.items.keys).sorted().compactMap { path in
            switch (items[path], other.items[path]) {
            case (nil, _?): "+ \(path)"
            case (_?, nil): "- \(path)"
            case (let a?, let b?) where a != b:
                a.mode != b.mode
                    ? "~ \(path) (mode \(String(a.mode, radix: 8)) → \(String(b.mode, radix: 8)))"
                    : "~ \(path) (\(a.bytes?.count ?? 0) → \(b.bytes?.count ?? 0) bytes)"
            default: nil
            }
        }
    }

    var description: String {
        items.keys.sorted().map { path in
            let item = items[path]
            return "\(String(item?.mode ?? 0, radix: 8)) \(path.isEmpty ? "." : path)"
        }.joined(separator: "\n")
    }
}

/// Asserts the folder is exactly as in `before` (see ``snapshot(_:ignoringCache:)``).
func expectUnchanged(
    _ root: String, since before: FolderSnapshot, ignoringCache: Bool = false,
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let after = try snapshot(root, ignoringCache: ignoringCache)
    #expect(
        after == before,
        "\(comment?.rawValue ?? "the journal changed"): \(before.differences(from: after))",
        sourceLocation: sourceLocation)
}

/// A snapshot of a journal for ``expectUnchanged(_:since:ignoringCache:_:sourceLocation:)``:
/// everything but `local/lock` (which a writer that fails may leave behind) and, with
/// `ignoringCache`, `local/cache/` (derived, "deletable at any time": DESIGN §2).
func snapshot(_ root: String, ignoringCache: Bool = false) throws -> FolderSnapshot {
    try FolderSnapshot(
        root, excluding: ["local/lock"], excludingFolders: ignoringCache ? ["local/cache"] : [])
}
