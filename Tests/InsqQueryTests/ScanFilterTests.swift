import Testing
import InsqStorage
import InsqSyntax
@testable import InsqQuery

/// The fused scan-and-filter operator against the plain scan, filter and projection operators on the same plans.
struct ScanFilterTests {
    /// `t` with `rows` rows: NULLs at different strides in each nullable column, text from a small dictionary.
    static func table(rows: Int) -> Table {
        let names = ["An", "Binh", "Chau", "Dung", "Em"]
        var state: UInt64 = 12345
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let schema: [(String, DataType)] = [
            ("id", .bigint), ("x", .bigint), ("d", .date), ("amt", .decimal(precision: 10, scale: 2)),
            ("f", .double), ("name", .text), ("flag", .boolean), ("k", .bigint),
        ]
        var data: [[Value]] = []
        for i in 0..<rows {
            var row: [Value] = [.bigint(Int64(i))]
            row.append(i % 7 == 3 ? .null : .bigint(Int64(random(100))))
            row.append(i % 5 == 1 ? .null : .date(Int32(19000 + random(60))))
            row.append(.decimal(Int64(random(100_000)), scale: 2))
            row.append(i % 9 == 4 ? .null : .double(Double(random(1000)) / 8))
            row.append(i % 11 == 6 ? .null : .text(names[random(names.count)]))
            row.append(i % 13 == 0 ? .null : .boolean(random(2) == 0))
            row.append(.bigint(Int64(random(10))))
            data.append(row)
        }
        return makeTable("t", schema, data)
    }

    static let predicates = [
        "id = 5", "id >= 2048 AND id < 4096", "id < 0", "id >= 0", "x = 42", "x <> 42", "NOT (x < 50)",
        "x BETWEEN 10 AND 20", "x NOT BETWEEN 10 AND 20", "x IN (1, 2, 3)", "x NOT IN (1, 2, 3)", "x IN (1, NULL)",
        "x NOT IN (1, NULL)", "x = NULL", "x IS NULL", "x IS NOT NULL", "NOT (x IS NULL)", "k IS NULL",
        "k IS NOT NULL", "d >= '2022-01-15' AND d < '2022-02-01'", "d IN ('2022-01-10', '2022-01-20')",
        "amt >= 500", "amt < 12.5", "amt = 100.25", "f > 60", "f <= 3.5", "name = 'Binh'", "name <> 'Binh'",
        "name = 'Zed'", "name <> 'Zed'", "name IN ('An', 'Em')", "name NOT IN ('An', 'Em')", "name < 'Chau'",
        "name LIKE 'B%' OR name LIKE '%m'", "NOT (name LIKE 'B%' OR name = 'An')", "name IN ('An', NULL)",
        "x < k", "x = k AND name = 'An'", "d > d - 1", "flag", "NOT flag", "flag AND x > 50",
        "x > 10 OR name = 'An'", "x + k > 100", "length(name) = 4 AND x < 30", "x * 2 > 150 AND id % 3 = 0",
        "true", "false", "NULL", "x > 90 AND k = 3 AND name <> 'Em' AND d IS NOT NULL",
        "x IN (SELECT v FROM u)", "x NOT IN (SELECT v FROM u)", "x NOT IN (SELECT v FROM u WHERE v IS NOT NULL)",
        "x IN (SELECT v FROM u WHERE v > 1000)", "x NOT IN (SELECT v FROM u WHERE v > 1000)",
        "NOT (x IN (SELECT v FROM u WHERE v < 50))", "name IN (SELECT s FROM u)",
        "name NOT IN (SELECT s FROM u WHERE s IS NOT NULL)", "d IN (SELECT day FROM u)", "x IN (SELECT big FROM u)",
        "month(d) = 1", "day(d) < 10 OR d IS NULL", "coalesce(d, '2000-01-01') < '2022-01-05'", "year(d - 20) = 2021",
        "upper(name) = 'BINH'", "length(name) = 4 AND x > 20", "coalesce(name, 'An') = 'An'",
        "CAST(name AS BIGINT) = 1", "name = 'An' AND CAST(name AS BIGINT) = 1",
        "amt IN (SELECT amt FROM t WHERE id < 10)", "x + 0 IN (SELECT v FROM u)", "x IN (SELECT v FROM u) AND name = 'An'",
    ]

