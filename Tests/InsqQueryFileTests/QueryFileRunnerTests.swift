import InsqQuery
import InsqStorage
import InsqSyntax
import InsqTestSupport
import Testing

/// The runner against a stand-in engine, so that comparison and record mode are tested without the real one.
@Suite struct QueryFileRunnerTests {
    /// Answers a few fixed statements; anything else is an unknown-column error at byte 7.
    static let fakeEngine: QueryFileRunner.Executor = { sql, _ in .rows(try fakeQuery(sql)) }

    static func fakeQuery(_ sql: String) throws -> QueryResult {
        switch sql {
        case "SELECT id, name FROM t;":
            return result([("id", .bigint), ("name", .text)],
                          [[.bigint(2), .text("b")], [.bigint(1), .text("王芳")], [.bigint(3), .null]])
        case "SELECT amount / 2 AS half FROM t;":
            return result([("half", .double)], [[.double(1.25)], [.double(1.0 / 3.0)]])
        case "SELECT amount FROM t;":
            return result([("amount", .decimal(precision: 14, scale: 2))], [[.decimal(150, scale: 2)]])
        case "SELECT NULL, '';":
            return result([("NULL", .null), ("''", .text)], [[.null, .text("")]])
        default:
            throw Diagnostic(phase: .binder, message: "unknown column", range: SourceRange(7, 11))
        }
    }

    static func result(_ schema: [(String, DataType)], _ rows: [[Value]]) -> QueryResult {
        var builders = schema.map { ColumnBuilder(type: $0.1) }
        for row in rows {
            for (i, value) in row.enumerated() { builders[i].append(value) }
        }
        return QueryResult(schema: schema.map { ColumnSchema(name: $0.0, type: $0.1) }, columns: builders.map { $0.build() })
    }

    func run(_ text: String, recording: Bool = false, errorGolden: Bool = false) -> QueryFileReport {
        QueryFileRunner(isRecording: recording, executor: Self.fakeEngine, fixtures: { Catalog() })
            .run(text: text, fileName: "Tests/Queries/x/y.test", isErrorGolden: errorGolden)
    }

    @Test func passingRecords() {
        let report = run("""
            load fixtures

            query IT rowsort
            SELECT id, name FROM t;
            ----
            1\t王芳
            2\tb
            3\tNULL

            query R colnames
            SELECT amount / 2 AS half FROM t;
            ----
            half
            1.25
            0.333333333333

            query ?T
            SELECT NULL, '';
            ----
            NULL\t(empty)

            statement ok
            SELECT amount FROM t;

            statement error unknown
            SELECT nmae FROM t;

            """)
        #expect(report.failures == [])
        #expect(report.caseCount == 5)
    }

