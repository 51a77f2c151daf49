/// Where the journal is (DESIGN §7): `--journal`, else `$LIMBER_JOURNAL`, else
/// `$XDG_DATA_HOME/limber`, else `~/.local/share/limber`.
public enum JournalLocation {
    /// Resolves the journal folder.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["LIMBER_JOURNAL"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/limber" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/limber"
    }
}
