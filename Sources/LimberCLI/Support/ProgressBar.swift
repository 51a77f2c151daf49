import Glibc
import Limber
import Synchronization

/// A one-line progress bar on stderr, drawn only when stderr is a terminal and the work
/// lasts long enough to need one (from 0.3 s on); otherwise silent.
final class ProgressBar: Sendable {
    private let label: String
    private let started = ProgressBar.now()
    private let state = Mutex<(drawn: Bool, lastPercent: Int)>((false, -1))
    private let enabled: Bool

    init(_ label: String) {
        self.label = label
        enabled = Terminal.stderrIsTerminal
    }

    /// The handler to give the library.
    var handler: ProgressHandler? {
        guard enabled else { return nil }
        return { [self] progress in self.update(progress) }
    }

    /// The handler for byte counts (archives).
    var byteHandler: Archive.Progress? {
        guard enabled else { return nil }
        return { [self] done, total in self.update(Progress(done: done, total: total)) }
    }

    private func update(_ progress: Progress) {
        guard let total = progress.total, total > 0, Self.now() - started > 0.3 else { return }
        let fraction = min(1, Double(progress.done) / Double(total))
        let percent = Int(fraction * 100)
        let redraw = state.withLock { state -> Bool in
            guard percent != state.lastPercent else { return false }
            state.lastPercent = percent
            state.drawn = true
            return true
        }
        guard redraw else { return }
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        Terminal.put("\r\(label) [\(bar)] \(percent)%", to: 2)
    }

    /// Clears the bar's line, if one was drawn.
    func finish() {
        guard state.withLock({ $0.drawn }) else { return }
        Terminal.put("\r\u{1B}[2K", to: 2)
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
