import Foundation
import Testing

/// `limber report` (issue #12): one self-contained page, written atomically with 0600, that
/// never replaces a file it did not write and never lets a name become markup.
@Suite("report")
struct ReportCommandTests {
    private func journal(_ sandbox: Sandbox) throws {
        try sandbox.initJournal()
        try sandbox.limber("exercise", "add", "<script>alert(1)</script> & co", "--per-side")
        try sandbox.logSession("--routine", "sciatica", "--at", "2026-11-02 07:30", "--pain-before", "6", "--pain-after", "5")
        try sandbox.logSession("--set", "bird-dog:left=8,8,6!", "--set", "bird-dog:right=12,12,12", "--at", "2026-11-10 07:30", "--pain-before", "4", "--pain-after", "6")
        try sandbox.logSession("--routine", "sciatica", "--at", "2026-11-24 07:30", "--pain-before", "3", "--pain-after", "2")
    }

    @Test("the page is self-contained (no script, no network), 0600, with every chart an image with a title")
    func page() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try journal(sandbox)
        let path = sandbox.root + "/report.html"
        let result = try sandbox.limber("report", "--output", path)
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.contains("3 session(s)"), "\(result)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src=") && !html.contains("href="))
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
        for chart in ["pain-chart", "calendar-chart", "sides-chart"] {
            #expect(html.contains("role=\"img\" aria-labelledby=\"\(chart)\""), "\(chart)")
            #expect(html.contains("<title id=\"\(chart)\">"), "\(chart)")
        }
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("stopped for pain"))
        #expect(html.contains("pain rose from 4 to 6"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Written again: an earlier report is replaced.
        #expect(try sandbox.limber("report", "--output", path).exitCode == 0)
    }

    @Test("a custom exercise named like markup is shown as text")
    func escaping() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try journal(sandbox)
        let exercises = try sandbox.limber("exercises", "--json").jsonArray()
        let custom = try #require(exercises.first { ($0["name"] as? String)?.hasPrefix("<script>") == true }?["id"] as? String)
        try sandbox.logSession("--set", "\(custom):left=10", "--set", "\(custom):right=9", "--at", "2026-11-25 07:30")
        let path = sandbox.root + "/report.html"
        #expect(try sandbox.limber("report", "--output", path).exitCode == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
    }

    @Test("a file it did not write is left alone unless --force; a folder always")
    func target() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try journal(sandbox)
        let path = sandbox.root + "/notes.html"
        try Data("<p>mine</p>".utf8).write(to: URL(fileURLWithPath: path))
        let refused = try sandbox.limber("report", "--output", path)
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.stderr.contains("not a limber report") && refused.stderr.contains("hint:"), "\(refused)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<p>mine</p>")
        #expect(try sandbox.limber("report", "--output", path, "--force").exitCode == 0)
        let folder = try sandbox.limber("report", "--output", sandbox.root)
        #expect(folder.exitCode == 1, "\(folder)")
        let missing = try sandbox.limber("report")
        #expect(missing.exitCode == 2, "\(missing)")
    }
}
