import InsqShell
import InsqStorage
import Testing

/// Leaving with tables that were never saved: the REPL asks once, scripts warn.
@Suite struct UnsavedChangesTests {
    private func session(unsaved: [String]) -> Session {
        let session = Fixtures.session(mode: .csv)
        // Only tables that still exist count as unsaved, so each named one is created, empty.
        for name in unsaved where session.catalog.table(named: name) == nil {
            session.catalog.add(Table(name: name, schema: [ColumnSchema(name: "a", type: .bigint)],
                                      columns: [Column.nulls(type: .bigint, count: 0)]))
        }
        session.unsavedChanges = unsaved
        return session
    }

    private func run(_ events: [LineReadResult], _ session: Session)
        -> (reader: ScriptedLineReader, output: String, errors: String, code: Int32) {
        let reader = ScriptedLineReader(events)
        var output = ""
        var errors = ""
        let code = REPL(session: session, reader: reader).run(output: &output, errors: &errors)
        return (reader, output, errors, code)
    }

    private let question = "Unsaved tables: t1, t2. Quit anyway? (y/N) "

    @Test func quitAsksAndYesQuits() {
        let result = run([.line(".quit"), .line("yes"), .line(".tables")], session(unsaved: ["t1", "t2", "T1"]))
        #expect(result.reader.prompts == ["insq> ", question])
        #expect(result.code == 0)
        #expect(result.output == "")
    }

    @Test func anythingButYesGoesBackToThePromptAndASecondQuitQuits() {
        let result = run([.line(".quit"), .line(""), .line(".mode"), .line(".quit"), .line("n"), .line(".quit"),
                          .line(".tables")], session(unsaved: ["t1", "t2"]))
        // `.mode` in between means the next `.quit` asks again; right after a "no", `.quit` leaves.
        #expect(result.reader.prompts == ["insq> ", question, "insq> ", "insq> ", question, "insq> "])
        #expect(result.output == "current output mode: csv\n")
        #expect(result.reader.history == [".quit", ".mode", ".quit", ".quit"])
    }

    @Test func ctrlDAsksAndASecondCtrlDQuits() {
        let result = run([.endOfInput, .line("N"), .endOfInput, .line(".tables")], session(unsaved: ["t1", "t2"]))
        #expect(result.reader.prompts == ["insq> ", question, "insq> "])
        #expect(result.code == 0)
        #expect(result.output == "")
    }

    @Test func ctrlDOrCtrlCAtTheQuestion() {
        let quits = run([.line(".exit"), .endOfInput, .line(".tables")], session(unsaved: ["t1", "t2"]))
        #expect(quits.reader.prompts == ["insq> ", question])
        let stays = run([.line(".exit"), .interrupted, .line(".mode")], session(unsaved: ["t1", "t2"]))
        // Ctrl-C is a "no"; `.mode` ends the streak, so the final end of input asks again.
        #expect(stays.reader.prompts == ["insq> ", question, "insq> ", "insq> ", question])
        #expect(stays.output == "current output mode: csv\n")
    }

    @Test func nothingUnsavedQuitsAtOnce() {
        let result = run([.line(".quit"), .line(".tables")], session(unsaved: []))
        #expect(result.reader.prompts == ["insq> "])
    }

    @Test func saveAndOpenClearTheListButImportDoesNot() throws {
        let directory = try TemporaryDirectory()
        let csv = try directory.write("t.csv", "a\n1\n")
        let snapshot = directory.path + "/s.insq"
        let session = session(unsaved: ["t1"])
        _ = Transcript(session, [".import \(csv)"])
        #expect(session.unsavedChanges == ["t1"])
        _ = Transcript(session, [".save \(snapshot)"])
        #expect(session.unsavedChanges.isEmpty)
        session.unsavedChanges = ["t2"]
        _ = Transcript(session, [".save /nonexistent/dir/s.insq"])
        #expect(session.unsavedChanges == ["t2"], "a failed save saves nothing")
        _ = Transcript(session, [".open \(snapshot)"])
        #expect(session.unsavedChanges.isEmpty)
    }

    @Test func scriptsWarnAtTheEndAndKeepTheirExitCode() {
        var output = ""
        var errors = ""
        let ok = ScriptRunner(session: session(unsaved: ["t1", "t2"])).runCommand(".mode", output: &output, errors: &errors)
        #expect(ok == 0)
        #expect(errors == "warning: unsaved tables: t1, t2 (use .save FILE to keep them)\n")

        errors = ""
        let failed = ScriptRunner(session: session(unsaved: ["t1"])).runCommand(".mdoe", output: &output, errors: &errors)
        #expect(failed == 1)
        #expect(errors.hasSuffix("\nwarning: unsaved tables: t1 (use .save FILE to keep them)\n"))

        errors = ""
        _ = ScriptRunner(session: session(unsaved: [])).runCommand(".mode", output: &output, errors: &errors)
        #expect(errors == "")
    }
}