    /// `u`: a few values with a NULL in each column, for IN subqueries; `big` spans too wide a range for a bitmap.
    static let other = makeTable("u", [("v", .bigint), ("s", .text), ("day", .date), ("big", .bigint)], [
        [.bigint(3), .text("An"), .date(19005), .bigint(1)], [.bigint(42), .text("Em"), .date(19010), .bigint(1_000_000_000_000)],
        [.null, .null, .null, .null], [.bigint(77), .text("Zed"), .date(19020), .bigint(42)], [.bigint(-5), .text("Binh"), .date(18000), .bigint(-7)],
    ])

    @Test(arguments: [0, 1, 63, 2048, 2049, 5000, 9000])
    func matchesPlainOperators(rows: Int) throws {
        let catalog = Catalog([Self.table(rows: rows), Self.other])
        for predicate in Self.predicates {
            try expectSame("SELECT * FROM t WHERE \(predicate)", catalog)
            try expectSame("SELECT name, id, d FROM t WHERE \(predicate)", catalog)
            try expectSame("SELECT x + 1, name FROM t WHERE \(predicate)", catalog)
        }
    }

    @Test(arguments: [2, 3])
    func filtersOnSeveralThreads(threads: Int) throws {
        let catalog = Catalog([Self.table(rows: 70_000)])
        let settings = ExecutionSettings(threads: threads, minimumRowsPerThread: 1)
        let compiler = ExpressionCompiler(context: CompileContext(cancellation: CancellationFlag(), settings: settings))
        for predicate in ["x = 42", "x IS NULL AND name <> 'An'", "x + 1 > 30 AND k = 2", "id % 1000 = 7 OR d IS NULL",
                          "id >= 0", "id < 10 OR id > 69990", "name LIKE 'B%' AND x < 40 AND d > '2022-02-01'"] {
            let plan = try Self.plan("SELECT id, name, x FROM t WHERE \(predicate)", catalog)
            let fused = try Self.rows(PhysicalPlanner(context: compiler.context).build(plan), plan.outputTypes())
            let plain = try Self.rows(Self.plain(plan, compiler), plan.outputTypes())
            #expect(fused == plain, "\(predicate)")
        }
    }

    @Test func partOfTheTableStartingInsideAWord() throws {
        let table = Self.table(rows: 5000)
        let catalog = Catalog([table])
        for predicate in ["x IS NULL", "x > 30 AND name <> 'An'", "x + 1 > 30", "id >= 0"] {
            let plan = try Self.plan("SELECT * FROM t WHERE \(predicate)", catalog)
            let compiler = ExpressionCompiler(context: CompileContext(cancellation: CancellationFlag()))
            let planner = PhysicalPlanner(context: compiler.context)
            var parts: [[String]] = []
            for rows in [0..<100, 100..<2100, 2100..<2101, 2101..<5000] {
                let op = try #require(planner.scanFilter(plan, rows: rows))
                parts.append(try Self.rows(op, plan.outputTypes()))
            }
            let whole = try Self.rows(Self.plain(plan, compiler), plan.outputTypes())
            #expect(parts.flatMap { $0 } == whole, "\(predicate)")
        }
    }

    @Test func usesTheFusedOperatorForFilteredScans() throws {
        let catalog = Catalog([Self.table(rows: 10)])
        let compiler = ExpressionCompiler(context: CompileContext(cancellation: CancellationFlag()))
        let planner = PhysicalPlanner(context: compiler.context)
        for sql in ["SELECT * FROM t WHERE x > 1", "SELECT name FROM t WHERE x > 1", "SELECT x + 1 FROM t WHERE x > 1"] {
            let plan = try Self.plan(sql, catalog)
            #expect(planner.scanFilter(plan) != nil, "\(sql) \(plan)")
        }
    }

