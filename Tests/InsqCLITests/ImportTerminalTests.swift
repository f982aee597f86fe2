import Testing

/// `.import` on a real (pseudo-)terminal: the progress bar on standard error and Ctrl-C.
@Suite struct ImportTerminalTests {
    private let prompt = "insq> "

    /// A CSV file of `rows` rows, large enough that reading it takes a while.
    private func bigFile(in directory: TemporaryDirectory, rows: Int) throws -> String {
        var text = "id,name,born,amount\n"
        text.reserveCapacity(rows * 40)
        for i in 0..<rows { text += "\(i),person number \(i),2001-02-03,\(i % 1000).25\n" }
        return try directory.write("big.csv", text)
    }

    @Test func ctrlCCancelsAnImportAndAddsNothing() throws {
        let directory = try TemporaryDirectory()
        // Cancellation is checked between groups of chunks (2 × 8 MB), so the file must be longer than one.
        _ = try bigFile(in: directory, rows: 1_000_000)
        let outcome = try PseudoTerminal.run(["--sf", "0.001"], steps: [
            .expect(prompt), .send(".import big.csv\r"), .interruptRunningStatement, .expect("Import cancelled."),
            .expect(prompt), .send(".schema big\r"), .expect("no table named \"big\""), .expect(prompt),
            .send("\u{04}"), .exit,
        ], directory: directory)
        #expect(outcome.failure == nil, "terminal output: \(outcome.output.debugDescription)")
        #expect(outcome.exitCode == 0)
    }

    @Test func aFileGivenOnTheCommandLineShowsProgressThenTheBanner() throws {
        let directory = try TemporaryDirectory()
        // More than one group of chunks (2 × 8 MB), so that progress is reported before the end.
        _ = try bigFile(in: directory, rows: 400_000)
        let outcome = try PseudoTerminal.run(["big.csv"], steps: [
            .expect(" MB / "), .expect(" rows "), .expect("Tables: big (400,000 rows)"), .expect(prompt),
            .send("\u{04}"), .exit,
        ], directory: directory)
        #expect(outcome.failure == nil, "terminal output: \(outcome.output.debugDescription)")
        #expect(outcome.exitCode == 0)
    }
}
