import Testing
import InsqStorage
import InsqSyntax
@testable import InsqQuery

/// Cardinality estimates against the true row counts of small fixture tables whose distributions the estimator's
/// model describes (uniform values, independent columns), and the documented defaults where it has no statistics.
@Suite struct CardinalityEstimatorTests {
    static let cities = ["Hanoi", "Haiphong", "Hue", "Da Nang", "Can Tho", "Bac Giang", "Ha Tinh", "Xining"]

    /// `f`, 10,000 rows: id unique; k = i % 100; d one of 365 days; amt 1,000 quarter steps; r a double;
    /// name one of 50 (NULL every 7th row); city one of 8; x = i % 1000 with a NULL every 4th row.
    static let fixture: Table = {
        var rows: [[Value]] = []
        for i in 0..<10_000 {
            rows.append([
                .bigint(Int64(i)), .bigint(Int64(i % 100)), .date(Int32(19000 + i % 365)),
                .decimal(Int64(i % 1000) * 25, scale: 2), .double(Double(i % 500) / 4),
                i % 7 == 0 ? .null : .text("n\(i % 50)"), .text(cities[i % 8]),
                i % 4 == 0 ? .null : .bigint(Int64(i % 1000)),
            ])
        }
        return makeTable("f", [("id", .bigint), ("k", .bigint), ("d", .date), ("amt", .decimal(precision: 10, scale: 2)),
                               ("r", .double), ("name", .text), ("city", .text), ("x", .bigint)], rows)
    }()

    /// `o` (1,000 orders, cust = i % 100), `c` (100 customers), `ps` (4,000 part-supplier pairs: 1,000 parts with 4 of
    /// 100 suppliers each), `l` (10,000 lines, order_id = i % 1000, each line's (part, supp) one of ps's pairs).
    static let catalog: Catalog = {
        let orders = makeTable("o", [("id", .bigint), ("cust", .bigint)], (0..<1000).map { [.bigint(Int64($0)), .bigint(Int64($0 % 100))] })
        func pair(_ j: Int) -> (Int64, Int64) { (Int64(j % 1000), Int64((j % 1000 + j / 1000 * 25) % 100)) }
        let partSupp = makeTable("ps", [("part", .bigint), ("supp", .bigint)], (0..<4000).map {
            let (part, supp) = pair($0)
            return [.bigint(part), .bigint(supp)]
        })
        let lines = makeTable("l", [("order_id", .bigint), ("part", .bigint), ("supp", .bigint)], (0..<10_000).map {
            let (part, supp) = pair($0 * 7919 % 4000)
            return [.bigint(Int64($0 % 1000)), .bigint(part), .bigint(supp)]
        })
        let customers = makeTable("c", [("id", .bigint), ("region", .text)], (0..<100).map { [.bigint(Int64($0)), .text("r\($0 % 5)")] })
        return Catalog([fixture, orders, lines, customers, partSupp])
    }()

    /// The optimized plan: the estimates are made for what the optimizer produces (join keys split out).
    static func plan(_ sql: String) throws -> LogicalPlan {
        let source = SourceText(sql)
        guard case let .query(query) = try SQLParser.parseStatement(source) else { throw ExecutionError("not a query") }
        return Optimizer.optimize(try Binder(catalog: catalog, source: source).bind(query).plan)
    }

    static func count(_ sql: String) throws -> Double {
        let result = try QueryEngine.run(sql, catalog: catalog)
        guard case let .bigint(n) = result.columns[0].value(at: 0) else { throw ExecutionError("no count") }
        return Double(n)
    }

    static func selectivity(_ predicate: String) throws -> Double {
        // SELECT * needs no projection: the filter is the plan's root.
        guard case let .filter(child, condition) = try plan("SELECT * FROM f WHERE \(predicate)") else {
            throw ExecutionError("no filter for \(predicate)")
        }
        return CardinalityEstimator().selectivity(condition, over: child)
    }

