import Testing

/// The REPL on a real (pseudo-)terminal: libedit editing, history, Ctrl-C, Tab, UTF-8 and Ctrl-D.
@Suite struct REPLTerminalTests {
    private let arguments = ["--sf", "0.001"]
    private let prompt = "insq> "

    /// Types a line and presses Enter.
    private func type(_ line: String) -> PseudoTerminal.Step { .send(line + "\r") }

    @Test func editingHistoryInterruptCompletionAndExit() throws {
        let directory = try TemporaryDirectory()
        let up = "\u{1B}[A"
        let outcome = try PseudoTerminal.run(arguments, steps: [
            .expect("Enter \".help\" for commands"), .expect(prompt),
            // A query and its result; UTF-8 typed at the keyboard reaches the engine unchanged.
            type("SELECT '西宁 Hà Tĩnh' AS place;"), .expect("│ 西宁 Hà Tĩnh │"), .expect("1 row"), .expect(prompt),
            // Up recalls it from the history; Enter runs it again.
            .send(up), .send("\r"), .expect("│ 西宁 Hà Tĩnh │"), .expect("1 row"), .expect(prompt),
            // A command and its result.
            type(".mode"), .expect("current output mode: table"), .expect(prompt),
            // A statement over several lines, recalled as one entry.
            type("SELECT 6 * 7"), .expect("  ...> "), type("  AS answer;"), .expect("│     42 │"), .expect(prompt),
            .send(up), .send("\r"), .expect("│     42 │"), .expect(prompt),
            // An unfinished statement gets the continuation prompt; Ctrl-C discards it.
            type("SELECT"), .expect("  ...> "), .send("\u{03}"), .expect(prompt),
            // Tab completes the meta-command; had the SQL buffer survived, this would be SQL, not a command.
            .send(".mo"), .send("\t"), type("json"), .expect(prompt),
            // Ctrl-C discards a single line as well: the mode stays json.
            .send(".mode csv"), .send("\u{03}"), .expect(prompt),
            type(".mode"), .expect("current output mode: json"), .expect(prompt),
            // Ctrl-D on an empty line ends the session.
            .send("\u{04}"), .exit,
        ], directory: directory)
        #expect(outcome.failure == nil, "terminal output: \(outcome.output.debugDescription)")
        #expect(outcome.exitCode == 0)

        let history = try #require(directory.read(".insq_history"), "no history file was written")
        #expect(history.hasPrefix("_HiStOrY_V2_\n"))
        #expect(history.contains(".mode\n"))
        #expect(history.contains("西宁"))
        #expect(history.contains("Tĩnh"))
        // libedit escapes blanks and line breaks in the file (strvis): one entry for the two-line statement.
        #expect(history.contains("SELECT\\0406\\040*\\0407\\012\\040\\040AS\\040answer;\n"))
        #expect(!history.contains("SELECT\n"), "an interrupted statement must not enter the history")
        #expect(!history.contains("csv"), "an interrupted line must not enter the history")
    }

    @Test func historySurvivesARestart() throws {
        let directory = try TemporaryDirectory()
        let up = "\u{1B}[A"
        let first = try PseudoTerminal.run(arguments, steps: [
            .expect(prompt), type(".mode json"), .expect(prompt), type(".mode"), .expect("current output mode: json"),
            .expect(prompt), .send("\u{04}"), .exit,
        ], directory: directory)
        #expect(first.failure == nil, "terminal output: \(first.output.debugDescription)")
        #expect(first.exitCode == 0)

        // Up twice reaches ".mode json" from the previous run.
        let second = try PseudoTerminal.run(arguments, steps: [
            .expect(prompt), .send(up), .send(up), .send("\r"), .expect(prompt),
            type(".mode"), .expect("current output mode: json"), .expect(prompt),
            .send("\u{04}"), .exit,
        ], directory: directory)
        #expect(second.failure == nil, "terminal output: \(second.output.debugDescription)")
        #expect(second.exitCode == 0)
    }

    @Test func ctrlCCancelsARunningQueryAndKeepsTheData() throws {
        let directory = try TemporaryDirectory()
        // About 2 million payments through string functions: far longer than the Ctrl-C takes to arrive.
        // (A Ctrl-C that arrives before the statement starts cancels it too; only one after its end would not.)
        let slow = "SELECT count(*), sum(amount) FROM payments "
            + "WHERE lower(kind) LIKE '%o%' AND upper(channel) LIKE '%N%' AND amount * 2 > 1;"
        let outcome = try PseudoTerminal.run(["--sf", "0.1"], steps: [
            .expect(prompt), type(slow), .interruptRunningStatement, .expect("Query cancelled."), .expect(prompt),
            type("SELECT count(*) AS persons FROM persons;"), .expect("│  100000 │"), .expect(prompt),
            .send("\u{04}"), .exit,
        ], directory: directory)
        #expect(outcome.failure == nil, "terminal output: \(outcome.output.debugDescription)")
        #expect(outcome.exitCode == 0)
    }

    @Test func quitExitsZero() throws {
        let directory = try TemporaryDirectory()
        let outcome = try PseudoTerminal.run(arguments, steps: [
            .expect(prompt), type(".quit"), .exit,
        ], directory: directory)
        #expect(outcome.failure == nil, "terminal output: \(outcome.output.debugDescription)")
        #expect(outcome.exitCode == 0)
    }
}
