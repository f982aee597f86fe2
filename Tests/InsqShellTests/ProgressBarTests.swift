import InsqData
import InsqShell
import Testing

/// The import progress bar, on a clock the test moves by hand.
@Suite struct ProgressBarTests {
    final class Screen: @unchecked Sendable {
        var writes: [String] = []
        var now = ContinuousClock.now
    }

    private func progress(_ done: Int, rows: Int) -> CSVProgress {
        CSVProgress(bytesRead: done, totalBytes: 100_000_000, rowsRead: rows)
    }

    @Test func drawsAtMostTenTimesASecondOnOneLineAndErasesItself() {
        let screen = Screen()
        let bar = ProgressBar(write: { screen.writes.append($0) }, clock: { screen.now })
        bar.update(progress(1_000_000, rows: 10_000))
        #expect(screen.writes.isEmpty, "nothing during the first tenth of a second")
        screen.now += .milliseconds(500)
        bar.update(progress(40_000_000, rows: 1_234_567))
        #expect(screen.writes == ["\r[########------------]  40.0 MB / 100.0 MB  40%  1,234,567 rows  80.0 MB/s"])
        screen.now += .milliseconds(50)
        bar.update(progress(45_000_000, rows: 1_300_000))
        #expect(screen.writes.count == 1, "a redraw within 100 ms is skipped")
        screen.now += .milliseconds(450)
        bar.update(progress(100_000_000, rows: 3_000_000))
        #expect(screen.writes.count == 2)
        #expect(screen.writes[1].hasPrefix("\r[####################]  100.0 MB / 100.0 MB  100%  3,000,000 rows"))
        bar.finish()
        let width = screen.writes[1].count - 1
        #expect(screen.writes.last == "\r" + String(repeating: " ", count: width) + "\r")
        bar.finish()
        #expect(screen.writes.count == 3, "erased once")
    }

    @Test func aQuickImportDrawsNothing() {
        let screen = Screen()
        let bar = ProgressBar(write: { screen.writes.append($0) }, clock: { screen.now })
        bar.update(progress(100_000_000, rows: 5))
        bar.finish()
        #expect(screen.writes.isEmpty)
    }

    @Test func aShorterLineCoversTheLongerOne() {
        let screen = Screen()
        let bar = ProgressBar(write: { screen.writes.append($0) }, clock: { screen.now })
        screen.now += .seconds(1)
        bar.update(CSVProgress(bytesRead: 999_000_000_000, totalBytes: 999_000_000_000, rowsRead: 999_999_999))
        screen.now += .seconds(1)
        bar.update(CSVProgress(bytesRead: 0, totalBytes: 999_000_000_000, rowsRead: 0))
        #expect(screen.writes[1].count == screen.writes[0].count)
    }

    @Test func byteCounts() {
        #expect(ByteCount.text(0) == "0 B")
        #expect(ByteCount.text(999) == "999 B")
        #expect(ByteCount.text(1000) == "1.0 KB")
        #expect(ByteCount.text(123_456) == "123.5 KB")
        #expect(ByteCount.text(999_960) == "1.0 MB")
        #expect(ByteCount.text(2_500_000_000) == "2.5 GB")
    }

    @Test func theSessionDrawsOnlyWhenGivenAPlaceToDraw() throws {
        // The CLI sets `progressOutput` only when standard error is a terminal; by default nothing is drawn.
        #expect(Session(catalog: .init()).progressOutput == nil)
    }
}
