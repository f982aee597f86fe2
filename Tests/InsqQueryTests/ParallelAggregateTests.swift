import InsqStorage
import InsqSyntax
import Testing
@testable import InsqQuery

/// Merging partial aggregates: for every split of the rows into two or three contiguous parts, aggregating the
/// parts separately and merging gives what one pass over all rows gives, groups in the same order.
struct AggregateMergeTests {
    private static let keys: [Value] = ["a", "b", "a", nil, "c", "b", "a", "d", "c", "a"].map { $0.map(Value.text) ?? .null }
    private static let ints: [Value] = [.bigint(5), .null, .bigint(5), .bigint(-2), .null, .bigint(7), .bigint(1),
                                        .null, .null, .bigint(9)]

    @Test func bigintStatesMergeAtEverySplit() throws {
        let calls = [
            Self.call(.countStar, nil, result: .bigint), Self.call(.count, .bigint, result: .bigint),
            Self.call(.sum, .bigint, result: .bigint), Self.call(.avg, .bigint, result: .double),
            Self.call(.min, .bigint, result: .bigint), Self.call(.max, .bigint, result: .bigint),
            Self.call(.count, .bigint, distinct: true, result: .bigint),
            Self.call(.sum, .bigint, distinct: true, result: .bigint),
        ]
        try Self.expectMergesAgree(keys: Self.keys, values: Self.ints, valueType: .bigint, calls: calls)
    }

    @Test func textAndDoubleStatesMergeAtEverySplit() throws {
        let texts: [Value] = [.text("x"), .null, .text("y"), .text("x"), .null, .text("é"), .text(""), .null, .null, .text("y")]
        try Self.expectMergesAgree(keys: Self.keys, values: texts, valueType: .text, calls: [
            Self.call(.min, .text, result: .text), Self.call(.max, .text, result: .text),
            Self.call(.count, .text, distinct: true, result: .bigint),
        ])
        // Halves and quarters add exactly, so even the DOUBLE sums must agree to the bit.
        let doubles: [Value] = [.double(0.5), .null, .double(-1.25), .double(2), .null, .double(0.25), .double(8),
                                .null, .null, .double(-0.5)]
        try Self.expectMergesAgree(keys: Self.keys, values: doubles, valueType: .double, calls: [
            Self.call(.sum, .double, result: .double), Self.call(.avg, .double, result: .double),
            Self.call(.min, .double, result: .double), Self.call(.max, .double, result: .double),
            Self.call(.count, .double, distinct: true, result: .bigint),
        ])
    }

    @Test func aggregatesWithoutKeysMergeEmptyParts() throws {
        let calls = [Self.call(.countStar, nil, result: .bigint), Self.call(.min, .bigint, result: .bigint),
                     Self.call(.count, .bigint, distinct: true, result: .bigint)]
        // Every split, including those with an empty first or second part, and no rows at all.
        try Self.expectMergesAgree(keys: nil, values: Self.ints, valueType: .bigint, calls: calls)
        #expect(try Self.aggregate(keys: nil, values: [], valueType: .bigint, calls: calls, splits: [0])
                == [[.bigint(0), .null, .bigint(0)]])
    }

    @Test func groupsOfOnlyOnePartKeepFirstSeenOrder() throws {
        let keys: [Value] = [.text("p"), .text("q"), .text("r"), .text("q"), .text("s")]
        let values: [Value] = [.bigint(1), .null, .bigint(3), .bigint(4), .null]
        let rows = try Self.aggregate(keys: keys, values: values, valueType: .bigint,
                                      calls: [Self.call(.max, .bigint, result: .bigint)], splits: [2])
        // q's only value comes from the second part; s has only a NULL there.
        #expect(rows == [[.text("p"), .bigint(1)], [.text("q"), .bigint(4)], [.text("r"), .bigint(3)], [.text("s"), .null]])
    }

    // MARK: - helpers

    private static func call(_ function: AggregateFunction, _ type: DataType?, distinct: Bool = false,
                             result: DataType) -> AggregateCall {
        AggregateCall(function: function, argument: type.map { .column(1, $0, SourceRangeBox(.init(0, 0))) },
                      isDistinct: distinct, type: result)
    }

    private static func expectMergesAgree(keys: [Value]?, values: [Value], valueType: DataType,
                                          calls: [AggregateCall]) throws {
        let whole = try aggregate(keys: keys, values: values, valueType: valueType, calls: calls, splits: [])
        for first in 0...values.count {
            for splits in [[first]] + (first...values.count).map({ [first, $0] }) {
                let merged = try aggregate(keys: keys, values: values, valueType: valueType, calls: calls, splits: splits)
                #expect(merged == whole, "parts split after rows \(splits)")
            }
        }
    }

    /// The result rows of tables over the parts that `splits` cut the rows into, merged into the first.
    private static func aggregate(keys: [Value]?, values: [Value], valueType: DataType, calls: [AggregateCall],
                                  splits: [Int]) throws -> [[Value]] {
        func table(_ rows: Range<Int>) throws -> AggregateTable {
            let table = AggregateTable(keyTypes: keys == nil ? [] : [.text], calls: calls)
            // An empty part reads no batch at all, as a scan of no rows does.
            if !rows.isEmpty {
                let keyVectors = keys.map { [vector(Array($0[rows]), .text)] } ?? []
                let argument = vector(Array(values[rows]), valueType)
                try table.add(keys: keyVectors, arguments: calls.map { $0.argument == nil ? nil : argument }, rows: rows.count)
            }
            try table.finishInput()
            return table
        }
        let bounds = [0] + splits + [values.count]
        let result = try table(0..<bounds[1])
        try result.merge((1..<(bounds.count - 1)).map { try table(bounds[$0]..<bounds[$0 + 1]) })
        let columns = try result.columns()
        return (0..<result.groupCount).map { row in columns.map { $0.value(at: row) } }
    }

    private static func vector(_ values: [Value], _ type: DataType) -> Vector {
        var builder = ColumnBuilder(type: type)
        for v in values { builder.append(v) }
        return VectorConversion.vector(from: builder.build(), range: 0..<values.count)
    }
}

