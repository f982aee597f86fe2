import InsqData

/// Draws an import's progress on one terminal line — bytes done of the total, rows, speed — redrawn in place
/// with `\r` at most once per `interval` and erased at the end, so that it never remains in the scrollback.
///
/// `@unchecked Sendable`: the importer calls `update` on the importing thread only, the thread that also
/// calls `finish`; nothing here is touched from two threads.
public final class ProgressBar: @unchecked Sendable {
    private let write: (String) -> Void
    private let clock: () -> ContinuousClock.Instant
    private let interval: Duration
    private let start: ContinuousClock.Instant
    private var lastDraw: ContinuousClock.Instant
    private var drawnWidth = 0
    /// Cells of the `[###---]` part.
    static let barCells = 20

    /// A bar that draws with `write`; `clock` is replaceable so that tests need not wait. Nothing is drawn
    /// during the first `interval`, so a quick import shows no bar at all.
    public init(write: @escaping (String) -> Void, interval: Duration = .milliseconds(100),
                clock: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.write = write
        self.clock = clock
        self.interval = interval
        start = clock()
        lastDraw = start
    }

    /// Redraws the line when `interval` has passed since the last drawing.
    public func update(_ progress: CSVProgress) {
        let now = clock()
        guard now - lastDraw >= interval else { return }
        lastDraw = now
        let line = Self.line(progress, elapsed: now - start)
        let padding = String(repeating: " ", count: max(0, drawnWidth - line.count))
        write("\r" + line + padding)
        drawnWidth = line.count
    }

    /// Erases the line, if one was drawn, and leaves the cursor at its start.
    public func finish() {
        guard drawnWidth > 0 else { return }
        write("\r" + String(repeating: " ", count: drawnWidth) + "\r")
        drawnWidth = 0
    }

    /// `[########------------]  40.0 MB / 100.0 MB  40%  1,234,567 rows  80.0 MB/s` (ASCII only, so that every
    /// character is one cell wide on any terminal).
    static func line(_ progress: CSVProgress, elapsed: Duration) -> String {
        let total = max(progress.totalBytes, 1)
        let fraction = min(1, max(0, Double(progress.bytesRead) / Double(total)))
        let filled = Int((fraction * Double(barCells)).rounded(.down))
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barCells - filled) + "]"
        text += "  \(ByteCount.text(progress.bytesRead)) / \(ByteCount.text(progress.totalBytes))"
        text += "  \(Int((fraction * 100).rounded(.down)))%"
        text += "  \(CellText.grouped(progress.rowsRead)) rows"
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        if seconds > 0 {
            text += "  \(ByteCount.text(Int(Double(progress.bytesRead) / seconds)))/s"
        }
        return text
    }
}

/// Byte counts for people: `512 B`, `12.3 KB`, `1.5 GB` (powers of 1,000, as disks and network speeds count).
public enum ByteCount {
    /// The count in the largest unit that keeps it at 1 or more, with one decimal.
    public static func text(_ bytes: Int) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        guard bytes >= 1000 else { return "\(bytes) B" }
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 999.95 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
