import Foundation
import InsqShell
import Testing

@Suite struct REPLTests {
    private func run(_ events: [LineReadResult], session: Session = Fixtures.session(mode: .csv))
        -> (reader: ScriptedLineReader, output: String, errors: String, code: Int32) {
        let reader = ScriptedLineReader(events)
        var output = ""
        var errors = ""
        let code = REPL(session: session, reader: reader).run(output: &output, errors: &errors)
        return (reader, output, errors, code)
    }

    @Test func continuationPromptUntilTheSemicolon() {
        let result = run([.line("SELECT *"), .line("FROM payments"), .line(";"), .line(".mode")])
        #expect(result.reader.prompts == ["insq> ", "  ...> ", "  ...> ", "insq> ", "insq> "])
        #expect(result.output == "payment_id,person_id,amount,paid_on\n10,1,12.50,2024-05-01\n11,2,,\ncurrent output mode: csv\n")
        #expect(result.reader.history == ["SELECT *\nFROM payments\n;", ".mode"])
        #expect(result.code == 0)
    }

    @Test func ctrlCDiscardsTheUnfinishedStatement() {
        let result = run([.line("SELECT * FROM"), .interrupted, .line("payments;"), .line(".tables")])
        #expect(result.reader.prompts == ["insq> ", "  ...> ", "insq> ", "insq> ", "insq> "])
        // Without the Ctrl-C, "SELECT * FROM payments;" would have run; "payments;" alone fails.
        #expect(firstLine(result.errors) == "Parser error at 1:1: fake engine needs FROM table")
        #expect(result.output.hasPrefix("name      kind   rows  columns"))
        #expect(result.output.contains("\npersons   table     3"))
        #expect(result.reader.history == ["payments;", ".tables"])
    }

    @Test func severalStatementsOnOneLineAndARecalledMultiLineEntry() {
        let result = run([.line("SELECT * FROM payments; .mode"), .line("SELECT *\nFROM payments;")])
        // `.mode` after a statement on the same line is SQL, and is completed by the next line.
        #expect(result.reader.history == ["SELECT * FROM payments; .mode\nSELECT *\nFROM payments;"])
        #expect(result.errors == "")
        #expect(result.output.components(separatedBy: "payment_id,").count == 3)
    }

    @Test func anErrorDropsTheRestOfItsEntry() {
        let result = run([.line("SELECT nmae FROM persons; SELECT * FROM persons;"), .line(".mode")])
        #expect(firstLine(result.errors) == "Binder error at 1:8: unknown column \"nmae\"")
        #expect(result.output == "current output mode: csv\n")
        #expect(result.reader.prompts == ["insq> ", "insq> ", "insq> "])
    }

    @Test func quitStopsReading() {
        let result = run([.line(".quit"), .line(".tables")])
        #expect(result.reader.prompts == ["insq> "])
        #expect(result.output == "")
        #expect(result.code == 0)
    }

    @Test func endOfInputWithAPendingStatementExitsZero() {
        let result = run([.line("SELECT *")])
        #expect(result.code == 0)
        #expect(result.reader.history == [])
    }

    @Test func blankLinesKeepThePromptAndStayOutOfHistory() {
        let result = run([.line(""), .line("   "), .line("-- a comment")])
        #expect(result.reader.prompts == ["insq> ", "insq> ", "insq> ", "insq> "])
        #expect(result.reader.history == ["-- a comment"])
    }

    @Test func cancelledQueryReturnsToThePrompt() {
        let session = Fixtures.session(mode: .csv)
        let result = run([.line("SELECT cancel FROM persons;"), .line("SELECT * FROM payments;")], session: session)
        #expect(result.errors == "Query cancelled.\n")
        #expect(result.output.hasPrefix("payment_id"))
    }

    @Test func flagIsResetBeforeEachLineIsRead() {
        let session = Fixtures.session(mode: .csv)
        session.cancellation.cancel() // A Ctrl-C that arrived while no query ran.
        let result = run([.line("SELECT * FROM payments;")], session: session)
        #expect(result.errors == "")
        #expect(result.output.hasPrefix("payment_id"))
    }

    @Test func sameStatementsGiveTheSameBytesAsAScript() {
        let lines = [".mode json", "SELECT * FROM persons;", ".mode table", "SELECT *", "FROM payments;", ".timer off", ".tables"]
        let repl = run(lines.map { .line($0) }, session: Fixtures.session())
        var output = ""
        var errors = ""
        let code = ScriptRunner(session: Fixtures.session()).run(lines: lines, name: "<stdin>", output: &output, errors: &errors)
        #expect(code == 0)
        #expect(repl.output == output)
        #expect(repl.errors == errors)
        #expect(output.contains("\"name\": \"王芳\""))
    }
}
