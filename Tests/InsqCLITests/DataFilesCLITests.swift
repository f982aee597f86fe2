import Testing

/// `insq FILE...`, `insq generate` and results written to files, through the built binary.
@Suite struct DataFilesCLITests {
    @Test func filesReplaceTheSampleUnlessSfIsGiven() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("clinic.csv", "name,visits\n王芳,3\nAn,1\n")
        let only = try InsqProcess.run(["clinic.csv", "--mode", "csv", "-c", "SELECT sum(visits) AS v FROM clinic;\n.tables"],
                                       directory: directory)
        #expect(only.errors == "")
        #expect(only.exitCode == 0)
        #expect(only.output.hasPrefix("v\n4\nname    kind   rows  columns  memory  bytes/row\nclinic  table     2        2"))
        #expect(!only.output.contains("persons"))

        let both = try InsqProcess.run(["--sf", "0.001", "clinic.csv", "-c", ".tables"], directory: directory)
        #expect(both.exitCode == 0)
        for name in ["regions", "persons", "payments", "clinic"] { #expect(both.output.contains("\n\(name) ")) }
    }

    @Test func aBadFileStopsBeforeAnyQuery() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("good.csv", "a\n1\n")
        _ = try directory.write("bad.csv", "a,b\n1,2\n3\n")
        let run = try InsqProcess.run(["good.csv", "bad.csv", "-c", "SELECT 1 AS one;"], directory: directory)
        #expect(run.exitCode == 1)
        #expect(run.output == "")
        #expect(run.errors == "insq: bad.csv:3: column b: missing field; expected 2 fields, found 1\n")

        let unknown = try InsqProcess.run(["notes.md"], input: "SELECT 1;\n", directory: directory)
        #expect(unknown.exitCode == 1)
        #expect(unknown.errors == "insq: notes.md: not a data file; give .csv, .tsv, .txt or .insq files\n")
    }

    @Test func anImportWithoutATerminalDrawsNoProgress() throws {
        let directory = try TemporaryDirectory()
        var text = "id,note\n"
        for i in 0..<50_000 { text += "\(i),row \(i)\n" }
        _ = try directory.write("big.csv", text)
        let run = try InsqProcess.run(["big.csv", "-c", ".import big.csv again"], directory: directory)
        #expect(run.exitCode == 0)
        #expect(run.output == "imported again: 50,000 rows, 2 columns\n")
        #expect(run.errors == "")
    }

    @Test func generateWritesTheSampleAsCSVThatLoadsBack() throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(["generate", "--sf", "0.001", "--seed", "3", "--out", "out/sample"], directory: directory)
        #expect(run.errors == "")
        #expect(run.exitCode == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].wholeMatch(of: /wrote out\/sample\/regions.csv: [\d,]+ rows, [\d.]+ KB/) != nil, "\(lines)")
        #expect(lines[1].hasPrefix("wrote out/sample/persons.csv: 1,000 rows, "))
        #expect(lines[2].hasPrefix("wrote out/sample/payments.csv: "))
        #expect(directory.read("out/sample/persons.csv")?.hasPrefix("person_id,name,sex,birth_date,") == true)

        // Loaded back under the built-in names, the data is the sample of the same seed.
        let query = "SELECT count(*) AS n, sum(amount) AS total FROM payments;"
        let loaded = try InsqProcess.run(["out/sample/regions.csv", "out/sample/persons.csv", "out/sample/payments.csv",
                                          "--mode", "csv", "-c", query], directory: directory)
        let generated = try InsqProcess.run(["--sf", "0.001", "--seed", "3", "--mode", "csv", "-c", query], directory: directory)
        #expect(loaded.errors == "")
        #expect(loaded.output == generated.output)
    }

    @Test(arguments: [["generate", "--out", "x"], ["generate", "--sf", "0", "--out", "x"], ["generate", "--sf", "1"]])
    func generateUsageErrorsExitTwo(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        let run = try InsqProcess.run(arguments, directory: directory)
        #expect(run.exitCode == 2)
        #expect(run.errors.contains("Usage: insq generate"))
    }

    @Test func generateIntoAFileFails() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("taken", "")
        let run = try InsqProcess.run(["generate", "--sf", "0.001", "--out", "taken/sub"], directory: directory)
        #expect(run.exitCode == 1)
        #expect(run.errors == "insq: taken: cannot create directory: Not a directory\n")
    }

    @Test func newModesAndOutputFiles() throws {
        let directory = try TemporaryDirectory()
        let markdown = try InsqProcess.run(["--sf", "0.001", "--mode", "markdown", "-c", "SELECT 1 AS n, 'a|b' AS t;"],
                                           directory: directory)
        #expect(markdown.output == "|    n | t    |\n| ---: | ---- |\n|    1 | a\\|b |\n")
        let tsv = try InsqProcess.run(["--sf", "0.001", "--mode", "tsv", "-c", ".once one.tsv\nSELECT 'x\ty' AS t;\nSELECT 2 AS n;"],
                                      directory: directory)
        #expect(tsv.output == "n\n2\n")
        #expect(directory.read("one.tsv") == "t\nx\\ty\n")
    }
}
