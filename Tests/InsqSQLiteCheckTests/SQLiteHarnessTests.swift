import InsqTestSupport
import Testing

@Suite(.enabled(if: SQLiteHarness.isAvailable, Comment(rawValue: SQLiteHarness.unavailableReason ?? "")))
struct SQLiteHarnessTests {
    @Test func runsQueriesOnTheFixtures() throws {
        let outcomes = try SQLiteHarness.run([
            "SELECT count(*), sum(amount) FROM payments WHERE paid_on IS NULL;",
            "SELECT year('2024-05-01'), month('2024-05-01'), lower('HÀ TĨNH'), upper('nguyễn'), 'ab' LIKE 'A%';",
            "SELECT name FROM persons WHERE person_id = 1;",
            "SELECT nope FROM persons;",
        ])
        #expect(outcomes.count == 4)
        guard case let .rows(columns, rows) = outcomes[0] else { Issue.record("\(outcomes[0])"); return }
        #expect(columns == ["count(*)", "sum(amount)"])
        #expect(rows.count == 1)
        #expect(rows.first?.first == .integer(12))
        #expect(outcomes[1] == .rows(columns: ["year('2024-05-01')", "month('2024-05-01')", "lower('HÀ TĨNH')",
                                               "upper('nguyễn')", "'ab' LIKE 'A%'"],
                                     rows: [[.integer(2024), .integer(5), .text("hà tĩnh"), .text("NGUYỄN"), .integer(0)]]))
        #expect(outcomes[2] == .rows(columns: ["name"], rows: [[.text("王芳")]]))
        guard case let .error(message) = outcomes[3] else { Issue.record("\(outcomes[3])"); return }
        #expect(message.contains("no such column"))
    }

    @Test(arguments: [
        (SQLiteHarness.Value.real(12.5), ColumnTypeCode.decimal, 2, "12.50"),
        (.real(0.1 + 0.2), .decimal, 2, "0.30"),
        (.integer(7), .decimal, 2, "7.00"),
        (.integer(7), .real, 0, "7.0"),
        (.real(7), .integer, 0, "7"),
        (.real(1.0 / 3.0), .real, 0, "0.333333333333"),
        (.integer(1), .boolean, 0, "true"),
        (.integer(0), .boolean, 0, "false"),
        (.text("2024-05-01"), .date, 0, "2024-05-01"),
        (.text(""), .text, 0, "(empty)"),
        (.null, .integer, 0, "NULL"),
    ])
    func canonicalisesByTheRecordsTypes(value: SQLiteHarness.Value, code: ColumnTypeCode, scale: Int, text: String) {
        #expect(SQLiteHarness.canonical(value, as: code, scale: scale) == text)
    }

    @Test func comparesRecordsAndReportsDisagreement() {
        let text = """
            load fixtures

            query IN
            SELECT count(*), sum(amount) FROM payments WHERE currency = 'CNY' AND paid_on IS NULL;
            ----
            7\t18522.41

            query T rowsort
            SELECT DISTINCT sex FROM persons;
            ----
            M
            F

            query B
            SELECT 2 > 1;
            ----
            false

            skipif sqlite
            query R
            SELECT 7 / 2;
            ----
            3.5

            query T
            SELECT name FROM persons WHERE person_id = 5;

            """
        let report = SQLiteCheck().run(text: text, fileName: "Tests/Queries/x/y.test")
        #expect(report.caseCount == 4, "the skipif sqlite record is not run")
        #expect(report.failures.map(\.line) == [14, 25])
        #expect(report.failures.first?.message == """
            SQLite disagrees with the expected rows
              SELECT 2 > 1;
                (- expected (insq), + SQLite)
                - false
                + true
            """)
        #expect(report.failures.last?.message.contains("no expectation; run with INSQ_RECORD=1") == true)
        #expect(report.failures.last?.message.contains("Nguyễn Văn An") == true)

        let filled = SQLiteCheck(fillsMissingExpectations: true).run(text: text, fileName: "y.test")
        #expect(filled.recordedCount == 1)
        #expect(filled.rewrittenText?.hasSuffix("WHERE person_id = 5;\n----\nNguyễn Văn An\n") == true)
    }

    @Test func statementsRunBeforeTheQueriesAfterThem() {
        let text = """
            statement ok
            CREATE TABLE t (id BIGINT, note TEXT);

            statement ok
            INSERT INTO t VALUES (1, 'a'), (2, NULL);

            # insq refuses it, so SQLite must not see it either (it would accept it).
            statement error
            INSERT INTO t VALUES ('x', 'y');

            skipif sqlite
            statement ok
            INSERT INTO t VALUES (3, 'only insq');

            query IT
            SELECT id, note FROM t ORDER BY id;
            ----
            1\ta
            2\tNULL

            statement ok
            SELEC 1;

            """
        let report = SQLiteCheck().run(text: text, fileName: "y.test")
        #expect(report.caseCount == 1)
        #expect(report.failures.map(\.line) == [21])
        #expect(report.failures.first?.message.hasPrefix("SQLite failed: near \"SELEC\": syntax error") == true)
    }

    @Test func harnessFailureIsReported() {
        let report = SQLiteCheck().run(text: "query I\nSELECT 1;\n----\n1\n", fileName: "y.test") { _ throws(HarnessError) in
            throw HarnessError("python exploded")
        }
        #expect(report.failures.map(\.description) == ["y.test:0: SQLite harness: python exploded"])
    }
}
