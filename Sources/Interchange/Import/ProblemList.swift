/// Collects problems up to ``ImportError/maximumListed`` and counts the rest.
struct ProblemList: Sendable {
    private(set) var listed: [ImportProblem] = []
    private(set) var total = 0

    /// Records one problem.
    mutating func add(_ problem: ImportProblem) {
        total += 1
        if listed.count < ImportError.maximumListed { listed.append(problem) }
    }

    /// Throws the collected problems, if any.
    func throwIfAny(file: String) throws(ImportError) {
        guard total > 0 else { return }
        throw ImportError(file: file, .rows(listed, total: total))
    }
}