/// Parallel plans: which inputs are split, and queries whose parts are empty or uneven.
struct ParallelPlanTests {
    private static let split = ExecutionSettings(threads: 2, minimumRowsPerThread: 1)
    /// t: ids 1...10, g "x" for multiples of 3 else "y", v = 10 × id except a NULL at id 4.
    private static let catalog: Catalog = {
        let rows = (1...10).map { (i: Int) -> [Value] in
            let v: Value = i == 4 ? .null : .bigint(Int64(i * 10))
            return [.bigint(Int64(i)), .text(i % 3 == 0 ? "x" : "y"), v]
        }
        return Catalog([
            makeTable("t", [("id", .bigint), ("g", .text), ("v", .bigint)], rows),
            makeTable("u", [("g", .text), ("w", .bigint)], [[.text("x"), .bigint(1)], [.text("y"), .bigint(2)]]),
        ])
    }()

    @Test func pipelinesSplitAndOtherInputsDoNot() throws {
        #expect(try Self.root("SELECT g, SUM(v) FROM t WHERE id > 2 GROUP BY g").isParallel)
        #expect(try Self.root("SELECT u.w, COUNT(*) FROM t JOIN u ON t.g = u.g GROUP BY u.w").isParallel)
        #expect(try Self.root("SELECT DISTINCT g FROM t").isParallel)
        // A subquery in the pipeline, and an input that is already aggregated, run on one thread.
        #expect(try !Self.root("SELECT g, COUNT(*) FROM t WHERE v > (SELECT MIN(w) FROM u) GROUP BY g").isParallel)
        #expect(try !Self.root("SELECT s, COUNT(*) FROM (SELECT g, SUM(v) AS s FROM t GROUP BY g) AS a GROUP BY s")
                      .isParallel)
        #expect(try !Self.root("SELECT g, SUM(v) FROM t GROUP BY g", settings: .singleThreaded).isParallel)
    }

    @Test func emptyPartsGiveTheSingleThreadedAnswer() throws {
        for sql in [
            "SELECT g, COUNT(*), SUM(v), MIN(v), COUNT(DISTINCT v) FROM t WHERE id <= 3 GROUP BY g",  // second half empty
            "SELECT g, COUNT(*), SUM(v), MAX(v), COUNT(DISTINCT v) FROM t WHERE id > 7 GROUP BY g",   // first half empty
            "SELECT COUNT(*), MIN(v), AVG(v), COUNT(DISTINCT g) FROM t WHERE id > 100",              // both empty
            "SELECT u.w, COUNT(*), SUM(t.v) FROM t JOIN u ON t.g = u.g WHERE t.id <> 4 GROUP BY u.w",
        ] {
            let one = try Self.rows(sql, settings: .singleThreaded)
            #expect(try Self.rows(sql, settings: Self.split) == one, "\(sql)")
            #expect(!one.isEmpty)
        }
        #expect(try Self.rows("SELECT COUNT(*), MIN(v) FROM t WHERE id > 100", settings: Self.split) == ["0\tNULL"])
    }

    private static func rows(_ sql: String, settings: ExecutionSettings) throws -> [String] {
        let result = try QueryEngine.run(sql, catalog: catalog, settings: settings)
        return (0..<result.rowCount).map { row in result.columns.map { $0.value(at: row).description }.joined(separator: "\t") }
    }

    /// The planned operator tree of `sql`.
    private static func root(_ sql: String, settings: ExecutionSettings = split) throws -> OperatorTree {
        let source = SourceText(sql)
        guard case let .query(query) = try SQLParser.parseStatement(source) else { throw ExecutionError("not a query") }
        let plan = Optimizer.optimize(try Binder(catalog: catalog, source: source).bind(query).plan)
        return OperatorTree(root: PhysicalPlanner(context: CompileContext(cancellation: CancellationFlag(), settings: settings))
            .build(plan))
    }
}

/// An operator tree, looked into by reflection (operators keep their inputs private).
private struct OperatorTree {
    let root: PhysicalOperator

    /// Whether the top-most aggregation runs on several threads.
    var isParallel: Bool { Self.firstAggregate(root) is ParallelAggregateOperator }

    private static func firstAggregate(_ op: PhysicalOperator) -> PhysicalOperator? {
        if op is ParallelAggregateOperator || op is HashAggregateOperator { return op }
        for child in Mirror(reflecting: op).children {
            if let input = child.value as? PhysicalOperator, let found = firstAggregate(input) { return found }
        }
        return nil
    }
}