    @Test func mismatchNamesFileLineSQLAndDiff() throws {
        let report = run("""
            query IT
            SELECT id, name FROM t;
            ----
            2\tb
            1\t王
            3\tNULL

            """)
        let failure = try #require(report.failures.first)
        #expect(failure.line == 1)
        #expect(failure.description == """
            Tests/Queries/x/y.test:1: result differs
              SELECT id, name FROM t;
                (- expected, + actual)
                  2\tb
                - 1\t王
                + 1\t王芳
                  3\tNULL
            """)
    }

    @Test func statementsChangeTheCatalogForLaterRecords() {
        let runner = QueryFileRunner(fixtures: { Catalog() })
        let report = runner.run(text: """
            statement ok
            CREATE TABLE t (id BIGINT NOT NULL, name TEXT);

            statement ok
            INSERT INTO t VALUES (1, 'a'), (2, 'b');

            statement error NULL in a NOT NULL column
            INSERT INTO t VALUES (3, 'c'), (NULL, 'd');

            query IT
            SELECT id, name FROM t ORDER BY id;
            ----
            1\ta
            2\tb

            statement ok
            COPY t TO 'nowhere.csv';

            query I
            COPY t TO 'nowhere.csv';
            ----
            1

            """, fileName: "Tests/Queries/x/y.test", isErrorGolden: false)
        #expect(report.caseCount == 6)
        #expect(report.failures.map(\.line) == [19])
        #expect(report.failures.first?.message.hasPrefix("a query record must return rows") == true)
    }

    @Test func typeLettersAreChecked() {
        let report = run("query R\nSELECT amount FROM t;\n----\n1.50\n")
        #expect(report.failures.map(\.message) == ["result column types are N, expected R\n  SELECT amount FROM t;"])
    }

    @Test func missingExpectationAsksForRecordMode() {
        let report = run("query N\nSELECT amount FROM t;\n")
        #expect(report.failures.first?.message.hasPrefix("no expectation; run with INSQ_RECORD=1") == true)
    }

    @Test func unexpectedOutcomes() {
        let report = run("""
            statement error
            SELECT amount FROM t;

            statement ok
            SELECT nope FROM t;

            statement error no such text
            SELECT nope FROM t;

            query I
            SELECT nope FROM t;
            ----
            1

            """)
        let messages = report.failures.map(\.message)
        #expect(messages.count == 4)
        #expect(messages[0].hasPrefix("statement succeeded but an error was expected"))
        #expect(messages[1].hasPrefix("statement failed"))
        #expect(messages[2].hasPrefix("error does not contain \"no such text\""))
        #expect(messages[3].hasPrefix("query failed"))
        #expect(report.failures.map(\.line) == [1, 4, 7, 10])
    }

    @Test func recordModeRewritesBlocksAndTypes() throws {
        let original = """
            # name: Tests/Queries/x/y.test
            query II rowsort
            SELECT id, name FROM t;
            ----
            9\tz

            query R
            SELECT amount / 2 AS half FROM t;

            # unchanged below
            query N
            SELECT amount FROM t;
            ----
            1.50

            """
        let report = run(original, recording: true)
        #expect(report.failures == [])
        #expect(report.recordedCount == 3)
        let rewritten = try #require(report.rewrittenText)
        #expect(rewritten == """
            # name: Tests/Queries/x/y.test
            query IT rowsort
            SELECT id, name FROM t;
            ----
            1\t王芳
            2\tb
            3\tNULL

            query R
            SELECT amount / 2 AS half FROM t;
            ----
            1.25
            0.333333333333

            # unchanged below
            query N
            SELECT amount FROM t;
            ----
            1.50

            """)
        let again = run(rewritten)
        #expect(again.failures == [])
        #expect(run(rewritten, recording: true).rewrittenText == nil, "recording twice changes nothing")
    }

    @Test func errorGoldensNeedTheWholeDiagnostic() throws {
        let text = "statement error\nSELECT nmae FROM t;\n"
        let missing = run(text, errorGolden: true)
        #expect(missing.failures.first?.message.hasPrefix("no expectation; run with INSQ_RECORD=1") == true)
        #expect(run(text).failures == [], "outside errors/ any error will do")

        let recorded = try #require(run(text, recording: true, errorGolden: true).rewrittenText)
        let diagnostic = Diagnostic(phase: .binder, message: "unknown column", range: SourceRange(7, 11))
        let rendered = DiagnosticRenderer.render(diagnostic, source: SourceText("SELECT nmae FROM t;"))
        #expect(recorded == text + "----\n" + rendered + "\n")
        #expect(run(recorded, errorGolden: true).failures == [])

        let wrong = run(text + "----\nBinder error at 1:1: something else\n", errorGolden: true)
        #expect(wrong.failures.first?.message.hasPrefix("diagnostic differs") == true)
    }

    @Test func syntaxErrorsInTheFileAreFailures() {
        let report = run("query I\nSELECT 1;\n----\n1\n\nbogus\n")
        #expect(report.failures == [TestFailure(file: "Tests/Queries/x/y.test", line: 6,
                                                message: "unknown record \"bogus\"; expected query, statement, load, skipif or a # comment")])
    }

    @Test func recordModeRefusesUnderCI() {
        #expect(RecordMode.refusal(["CI": "true"]) != nil)
        #expect(RecordMode.refusal(["CI": "false"]) == nil)
        #expect(RecordMode.refusal([:]) == nil)
        #expect(RecordMode.requested(["INSQ_RECORD": "1"]) == RecordMode.insq)
        #expect(RecordMode.requested(["INSQ_RECORD": "0"]) == nil)
        #expect(RecordMode.requested([:]) == nil)
    }
}

@Suite struct FixtureTests {
    @Test func fixturesLoadWithTheBuiltinSchemas() throws {
        let catalog = try FixtureCatalog.load()
        #expect(catalog.tableNames == ["regions", "persons", "payments"])
        let regions = try #require(catalog.table(named: "regions"))
        let persons = try #require(catalog.table(named: "persons"))
        let payments = try #require(catalog.table(named: "payments"))
        #expect(regions.rowCount == 13)
        #expect(persons.rowCount == 40)
        #expect(payments.rowCount == 147)
        #expect(persons.schema == BuiltinSchemas.persons)

        let enrolled = try #require(persons.columnIndex("enrolled_on"))
        let neverInsured = (0..<persons.rowCount).filter { persons.columns[enrolled].isNull($0) }
        #expect(neverInsured.map { persons.columns[0].value(at: $0) } == [.bigint(3), .bigint(17)])

        let paidOn = try #require(payments.columnIndex("paid_on"))
        #expect(payments.columns[paidOn].validity?.nullCount == 12)
        let amount = try #require(payments.columnIndex("amount"))
        #expect(payments.columns[amount].value(at: 0) == .decimal(48640, scale: 2))
        #expect(regions.columns[4].value(at: 0) == .text("城东区"))
    }
}
