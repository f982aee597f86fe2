import InsqShell
import Testing

@Suite struct ScriptRunnerTests {
    private func run(_ body: (ScriptRunner, inout String, inout String) -> Int32) -> (code: Int32, output: String, errors: String) {
        var output = ""
        var errors = ""
        let code = body(ScriptRunner(session: Fixtures.session(mode: .csv)), &output, &errors)
        return (code, output, errors)
    }

    @Test func commandSucceedsWithExitCodeZero() {
        let result = run { $0.runCommand("SELECT * FROM payments;\n.mode", output: &$1, errors: &$2) }
        #expect(result.code == 0)
        #expect(result.errors == "")
        #expect(result.output.hasPrefix("payment_id,person_id"))
    }

    @Test func commandErrorIsReportedAsCommandLine() {
        let result = run { $0.runCommand(".mode\nSELECT nmae FROM persons;\n.tables", output: &$1, errors: &$2) }
        #expect(result.code == 1)
        #expect(result.output == "current output mode: csv\n")
        #expect(firstLine(result.errors) == "<command>:2: Binder error at 2:8: unknown column \"nmae\"")
    }

    @Test func fileErrorIsReportedAsFileAndLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("q.sql", "SELECT * FROM persons;\n\n-- next one is wrong\nSELECT\n  nmae\nFROM persons;\n")
        let result = run { $0.runFile(path, output: &$1, errors: &$2) }
        #expect(result.code == 1)
        #expect(firstLine(result.errors) == "\(path):5: Binder error at 5:3: unknown column \"nmae\"")
        #expect(result.output.split(separator: "\n").count == 4)
    }

    @Test func metaCommandErrorIsReportedAsFileAndLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("m.sql", ".mode csv\n.timer sometimes\n")
        let result = run { $0.runFile(path, output: &$1, errors: &$2) }
        #expect(result.code == 1)
        #expect(result.errors == "\(path):2: Error: usage: .timer on|off (not \"sometimes\")\n")
    }

    @Test func missingFileFails() {
        let result = run { $0.runFile("/nonexistent/q.sql", output: &$1, errors: &$2) }
        #expect(result.code == 1)
        #expect(result.errors == "insq: cannot read \"/nonexistent/q.sql\": No such file or directory\n")
    }

    @Test func cleanFileExitsZero() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("ok.sql", "SELECT * FROM persons;\nSELECT *\n  FROM payments;\n.quit\nSELECT nmae FROM persons;")
        let result = run { $0.runFile(path, output: &$1, errors: &$2) }
        #expect(result.code == 0)
        #expect(result.errors == "")
    }

    @Test func linesAreNamedByTheGivenName() {
        let result = run { $0.run(lines: ["SELECT * FROM persons;", "SELECT nmae FROM persons;"], name: "<stdin>",
                                  output: &$1, errors: &$2) }
        #expect(result.code == 1)
        #expect(result.errors.hasPrefix("<stdin>:2: "))
    }

    @Test func exitCodes() {
        #expect(ScriptRunner.exitCode(for: .success) == 0)
        #expect(ScriptRunner.exitCode(for: .quit) == 0)
        #expect(ScriptRunner.exitCode(for: .failure) == 1)
        #expect(ScriptRunner.exitCode(for: .cancelled) == 1)
    }
}
