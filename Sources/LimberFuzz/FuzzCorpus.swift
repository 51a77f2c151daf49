import Foundation

/// The inputs a replay runs: files given by path, and every file below folders given by path.
package enum FuzzCorpus {
    /// A file that could not be read.
    package struct ReadError: Error, CustomStringConvertible {
        /// The path that could not be read.
        package var path: String
        /// `"cannot read PATH"`.
        package var description: String { "cannot read \(path)" }
    }

    /// The files at `paths`: each path that is a file, and every file below each folder,
    /// sorted; names starting with `.` are skipped.
    ///
    /// - Parameter paths: Files and folders.
    /// - Returns: File paths, those below each folder in sorted order.
    /// - Throws: ``ReadError`` when a path does not exist or a folder cannot be listed.
    package static func files(in paths: [String]) throws -> [String] {
        let manager = FileManager.default
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ReadError(path: path)
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else { throw ReadError(path: path) }
            var found: [String] = []
            for case let relative as String in walker {
                let name = (relative as NSString).lastPathComponent
                let full = (path as NSString).appendingPathComponent(relative)
                var isSubfolder: ObjCBool = false
                if name.hasPrefix(".") {
                    if manager.fileExists(atPath: full, isDirectory: &isSubfolder),
                        isSubfolder.boolValue
                    {
                        walker.skipDescendants()
                    }
                    continue
                }
                if manager.fileExists(atPath: full, isDirectory: &isSubfolder),
                    !isSubfolder.boolValue
                {
                    found.append(full)
                }
            }
            files += found.sorted()
        }
        return files
    }

    /// Runs every file through `target`.
    ///
    /// - Parameters:
    ///   - target: The target to run.
    ///   - files: The inputs.
    /// - Returns: Each file whose input failed a check, with the failure.
    /// - Throws: ``ReadError`` when a file cannot be read.
    package static func replay(_ target: FuzzTarget, files: [String]) throws
        -> [(path: String, failure: FuzzFailure)]
    {
        var failures: [(path: String, failure: FuzzFailure)] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReadError(path: path)
            }
            if let failure = target.run([UInt8](data)) {
                failures.append((path, failure))
            }
        }
        return failures
    }
}