    /// Each predicate form where the statistics describe the data: the estimate within `tolerance` of the truth.
    @Test(arguments: [
        ("k = 42", 0.0), ("d = '2022-01-20'", 0.05), ("amt = 12.25", 0.0), ("name = 'n7'", 0.02), ("city = 'Hue'", 0.0),
        ("k < 30", 0.0), ("k <= 30", 0.0), ("k > 89", 0.0), ("30 > k", 0.0), ("k BETWEEN 10 AND 19", 0.0),
        ("d BETWEEN '2022-02-01' AND '2022-02-28'", 0.05), ("amt >= 200", 0.01), ("amt < 12.5", 0.0), ("r < 25", 0.01),
        ("x BETWEEN 100 AND 199", 0.01), ("k >= 10 AND k < 20 AND k <> 15", 0.0),
        ("k IN (1, 2, 3)", 0.0), ("k IN (1, 2, 500)", 0.0), ("city IN ('Hue', 'Hanoi', 'Paris')", 0.0), ("k NOT IN (1, 2)", 0.0),
        ("x IS NULL", 0.0), ("name IS NOT NULL", 0.0), ("NOT (x IS NULL)", 0.0), ("NOT (k < 30)", 0.0), ("k <> 5", 0.0),
        ("city LIKE 'Ha%'", 0.0), ("city LIKE '%an%'", 0.0), ("city NOT LIKE 'H%'", 0.0), ("city < 'D'", 0.0),
        ("k = 1 OR city = 'Hue'", 0.02), ("month(d) = 3", 0.05), ("x = 7", 0.0), ("id + 1 > 5", 0.0),
        ("x NOT IN (1, 2, 3, 5)", 0.0), ("NOT (k = 3 OR k = 4)", 0.0),
    ])
    func estimateMatchesTheTruth(predicate: String, tolerance: Double) throws {
        let estimated = try Self.selectivity(predicate) * 10_000
        let actual = try Self.count("SELECT COUNT(*) FROM f WHERE \(predicate)")
        #expect(abs(estimated - actual) <= tolerance * actual + 0.5, "\(predicate): estimated \(estimated), actual \(actual)")
    }

    @Test func constantsNoRowCanHoldMatchNothing() throws {
        for predicate in ["k = 500", "k < 0", "k > 99", "amt = 12.305", "name = 'zzz'", "city IN ('Paris', 'Rome')",
                          "k = 2.5", "k = NULL", "k > 50 AND k < 40", "k = 1 AND k = 2", "false"] {
            #expect(try Self.selectivity(predicate) == 0, "\(predicate)")
        }
        #expect(try CardinalityEstimator().rows(Self.plan("SELECT * FROM f WHERE k = 500")) == 1)
    }

    @Test func guessesWhereNothingIsKnown() throws {
        // LIKE on a computed string has no dictionary: fixed guesses, on the non-NULL rows.
        #expect(try Self.selectivity("upper(city) LIKE 'HA%'") == 0.1)
        #expect(try Self.selectivity("lower(city) LIKE '%an%'") == 0.05)
        #expect(try Self.selectivity("x IN (SELECT id FROM o)") == 0.5)
        #expect(try Self.selectivity("EXISTS (SELECT id FROM o WHERE o.id > 5)") == 0.5)
        #expect(try Self.selectivity("id + k > 5") == 1.0 / 3)
        // A column against a column: 1/max(NDV) of the rows where neither is NULL (x has 750 values: the multiples
        // of 4 are NULL).
        #expect(abs(try Self.selectivity("k = x") - 0.75 / 750) < 1e-12)
    }

    @Test func conjunctionsOnDifferentColumnsBackOff() throws {
        // 0.125 (city) · 0.5^(1/2) (k), not the product 0.0625: the columns might be correlated.
        let both = try Self.selectivity("k < 50 AND city = 'Hue'")
        #expect(abs(both - 0.125 * 0.5.squareRoot()) < 1e-9)
        let three = try Self.selectivity("k < 50 AND city = 'Hue' AND id < 5000")
        #expect(abs(three - 0.125 * 0.5.squareRoot() * 0.5.squareRoot().squareRoot()) < 1e-9)
    }

    @Test func distinctCountsFollowTheColumns() throws {
        let estimator = CardinalityEstimator()
        let scan = try Self.plan("SELECT k, city, name, d, k * 2, month(d), k + id FROM f")
        let estimate = estimator.estimate(scan)
        #expect(estimate.rows == 10_000)
        #expect((0..<7).map { estimate.distinct($0) } == [100, 8, 50, 365, 100, 12, 10_000])
        #expect(abs(estimate.nullFraction(2) - 1429.0 / 10_000) < 1e-9)
        // A filter on k leaves its own values and thins the others' (a city survives while any of its rows does).
        let filtered = estimator.estimate(try Self.plan("SELECT k, city, id FROM f WHERE k < 10"))
        #expect(filtered.rows == 1000 && filtered.distinct(0) == 10 && filtered.distinct(1) == 8)
        #expect(abs(filtered.distinct(2) - 1000) < 1)
        #expect(estimator.distinct(.input(0, .bigint), over: scan) == 100)
    }

