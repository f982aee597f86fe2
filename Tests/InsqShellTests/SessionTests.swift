import InsqQuery
import InsqShell
import InsqStorage
import InsqSyntax
import Testing

@Suite struct SessionTests {
    @Test func queryResultIsRenderedInTheCurrentMode() {
        let transcript = Transcript(Fixtures.session(), ["SELECT * FROM persons;"])
        #expect(transcript.output == """
            ┌───────────┬───────────────┬───────────┐
            │ person_id │ name          │ status    │
            ├───────────┼───────────────┼───────────┤
            │         1 │ 王芳          │ active    │
            │         2 │ Nguyễn Văn An │ suspended │
            │         3 │ NULL          │ active    │
            └───────────┴───────────────┴───────────┘
            3 rows

            """)
        #expect(transcript.outcomes == [.success])
    }

    @Test func interactiveErrorsHaveNoFileLinePrefix() {
        let transcript = Transcript(Fixtures.session(), ["SELECT\n  nmae FROM persons;"])
        #expect(firstLine(transcript.errors) == "Binder error at 2:3: unknown column \"nmae\"")
        #expect(transcript.outcomes == [.failure])
    }

    @Test func scriptErrorsNameTheFileLineOfTheToken() {
        var output = ""
        var errors = ""
        let outcome = Fixtures.session().execute("SELECT\n  nmae FROM persons;", at: ScriptLocation(file: "q.sql", line: 10),
                                                 output: &output, errors: &errors)
        #expect(outcome == .failure)
        #expect(firstLine(errors) == "q.sql:11: Binder error at 11:3: unknown column \"nmae\"")
        // The rest is the renderer's: the statement's line and carets under the token.
        let diagnostic = Diagnostic(phase: .binder, message: "unknown column \"nmae\"", range: SourceRange(9, 13))
        let rendered = DiagnosticRenderer.render(diagnostic, source: SourceText("SELECT\n  nmae FROM persons;"), lineOffset: 9)
        #expect(errors == "q.sql:11: " + rendered + "\n")
    }

    @Test func cancelledQueryReportsAndKeepsTheData() {
        let session = Fixtures.session(mode: .csv)
        let cancelled = Transcript(session, ["SELECT * FROM payments WHERE cancel;"])
        #expect(cancelled.outcomes == [.cancelled])
        #expect(cancelled.errors == "Query cancelled.\n")
        #expect(cancelled.output == "")
        session.cancellation.reset() // As the REPL does before reading the next line.
        let next = Transcript(session, ["SELECT * FROM payments;"])
        #expect(next.outcomes == [.success])
        #expect(next.output == "payment_id,person_id,amount,paid_on\n10,1,12.50,2024-05-01\n11,2,,\n")
        #expect(session.catalog.tableNames == ["persons", "payments"])
    }

    @Test func ctrlCJustAfterEnterCancelsTheStatement() {
        // The flag was set between reading the line and starting the statement: the statement must not
        // clear it, or that Ctrl-C would be lost.
        let session = Fixtures.session(mode: .csv)
        session.cancellation.cancel()
        let transcript = Transcript(session, ["SELECT * FROM payments;", ".mode"])
        #expect(transcript.outcomes == [.cancelled, .success])
        #expect(transcript.output == "current output mode: csv\n")
    }

    @Test func cancellationNoticeStartsOnAFreshLineOnATerminal() {
        let session = Fixtures.session()
        session.echoesInterrupt = true
        #expect(Transcript(session, ["SELECT cancel FROM persons;"]).errors == "\nQuery cancelled.\n")
    }

    @Test func theRealEngineIsTheDefault() {
        // Whatever the engine says about this statement, its error names the statement's first line.
        let session = Session(catalog: Fixtures.catalog)
        var output = ""
        var errors = ""
        let outcome = session.runScript("\n\nSELEC 1;", name: "t.sql", output: &output, errors: &errors)
        #expect(outcome == .failure)
        #expect(errors.hasPrefix("t.sql:3: "))
    }

    @Test func runScriptStopsAtTheFirstFailure() {
        var output = ""
        var errors = ""
        let script = "SELECT * FROM payments;\n.mode csv\nSELECT nmae FROM persons;\nSELECT * FROM persons;\n"
        let outcome = Fixtures.session().runScript(script, name: "s.sql", output: &output, errors: &errors)
        #expect(outcome == .failure)
        #expect(output.hasSuffix("2 rows\n"))
        #expect(firstLine(errors) == "s.sql:3: Binder error at 3:8: unknown column \"nmae\"")
    }

    @Test func runScriptStopsAtQuit() {
        var output = ""
        var errors = ""
        let outcome = Fixtures.session().runScript(".mode\n.quit\n.mode\n", name: "s.sql", output: &output, errors: &errors)
        #expect(outcome == .quit)
        #expect(output == "current output mode: table\n")
    }
}