    @Test func simplePredicatesRunAsTypedLoops() throws {
        let table = Self.table(rows: 10)
        let catalog = Catalog([table, Self.other])
        let compiler = ExpressionCompiler(context: CompileContext(cancellation: CancellationFlag()))
        let expected: [(String, [String])] = [
            ("x NOT IN (SELECT v FROM u)", ["subquery"]), ("x + 0 IN (SELECT v FROM u)", ["generic"]),
            ("amt >= 500 AND x < 3", ["int64", "int64"]), ("d BETWEEN '2022-01-01' AND '2022-02-01'", ["int32", "int32"]),
            ("f > 1.5", ["double"]), ("name = 'An'", ["codeList"]), ("name NOT IN ('An', 'Em')", ["codeList"]),
            ("name < 'B' OR name LIKE '%m'", ["codeTable"]), ("x IN (1, 2)", ["int64List"]), ("x IS NULL", ["isNull"]),
            ("x < k", ["int64Columns"]), ("x = NULL", ["never"]), ("NOT (x > 5)", ["int64"]), ("x + 1 > 5", ["generic"]),
            ("month(d) = 1", ["domain"]), ("length(name) = 4", ["domain"]), ("x + k > 5", ["generic"]),
        ]
        for (predicate, kinds) in expected {
            guard case let .filter(.scan(_, columns), condition)? = try Self.filterNode(Self.plan("SELECT id FROM t WHERE \(predicate)", catalog))
            else { Issue.record("no filtered scan for \(predicate)"); continue }
            let made = condition.conjuncts.map {
                String(describing: ScanConjunct.make($0, table: table, scanColumns: columns, compiler: compiler)).prefix { $0 != "(" }
            }
            #expect(made.map(String.init) == kinds, "\(predicate)")
        }
    }

    static func filterNode(_ plan: LogicalPlan) -> LogicalPlan? {
        switch plan {
        case .filter: return plan
        case let .project(child, _): return filterNode(child)
        default: return nil
        }
    }

    private func expectSame(_ sql: String, _ catalog: Catalog) throws {
        let plan = try Self.plan(sql, catalog)
        let compiler = ExpressionCompiler(context: CompileContext(cancellation: CancellationFlag()))
        let fused = Self.outcome(PhysicalPlanner(context: compiler.context).build(plan), plan.outputTypes())
        let plain = Self.outcome(Self.plain(plan, compiler), plan.outputTypes())
        #expect(fused == plain, "\(sql)")
    }

    /// The rows, or the error as the only line.
    static func outcome(_ op: PhysicalOperator, _ types: [DataType]) -> [String] {
        do {
            return try rows(op, types)
        } catch {
            return ["error: \(error)"]
        }
    }

    static func plan(_ sql: String, _ catalog: Catalog) throws -> LogicalPlan {
        let source = SourceText(sql)
        guard case let .query(query) = try SQLParser.parseStatement(source) else { throw ExecutionError("not a query") }
        return Optimizer.optimize(try Binder(catalog: catalog, source: source).bind(query).plan)
    }

    /// The operators without fusion: scan, filter and projection one after the other.
    static func plain(_ plan: LogicalPlan, _ compiler: ExpressionCompiler) -> PhysicalOperator {
        switch plan {
        case let .scan(table, columns): return ScanOperator(table: table, columns: columns, cancellation: CancellationFlag())
        case let .filter(child, p): return FilterOperator(child: plain(child, compiler), predicate: compiler.compile(p))
        case let .project(child, e): return ProjectOperator(child: plain(child, compiler), expressions: e.map(compiler.compile))
        default: preconditionFailure("unexpected plan in a scan-filter test")
        }
    }

    static func rows(_ op: PhysicalOperator, _ types: [DataType]) throws -> [String] {
        let (columns, count) = try Materialize.columns(op, types: types)
        return (0..<count).map { r in columns.map { $0.value(at: r).description }.joined(separator: "|") }
    }
}
