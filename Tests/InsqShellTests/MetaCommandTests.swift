import Foundation
import InsqShell
import InsqStorage
import Testing

@Suite struct MetaCommandTests {
    @Test func helpListsEveryCommand() {
        let transcript = Transcript(Fixtures.session(), [".help"])
        for name in [".help", ".tables", ".schema", ".mode", ".timer", ".read", ".quit", ".exit", ".import", ".save",
                     ".open", ".output", ".once", "--types", "--skip-bad-rows", "--delimiter", "markdown", "tsv"] {
            #expect(transcript.output.contains(name))
        }
        #expect(transcript.errors == "")
    }

    @Test func helpFitsEightyColumns() {
        let lines = Transcript(Fixtures.session(), [".help"]).output.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 79 })
        #expect(lines.contains { $0.hasPrefix(".import FILE [TABLE] [--types COL=TYPE,...] [--skip-bad-rows]") })
    }

    @Test func tablesListsSizesInCatalogOrderThenViews() {
        let session = Fixtures.session()
        session.catalog.add(ViewDefinition(name: "unpaid", sql: "SELECT * FROM payments WHERE paid_on IS NULL"))
        let transcript = Transcript(session, [".tables"])
        let persons = session.catalog.tables[0].byteSize
        let payments = session.catalog.tables[1].byteSize
        let lines = transcript.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "name      kind   rows  columns  memory  bytes/row")
        #expect(lines[1].wholeMatch(of: /persons   table     3        3 +\d+ B +(\d+)/)?.output.1 == Substring(String((persons + 1) / 3)))
        #expect(lines[2].wholeMatch(of: /payments  table     2        4 +\d+ B +(\d+)/)?.output.1 == Substring(String((payments + 1) / 2)))
        #expect(lines[3] == "unpaid    view")
        #expect(transcript.outcomes == [.success])
    }

    @Test func tablesOnAnEmptyCatalogSaysSo() {
        #expect(Transcript(Session(catalog: Catalog()), [".tables"]).output == "no tables\n")
    }

    @Test func schemaShowsColumnsAndTypes() {
        // `measures` is not a built-in table, so the data dictionary has nothing to add.
        let session = Session(catalog: Catalog([Fixtures.table("measures", [
            ("id", .bigint, [.bigint(1)]), ("地区", .text, [.text("西宁")]),
            ("amount", .decimal(precision: 14, scale: 2), [.null]),
        ])]))
        let transcript = Transcript(session, [".schema measures"])
        #expect(transcript.output == """
            measures: 1 row
              id      BIGINT
              地区    TEXT
              amount  DECIMAL(14,2)

            """)
    }

    @Test func schemaShowsMeaningsOfBuiltinTables() {
        let lines = Transcript(Fixtures.session(), [".schema payments"]).output.split(separator: "\n").map(String.init)
        #expect(lines.first == "payments: 2 rows")
        // A description line, then one line per column: name, type, meaning, aligned.
        #expect(lines.count == 6)
        #expect(lines.dropFirst(2).allSatisfy { $0.hasPrefix("  ") && $0.count > 40 })
        #expect(lines.contains { $0.hasPrefix("  amount      DECIMAL(14,2)  ") })
        #expect(lines.contains { $0.hasPrefix("  paid_on     DATE           ") })
    }

    @Test func schemaWithoutArgumentShowsEveryTable() {
        let output = Transcript(Fixtures.session(), [".schema"]).output
        #expect(output.contains("persons: 3 rows"))
        #expect(output.contains("payments: 2 rows"))
    }

    @Test func schemaOfUnknownTableSuggestsNearest() {
        let transcript = Transcript(Fixtures.session(), [".schema persns"])
        #expect(transcript.errors == "Error: no table named \"persns\"; did you mean \"persons\"?\n")
        #expect(transcript.outcomes == [.failure])
    }

    @Test func unknownCommandSuggestsNearest() {
        let transcript = Transcript(Fixtures.session(), [".tabels", ".frobnicate"])
        #expect(transcript.errors == """
            Error: unknown command ".tabels"; did you mean ".tables"? Enter ".help" for the list of commands.
            Error: unknown command ".frobnicate" Enter ".help" for the list of commands.

            """)
        #expect(transcript.outcomes == [.failure, .failure])
    }

    @Test func modeSwitchesRendering() {
        let session = Fixtures.session()
        let transcript = Transcript(session, [".mode", ".mode csv", ".mode", "SELECT * FROM payments;",
                                              ".mode JSON", "SELECT * FROM payments;"])
        #expect(transcript.output == """
            current output mode: table
            current output mode: csv
            payment_id,person_id,amount,paid_on
            10,1,12.50,2024-05-01
            11,2,,
            [
              {"payment_id": 10, "person_id": 1, "amount": 12.50, "paid_on": "2024-05-01"},
              {"payment_id": 11, "person_id": 2, "amount": null, "paid_on": null}
            ]

            """)
        #expect(session.mode == .json)
    }

    @Test func modeRejectsUnknownNames() {
        let session = Fixtures.session()
        let transcript = Transcript(session, [".mode jsn", ".mode xml"])
        #expect(transcript.errors == """
            Error: unknown mode "jsn"; did you mean "json"?
            Error: unknown mode "xml"; choose one of table, csv, tsv, json, markdown

            """)
        #expect(session.mode == .table)
    }

    @Test func timerPrintsRunTimeAfterEachStatement() throws {
        let session = Fixtures.session(mode: .csv)
        let transcript = Transcript(session, [".timer on", "SELECT * FROM payments;", ".timer off", "SELECT * FROM payments;"])
        let lines = transcript.output.split(separator: "\n").map(String.init)
        let timings = lines.filter { $0.hasPrefix("Run Time: ") }
        #expect(timings.count == 1)
        let timing = try #require(timings.first)
        #expect(timing.wholeMatch(of: /Run Time: \d+\.\d{3} s/) != nil)
        #expect(lines.firstIndex(of: timing) == 3)
        #expect(Transcript(session, [".timer maybe"]).errors.hasPrefix("Error: usage: .timer on|off"))
    }

    @Test func quitAndExitEndTheSession() {
        #expect(Transcript(Fixtures.session(), [".quit", ".exit", ".QUIT"]).outcomes == [.quit, .quit, .quit])
        #expect(Transcript(Fixtures.session(), [".quit now"]).outcomes == [.failure])
    }

    @Test func readRunsAFileAndReportsErrorsAsFileLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("report.sql", """
            -- two queries, the second misspelt
            SELECT * FROM payments;

            SELECT person_id,
                   nmae
            FROM persons;
            SELECT * FROM persons;
            """)
        let session = Fixtures.session(mode: .csv)
        let transcript = Transcript(session, [".read '\(path)'"])
        #expect(transcript.outcomes == [.failure])
        #expect(transcript.output == "payment_id,person_id,amount,paid_on\n10,1,12.50,2024-05-01\n11,2,,\n")
        #expect(firstLine(transcript.errors) == "\(path):5: Binder error at 5:8: unknown column \"nmae\"")
    }

    @Test func readOfMissingFileFails() {
        let transcript = Transcript(Fixtures.session(), [".read /nonexistent/x.sql", ".read"])
        #expect(transcript.errors == """
            Error: cannot read "/nonexistent/x.sql": No such file or directory
            Error: usage: .read FILE

            """)
    }

    @Test func readOfAFileThatReadsItselfStops() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/loop.sql"
        _ = try directory.write("loop.sql", ".read \(path)\n")
        let transcript = Transcript(Fixtures.session(), [".read \(path)"])
        #expect(transcript.outcomes == [.failure])
        #expect(transcript.errors == "\(path):1: Error: \".read\" nested more than 16 deep\n")
    }

    @Test func quotedArguments() {
        let transcript = Transcript(Fixtures.session(), [".schema \"西宁 Hà Tĩnh\"", ".schema 'open"])
        #expect(transcript.errors == """
            Error: no table named "西宁 Hà Tĩnh" (tables: persons, payments)
            Error: unterminated ' quote

            """)
    }
}

/// A fresh directory under the system's temporary directory, removed when the value is dropped.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "insq-shell-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes a file in the directory and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
