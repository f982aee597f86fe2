import Testing

/// `insq -c`, `insq -f` and piped standard input: output, `file:line:` errors and exit codes.
@Suite struct ScriptModeTests {
    /// Small sample data keeps each start fast.
    private let data = ["--sf", "0.001"]

    @Test func commandRunsAndExitsZero() throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(data + ["-c", ".mode csv\n.mode"], directory: directory)
        #expect(run.output == "current output mode: csv\n")
        #expect(run.errors == "")
        #expect(run.exitCode == 0)
    }

    @Test func repeatedCommandsRunInOrder() throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(data + ["-c", ".mode csv", "-c", "SELECT 1 + 1 AS two;"], directory: directory)
        #expect(run.output == "two\n2\n")
        #expect(run.exitCode == 0)
    }

    @Test func modeOptionSetsTheStartingMode() throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(data + ["--mode", "json", "-c", ".mode"], directory: directory)
        #expect(run.output == "current output mode: json\n")
        #expect(run.exitCode == 0)
    }

    @Test func commandErrorNamesCommandAndLine() throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(data + ["-c", ".mode\n.mdoe csv\n.mode"], directory: directory)
        #expect(run.output == "current output mode: table\n")
        #expect(run.errors.hasPrefix("<command>:2: Error: unknown command \".mdoe\"; did you mean \".mode\"?"))
        #expect(run.exitCode == 1)
    }

    @Test func fileErrorNamesFileAndLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("report.sql", ".mode csv\n\n-- the next line is wrong\n.timer maybe\n.mode\n")
        let run = try InsqProcess.run(data + ["-f", path], directory: directory)
        #expect(run.errors == "\(path):4: Error: usage: .timer on|off (not \"maybe\")\n")
        #expect(run.output == "")
        #expect(run.exitCode == 1)
    }

    @Test func sqlErrorNamesTheStatementsLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("bad.sql", ".mode csv\n\n\nSELEC 1;\n.mode\n")
        let run = try InsqProcess.run(data + ["-f", "bad.sql"], directory: directory)
        #expect(run.errors.hasPrefix("bad.sql:4: "), "stderr: \(run.errors)")
        #expect(run.output == "")
        #expect(run.exitCode == 1)
        _ = path
    }

    @Test func queryResultsInEachMode() throws {
        let directory = try TemporaryDirectory()
        let csv = try InsqProcess.run(data + ["--mode", "csv", "-c", "SELECT 'a,b' AS t, 1 AS n;"], directory: directory)
        #expect(csv.output == "t,n\n\"a,b\",1\n")
        #expect(csv.exitCode == 0)
        let json = try InsqProcess.run(data + ["-c", ".mode json\nSELECT '西宁' AS city;"], directory: directory)
        #expect(json.output == "[\n  {\"city\": \"西宁\"}\n]\n")
        let table = try InsqProcess.run(data, input: "SELECT 'Hà Tĩnh' AS city,\n  12 AS n;\n", directory: directory)
        #expect(table.output == """
            ┌─────────┬────┐
            │ city    │  n │
            ├─────────┼────┤
            │ Hà Tĩnh │ 12 │
            └─────────┴────┘
            1 row

            """)
    }

    @Test func errorInsideAMultiLineStatementNamesItsFileLine() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("q.sql", "SELECT 1 AS one;\n\nSELECT person_id,\n       nmae\nFROM persons;\nSELECT 2;\n")
        let run = try InsqProcess.run(data + ["--mode", "csv", "-f", "q.sql"], directory: directory)
        #expect(run.output == "one\n1\n")
        #expect(run.errors.hasPrefix("q.sql:4: Binder error at 4:8: unknown column \"nmae\""), "stderr: \(run.errors)")
        #expect(run.exitCode == 1)
    }

    @Test func missingFileExitsOne() throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(data + ["-f", "no-such-file.sql"], directory: directory)
        #expect(run.errors == "insq: cannot read \"no-such-file.sql\": No such file or directory\n")
        #expect(run.exitCode == 1)
    }

    @Test func pipedStandardInputHasNoPromptOrBanner() throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(data, input: ".mode\n.mode csv\n.mode\n", directory: directory)
        #expect(run.output == "current output mode: table\ncurrent output mode: csv\n")
        #expect(run.errors == "")
        #expect(run.exitCode == 0)
    }

    @Test func pipedStandardInputErrorNamesStdinAndLine() throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(data, input: ".mode\n\n.nope\n.mode csv\n", directory: directory)
        #expect(run.output == "current output mode: table\n")
        #expect(run.errors.hasPrefix("<stdin>:3: Error: unknown command \".nope\""))
        #expect(run.exitCode == 1)
    }

    @Test func utf8PassesThroughAPipe() throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(data, input: ".schema \"西宁 Hà Tĩnh\"\n", directory: directory)
        #expect(run.errors.hasPrefix("<stdin>:1: Error: no table named \"西宁 Hà Tĩnh\""))
        #expect(run.exitCode == 1)
    }

    @Test func quitEndsTheScriptWithExitCodeZero() throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(data + ["-c", ".quit\n.nope"], directory: directory)
        #expect(run.errors == "")
        #expect(run.exitCode == 0)
    }

    @Test(arguments: [
        ["--mode", "xml", "-c", ".mode"],
        ["--bogus"],
        ["-f", "a.sql", "-c", ".mode"],
        ["--sf", "-1", "-c", ".mode"],
        ["--sf", "lots", "-c", ".mode"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(arguments, directory: directory)
        #expect(run.exitCode == 2)
        #expect(run.errors.contains("Usage: insq"))
        #expect(run.output == "")
    }

    @Test func helpExitsZero() throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(["--help"], directory: directory)
        #expect(run.exitCode == 0)
        for option in ["--sf", "--seed", "-f", "-c", "--mode"] {
            #expect(run.output.contains(option))
        }
    }
}
