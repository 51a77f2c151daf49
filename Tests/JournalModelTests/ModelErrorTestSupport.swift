import JournalModel

extension ModelError {
    /// The hint, which every `ModelError` has (`hint` is optional only for `UserFacingError`).
    var fix: String { hint ?? "<no hint>" }
}
