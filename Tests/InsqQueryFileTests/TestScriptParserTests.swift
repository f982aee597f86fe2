import InsqTestSupport
import Testing

@Suite struct TestScriptParserTests {
    let sample = """
        # name: Tests/Queries/nulls/where_three_valued.test
        # description: NULL in WHERE filters the row out
        load fixtures

        query IT rowsort
        SELECT person_id, status
        FROM persons WHERE enrolled_on IS NULL;
        ----
        3\tactive
        17\tsuspended

        # a comment between records
        skipif sqlite
        query I
        SELECT 1;
        ----

        statement error unknown column
        SELECT nmae FROM persons;

        statement error
        SELECT nmae FROM persons;
        ----
        Binder error at 1:8: unknown column "nmae" in persons; did you mean "name"?
          SELECT nmae FROM persons;
                 ^^^^

        statement ok
        SELECT 1;

        query T nosort colnames
        SELECT 'x' AS y;

        """

    @Test func readsHeaderAndRecords() throws {
        let script = try TestScriptParser.parse(sample)
        #expect(script.name == "Tests/Queries/nulls/where_three_valued.test")
        #expect(script.description == "NULL in WHERE filters the row out")
        #expect(script.records.count == 7)
        #expect(script.caseCount == 6)
        #expect(script.records[0] == .loadFixtures(line: 3))

        guard case let .query(first) = script.records[1] else { Issue.record("not a query"); return }
        #expect(first.types == [.integer, .text])
        #expect(first.sortMode == .rowsort)
        #expect(first.sql == "SELECT person_id, status\nFROM persons WHERE enrolled_on IS NULL;")
        #expect(first.expected == ["3\tactive", "17\tsuspended"])
        #expect(first.layout == RecordLayout(headerLine: 4, sqlEnd: 7, expectationLines: 7..<10))
        #expect(!first.skipsSQLite)
        #expect(!first.checksColumnNames)

        guard case let .query(second) = script.records[2] else { Issue.record("not a query"); return }
        #expect(second.skipsSQLite)
        #expect(second.sortMode == .nosort)
        #expect(second.expected == [], "an empty block expects no rows")

        guard case let .statement(substring) = script.records[3] else { Issue.record("not a statement"); return }
        #expect(substring.outcome == .error(substring: "unknown column"))
        #expect(substring.expectedDiagnostic == nil)

        guard case let .statement(golden) = script.records[4] else { Issue.record("not a statement"); return }
        #expect(golden.outcome == .error(substring: nil))
        #expect(golden.expectedDiagnostic?.count == 3)
        #expect(golden.expectedDiagnostic?.last == "         ^^^^")

        guard case let .statement(ok) = script.records[5] else { Issue.record("not a statement"); return }
        #expect(ok.outcome == .ok)

        guard case let .query(named) = script.records[6] else { Issue.record("not a query"); return }
        #expect(named.checksColumnNames)
        #expect(named.expected == nil, "no ---- block means no expectation yet")
        #expect(named.layout.sqlEnd == 32)
    }

    @Test(arguments: [
        ("query XT\nSELECT 1;\n", 1, "bad column types"),
        ("query I sideways\nSELECT 1;\n", 1, "unknown query option"),
        ("query I rowsort nosort\nSELECT 1;\n", 1, "more than one sort mode"),
        ("query I\n\nSELECT 1;\n", 1, "record has no SQL"),
        ("select 1;\n", 1, "unknown record"),
        ("skipif duckdb\nquery I\nSELECT 1;\n", 1, "unknown engine"),
        ("\nskipif sqlite\n", 2, "applies to nothing"),
        ("skipif sqlite\nload fixtures\n", 1, "only to query and statement"),
        ("statement ok\nSELECT 1;\n----\n1\n", 3, "takes no ---- block"),
        ("statement maybe\nSELECT 1;\n", 1, "expected `statement ok` or `statement error`"),
        ("load everything\n", 1, "expected `load fixtures`"),
    ])
    func rejectsMalformedFiles(text: String, line: Int, message: String) {
        #expect {
            _ = try TestScriptParser.parse(text)
        } throws: { error in
            guard let error = error as? TestScriptSyntaxError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }

    @Test func crlfAndMissingFinalNewline() throws {
        let script = try TestScriptParser.parse("query I\r\nSELECT 1;\r\n----\r\n1")
        guard case let .query(q) = script.records.first else { Issue.record("not a query"); return }
        #expect(q.sql == "SELECT 1;")
        #expect(q.expected == ["1"])
    }
}
