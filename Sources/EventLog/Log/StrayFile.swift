/// Recognises files under `devices/` that are not segments (DESIGN §2): what sync tools, editors
/// and `repair` leave behind. They are never read as segments.
package enum StrayFile {
    /// What the file probably is, for `verify`'s listing.
    package static func describe(_ name: String) -> String {
        if name.contains(".sync-conflict-") { return "a Syncthing conflict copy" }
        if name.hasPrefix(".syncthing.") && name.hasSuffix(".tmp") {
            return "a Syncthing temporary file (a transfer in progress)"
        }
        if name.contains("conflicted copy") { return "a Dropbox conflicted copy" }
        if name.hasSuffix(".corrupt") || name.contains(".corrupt-") {
            return "damaged data moved aside by `limber repair`"
        }
        if name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".bak")
            || name.hasPrefix(".#")
        {
            return "an editor backup"
        }
        if name.hasPrefix(".") && name.contains(".tmp") { return "a temporary file" }
        return "not a segment (only <16 digits>.jsonl.gz files are read)"
    }
}