    @Test func aggregationsDistinctAndLimits() throws {
        let estimator = CardinalityEstimator()
        for (sql, expected) in [
            ("SELECT k, COUNT(*) FROM f GROUP BY k", 100.0), ("SELECT COUNT(*) FROM f", 1),
            ("SELECT city, name FROM f GROUP BY city, name", 408), ("SELECT id, k FROM f GROUP BY id, k", 10_000),
            ("SELECT DISTINCT city FROM f", 8), ("SELECT * FROM f LIMIT 10", 10), ("SELECT * FROM f LIMIT 10 OFFSET 9995", 5),
            ("SELECT k FROM f WHERE k < 10 UNION ALL SELECT k FROM f WHERE k >= 90", 2000),
            ("SELECT k FROM f WHERE k < 10 UNION SELECT k FROM f WHERE k >= 90", 20),
            ("SELECT k, row_number() OVER (ORDER BY k) FROM f", 10_000),
        ] {
            #expect(try estimator.rows(Self.plan(sql)) == expected, "\(sql)")
        }
    }

    @Test func joinsOnAKey() throws {
        let estimator = CardinalityEstimator()
        for (from, tolerance) in [
            ("FROM l JOIN o ON l.order_id = o.id", 0.0),
            ("FROM l JOIN o ON l.order_id = o.id WHERE o.cust < 10", 0.0),
            ("FROM l JOIN o ON l.order_id = o.id JOIN c ON o.cust = c.id WHERE c.region = 'r1'", 0.0),
            ("FROM l LEFT JOIN o ON l.order_id = o.id AND o.cust < 10", 0.0),
            ("FROM l JOIN ps ON l.part = ps.part AND l.supp = ps.supp", 0.0),
            ("FROM o CROSS JOIN c", 0.0),
        ] {
            let plan = try Self.plan("SELECT * \(from)")
            let estimated = estimator.rows(plan), actual = try Self.count("SELECT COUNT(*) \(from)")
            #expect(abs(estimated - actual) <= tolerance * actual + 0.5, "\(from): estimated \(estimated), actual \(actual)")
        }
    }

    @Test func semiAndAntiJoinsSplitTheLeftRows() throws {
        let estimator = CardinalityEstimator()
        let lines = try Self.plan("SELECT * FROM l"), fewOrders = try Self.plan("SELECT * FROM o WHERE cust < 10")
        let key = [BoundExpression.input(0, .bigint)]
        let semi = LogicalPlan.join(lines, fewOrders, JoinPlan(kind: .semi, leftKeys: key, rightKeys: key, residual: nil))
        let anti = LogicalPlan.join(lines, fewOrders, JoinPlan(kind: .anti, leftKeys: key, rightKeys: key, residual: nil))
        #expect(abs(estimator.rows(semi) - 1000) < 1e-6 && abs(estimator.rows(anti) - 9000) < 1e-6)
        // The semi join keeps the order ids the right side has.
        #expect(abs(estimator.estimate(semi).distinct(0) - 100) < 1e-6)
        // A residual that one partner in three passes: a line with 10 order partners... here 1 partner each.
        let residual = BoundExpression.compare(.less, .input(1, .bigint), .input(4, .bigint))
        let withResidual = LogicalPlan.join(lines, fewOrders, JoinPlan(kind: .semi, leftKeys: key, rightKeys: key, residual: residual))
        #expect(abs(estimator.rows(withResidual) - 1000.0 / 3) < 1e-6)
    }

    @Test func joinGraphEstimatesEverySubsetTheSameWay() throws {
        let estimator = CardinalityEstimator()
        let inputs = try ["SELECT * FROM l", "SELECT * FROM o", "SELECT * FROM c WHERE region = 'r1'", "SELECT * FROM ps"].map(Self.plan)
        // Columns: l 0-2, o 3-4, c 5-6, ps 7-8.
        let conditions: [BoundExpression] = [
            .compare(.equal, .input(0, .bigint), .input(3, .bigint)), .compare(.equal, .input(4, .bigint), .input(5, .bigint)),
            .compare(.equal, .input(1, .bigint), .input(7, .bigint)), .compare(.equal, .input(8, .bigint), .input(2, .bigint)),
        ]
        let graph = JoinGraphEstimate(estimator: estimator, inputs: inputs.map(estimator.estimate), conditions: conditions)
        #expect(graph.rows(0b0011) == 10_000)
        #expect(graph.rows(0b0111) == 2000)
        #expect(graph.rows(0b1001) == 10_000)
        #expect(graph.rows(0b0101) == 10_000 * 20)
        #expect(graph.rows(graph.allInputs) == 2000)
        let whole = estimator.estimate(.multiJoin(inputs, conditions: conditions))
        #expect(whole.rows == 2000 && whole.columns.count == 9)
        // The customer key keeps the 20 customers of region r1 on both sides of o.cust = c.id.
        #expect(abs(whole.distinct(4) - 20) < 1e-9 && abs(whole.distinct(5) - 20) < 1e-9)
        #expect(graph.estimate(0b0011).rows == graph.rows(0b0011))
    }
}
