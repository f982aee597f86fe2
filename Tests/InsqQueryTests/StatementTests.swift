import InsqStorage
import InsqSyntax
import Testing
@testable import InsqQuery

/// CREATE, INSERT and DROP through `QueryEngine.perform`: what they return and what they leave alone.
@Suite struct StatementTests {
    @Test func outcomesCarryTheNewCatalogAndAMessage() throws {
        var runner = StatementRunner(.small)
        guard case let .catalogChanged(_, message, changed) = try runner.perform("CREATE TABLE t AS SELECT * FROM people") else {
            Issue.record("CREATE TABLE should change the catalog")
            return
        }
        #expect(message == "created table t (3 rows)")
        #expect(changed == ["t"])
        guard case let .catalogChanged(_, inserted, _) = try runner.perform("INSERT INTO t VALUES (4, 'Dung')") else {
            Issue.record("INSERT should change the catalog")
            return
        }
        #expect(inserted == "inserted 1 row into t")
        guard case let .catalogChanged(_, skipped, none) = try runner.perform("DROP VIEW IF EXISTS nothing") else {
            Issue.record("DROP should answer with the catalog")
            return
        }
        #expect(skipped == "no view nothing; nothing done")
        #expect(none.isEmpty)
        guard case let .rows(result) = try runner.perform("SELECT COUNT(*) FROM t") else {
            Issue.record("a query should return rows")
            return
        }
        #expect(result.columns[0].value(at: 0) == .bigint(4))
    }

    @Test func aFailingStatementLeavesTheCatalogAsItWas() throws {
        var runner = StatementRunner(.small)
        try runner.perform("CREATE TABLE t (id BIGINT NOT NULL, amount DECIMAL(5, 2), name TEXT)")
        try runner.perform("INSERT INTO t VALUES (1, 1.5, 'kept')")
        let before = runner.catalog
        // The second row fails after the first converted: nothing of the statement stays.
        #expect(runner.failure("INSERT INTO t VALUES (2, 2.5, 'new text'), (3, 1000, 'more')")?
            .contains("row 2, column \"amount\": value 1000 does not fit in DECIMAL(5,2)") == true)
        #expect(runner.failure("INSERT INTO t (amount) VALUES (1)")?.contains("NULL in a NOT NULL column") == true)
        #expect(runner.failure("CREATE TABLE t2 AS SELECT id, id FROM t") != nil)
        #expect(runner.failure("CREATE TABLE t AS SELECT 1 AS x") != nil)
        #expect(runner.failure("DROP TABLE nope") != nil)
        #expect(runner.catalog.tableNames == before.tableNames)
        #expect(try runner.rows("SELECT * FROM t") == ["1\t1.50\tkept"])
        // The text that the failed INSERT brought did not reach the table's dictionary.
        let names = try #require(runner.catalog.table(named: "t")?.columns[2])
        guard case let .text(_, dictionary) = names.data else {
            Issue.record("a TEXT column should be dictionary-encoded")
            return
        }
        #expect(!dictionary.strings.contains("new text"))
    }

    @Test func performNeverChangesTheCatalogItIsGiven() throws {
        let original = Catalog.small
        let outcome = try QueryEngine.perform("INSERT INTO people VALUES (9, 'Ngoc')", catalog: original)
        guard case let .catalogChanged(changed, _, _) = outcome else {
            Issue.record("INSERT should change the catalog")
            return
        }
        #expect(original.table(named: "people")?.rowCount == 3)
        #expect(changed.table(named: "people")?.rowCount == 4)
    }

    @Test func insertedTextJoinsTheDictionaryOnce() throws {
        var runner = StatementRunner(.small)
        try runner.perform("INSERT INTO people VALUES (4, 'An'), (5, 'Chau'), (6, 'Chau'), (7, NULL)")
        let column = try #require(runner.catalog.table(named: "people")?.columns[1])
        guard case let .text(codes, dictionary) = column.data else {
            Issue.record("a TEXT column should be dictionary-encoded")
            return
        }
        // 'An' is found again, 'Chau' is added once.
        #expect(dictionary.strings.filter { $0 == "An" }.count == 1)
        #expect(dictionary.strings.filter { $0 == "Chau" }.count == 1)
        #expect(codes[0] == codes[3])
        #expect(codes[4] == codes[5])
        #expect(column.isNull(2) && column.isNull(6))
        #expect(try runner.rows("SELECT name, COUNT(*) FROM people GROUP BY name ORDER BY name") ==
                ["NULL\t2", "An\t2", "Binh\t1", "Chau\t2"])
        #expect(try runner.rows("SELECT id FROM people WHERE name = 'Chau' ORDER BY id") == ["5", "6"])
    }

    @Test func insertFromATableWithAnotherDictionary() throws {
        var runner = StatementRunner(.small)
        try runner.perform("INSERT INTO people (id, name) SELECT 10 + length(city), city FROM cities")
        let column = try #require(runner.catalog.table(named: "people")?.columns[1])
        guard case let .text(_, dictionary) = column.data else {
            Issue.record("a TEXT column should be dictionary-encoded")
            return
        }
        #expect(Set(dictionary.strings) == ["An", "Binh", "Xining", "Hue"])
        #expect(try runner.rows("SELECT id, name FROM people ORDER BY id") ==
                ["1\tAn", "2\tBinh", "3\tNULL", "13\tHue", "14\tBinh", "16\tXining"])
        #expect(try runner.rows("SELECT p.id FROM people p JOIN cities c ON p.name = c.city ORDER BY p.id") ==
                ["2", "13", "14", "16"])
    }

    @Test func insertCastsIntoTheColumnTypes() throws {
        var runner = StatementRunner()
        try runner.perform("CREATE TABLE t (i BIGINT, d DECIMAL(8, 3), f DOUBLE, day DATE, b BOOLEAN, s TEXT)")
        try runner.perform("INSERT INTO t VALUES (2.5, 1, 7, '2024-02-29', 'true', 12.50)")
        try runner.perform("INSERT INTO t (s, day) SELECT CAST(d AS TEXT), day + 1 FROM t")
        #expect(try runner.rows("SELECT * FROM t") == [
            "3\t1.000\t7.0\t2024-02-29\ttrue\t12.50",
            "NULL\tNULL\tNULL\t2024-03-01\tNULL\t1.000",
        ])
        #expect(runner.failure("INSERT INTO t (b) VALUES (1)")?.contains("column \"b\" is BOOLEAN but the value is BIGINT") == true)
        #expect(runner.failure("INSERT INTO t (i) SELECT s FROM t")?.contains("column \"i\" is BIGINT but the query's column 1 is TEXT") == true)
    }

    @Test func dropRemovesAndRefusesTheOtherKind() throws {
        var runner = StatementRunner(.small)
        try runner.perform("CREATE VIEW v AS SELECT name FROM people")
        #expect(runner.failure("DROP TABLE v")?.contains("\"v\" is a view, not a table; use DROP VIEW") == true)
        try runner.perform("DROP VIEW v")
        #expect(runner.catalog.viewNames.isEmpty)
        try runner.perform("DROP TABLE People")
        #expect(runner.catalog.tableNames == ["cities"])
    }

    @Test func executeRefusesAStatementThatIsNotAQuery() {
        #expect(throws: Diagnostic.self) { try QueryEngine.run("DROP TABLE people", catalog: .small) }
        #expect(Catalog.small.table(named: "people") != nil)
    }
}
