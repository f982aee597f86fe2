import InsqStorage
import InsqSyntax
import Testing
@testable import InsqQuery

/// Views: stored as text, bound at each use, refused when they would read themselves.
@Suite struct ViewStatementTests {
    @Test func aViewKeepsTheTextOfItsQuery() throws {
        var runner = StatementRunner(.small)
        try runner.perform("CREATE VIEW named AS\n  SELECT name FROM people WHERE name IS NOT NULL  ;")
        #expect(runner.catalog.views == [ViewDefinition(name: "named", sql: "SELECT name FROM people WHERE name IS NOT NULL")])
        try runner.perform("CREATE OR REPLACE VIEW named AS WITH n AS (SELECT name FROM people) FROM n |> WHERE name <> 'An'")
        #expect(runner.catalog.view(named: "NAMED")?.sql == "WITH n AS (SELECT name FROM people) FROM n |> WHERE name <> 'An'")
        #expect(try runner.rows("SELECT * FROM named") == ["Binh"])
    }

    @Test func droppingATableAViewUsesBreaksTheViewAtItsReference() throws {
        var runner = StatementRunner(.small)
        try runner.perform("CREATE VIEW v AS SELECT id FROM people")
        try runner.perform("CREATE VIEW w AS SELECT * FROM v WHERE id > 1")
        try runner.perform("DROP TABLE people")
        #expect(runner.failure("SELECT * FROM w") == """
            Binder error at 1:15: view "w" cannot be used: view "v" cannot be used: unknown table "people"
              SELECT * FROM w
                            ^
            """)
        // The failed query changed nothing: making the table again mends both views.
        try runner.perform("CREATE TABLE people AS SELECT 7 AS id")
        #expect(try runner.rows("SELECT * FROM w") == ["7"])
    }

    @Test func aViewThatReadsItselfIsRefusedWhenMade() throws {
        var runner = StatementRunner(.small)
        #expect(runner.failure("CREATE VIEW v AS SELECT * FROM v") == """
            Binder error at 1:32: view "v" refers to itself
              CREATE VIEW v AS SELECT * FROM v
                                             ^
            """)
        try runner.perform("CREATE VIEW a AS SELECT id FROM people")
        try runner.perform("CREATE VIEW b AS SELECT id FROM a")
        #expect(runner.failure("CREATE OR REPLACE VIEW a AS SELECT id FROM b")?
            .contains("view \"b\" cannot be used: view \"a\" refers to itself") == true)
        #expect(runner.catalog.view(named: "a")?.sql == "SELECT id FROM people")
    }

    /// A snapshot might hold views that read each other; using one is an error, never endless recursion.
    @Test func viewsThatReadEachOtherFromASnapshotGiveAnError() {
        let catalog = Catalog(Catalog.small.tables, views: [
            ViewDefinition(name: "a", sql: "SELECT * FROM b"),
            ViewDefinition(name: "b", sql: "SELECT * FROM a"),
            ViewDefinition(name: "bad", sql: "SELEC 1"),
        ])
        let runner = StatementRunner(catalog)
        #expect(runner.failure("SELECT * FROM a")?.hasPrefix(
            "Binder error at 1:15: view \"a\" cannot be used: view \"b\" cannot be used: view \"a\" refers to itself") == true)
        #expect(runner.failure("SELECT * FROM bad")?.hasPrefix(
            "Binder error at 1:15: view \"bad\" cannot be used: unexpected name \"SELEC\"; did you mean SELECT?") == true)
    }

    @Test func aLongChainOfViewsIsRefusedBeforeTheStackRunsOut() {
        var views = [ViewDefinition(name: "v0", sql: "SELECT 1 AS x")]
        for i in 1...100 { views.append(ViewDefinition(name: "v\(i)", sql: "SELECT * FROM v\(i - 1)")) }
        let runner = StatementRunner(Catalog([], views: views))
        #expect(runner.failure("SELECT * FROM v100")?.contains("views nested too deeply") == true)
        #expect((try? runner.rows("SELECT * FROM v50")) == ["1"])
    }

    @Test func aFailureAtRunTimeInsideAViewPointsAtTheView() throws {
        var runner = StatementRunner(.small)
        try runner.perform("CREATE VIEW huge AS SELECT id * 9223372036854775807 AS big FROM people")
        let failure = try #require(runner.failure("SELECT big FROM huge"))
        #expect(failure.hasPrefix("Execution error at 1:17: "))
        #expect(failure.hasSuffix("  SELECT big FROM huge\n                  ^^^^"))
    }
}
