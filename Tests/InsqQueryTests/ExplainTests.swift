import InsqStorage
import InsqSyntax
import Testing
@testable import InsqQuery

/// `QueryEngine.analyze` reports, per plan node, the rows its operator produced, so that a test can flag an
/// operator that made far more rows than any input table holds.
@Suite struct ExplainTests {
    /// `ones(k BIGINT)`: twelve rows with the same key, so that a self-join makes 144 rows.
    private static let catalog: Catalog = {
        var catalog = Catalog.small
        catalog = Catalog(catalog.tables + [makeTable("ones", [("k", .bigint)], Array(repeating: [.bigint(1)], count: 12))])
        return catalog
    }()

    private static func node(_ profile: PlanProfile, _ name: String) -> PlanProfile.Node? {
        profile.nodes.first { $0.operatorName == name }
    }

    @Test func everyOperatorCountsItsRows() throws {
        let (result, profile) = try QueryEngine.analyze(
            // The columns swapped, so a projection stays above the join.
            "SELECT c.city, p.name FROM people p JOIN cities c ON p.name = c.city", catalog: Self.catalog)
        #expect(result.rowCount == 1)
        #expect(profile.isAnalyzed && profile.resultRows == 1)
        #expect(profile.nodes.map(\.operatorName) == ["PROJECT", "HASH JOIN INNER", "SCAN", "SCAN"])
        #expect(profile.nodes.map(\.actualRows) == [1, 1, 3, 3])
        #expect(profile.nodes.map(\.depth) == [0, 1, 2, 2])
        #expect(profile.nodes[1].detail == "ON name = city")
        #expect(profile.nodes.allSatisfy { $0.estimatedRows >= 1 && $0.measurement?.runs == 1 })
    }

    @Test func fusedNodesHaveNoCountOfTheirOwn() throws {
        let (_, profile) = try QueryEngine.analyze("SELECT name FROM people WHERE id > 1", catalog: Self.catalog)
        let filter = try #require(Self.node(profile, "FILTER"))
        #expect(filter.actualRows == nil)
        #expect(filter.fusedInto == "PROJECT")
        #expect(profile.nodes[0].actualRows == 2)
    }

    @Test func aJoinCliffShowsInTheCounts() throws {
        let (_, profile) = try QueryEngine.analyze("SELECT COUNT(*) FROM ones a JOIN ones b ON a.k = b.k",
                                                   catalog: Self.catalog)
        let largestTable = Self.catalog.tables.map(\.rowCount).max() ?? 0
        let join = try #require(Self.node(profile, "HASH JOIN INNER"))
        #expect(join.actualRows == 144)
        #expect(profile.nodes.compactMap(\.actualRows).max() ?? 0 > 10 * largestTable)
    }

    @Test func aCorrelatedSubqueryAddsUpItsRuns() throws {
        let (result, profile) = try QueryEngine.analyze(
            // Not an aggregation, so it may yield several rows: it stays a subquery, run once per outer value.
            "SELECT id, (SELECT city FROM cities WHERE city = people.name LIMIT 1) AS n FROM people", catalog: Self.catalog)
        #expect(result.rowCount == 3)
        let root = try #require(profile.nodes.first { $0.subquery == 1 })
        #expect(root.measurement?.runs == 3)
        // Its top row count adds up over the runs: one name of the three is also a city.
        #expect(root.actualRows == 1)
        #expect(profile.nodes.contains { $0.detail.contains("outer.name") })
    }

    @Test func explainAnswersWithPlanLines() throws {
        guard case let .rows(result) = try QueryEngine.perform("EXPLAIN SELECT name FROM people ORDER BY name",
                                                               catalog: Self.catalog) else {
            Issue.record("EXPLAIN returns rows")
            return
        }
        #expect(result.isPlan)
        #expect(result.schema == [ColumnSchema(name: "plan", type: .text)])
        #expect((0..<result.rowCount).map { result.columns[0].value(at: $0).description }
                == ["SORT name  (~3 rows)", "  SCAN people (name)  (~3 rows)"])
        let plain = try QueryEngine.explain("SELECT name FROM people ORDER BY name", catalog: Self.catalog)
        #expect(!plain.isAnalyzed && plain.nodes.allSatisfy { $0.actualRows == nil && $0.fusedInto == nil })
    }

    @Test func analyzeWithTimingEndsWithTotals() throws {
        let result = try QueryEngine.run("EXPLAIN ANALYZE SELECT COUNT(*) FROM people", catalog: Self.catalog)
        let last = result.columns[0].value(at: result.rowCount - 1).description
        #expect(last.hasPrefix("total: 1 row, ") && last.contains(" ms, peak heap +"))
        #expect(result.columns[0].value(at: 0).description.contains("actual 1 row, 1 batch, "))
    }

    @Test func anExecutionErrorStillFails() {
        #expect(throws: Diagnostic.self) {
            try QueryEngine.analyze("SELECT (SELECT id FROM people) FROM cities", catalog: Self.catalog)
        }
        #expect(throws: Diagnostic.self) { try QueryEngine.analyze("DROP TABLE people", catalog: Self.catalog) }
    }

    @Test func literalsReadAsSQL() {
        #expect(ExpressionText.literal(.text("it's")) == "'it''s'")
        #expect(ExpressionText.literal(.date(0)) == "DATE '1970-01-01'")
        #expect(ExpressionText.literal(.boolean(true)) == "TRUE")
        #expect(ExpressionText.literal(.decimal(1250, scale: 2)) == "12.50")
        #expect(ExpressionText.literal(.null) == "NULL")
        #expect(PlanProfile.bytes(1536) == "1.5 KB" && PlanProfile.bytes(12) == "12 B")
        #expect(PlanProfile.milliseconds(.microseconds(1234)) == "1.234 ms")
    }
}
