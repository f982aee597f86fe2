import InsqStorage
import InsqSyntax

/// EXPLAIN and EXPLAIN ANALYZE: a query's optimized plan, and what each of its operators did.
extension QueryEngine {
    /// Binds a query and describes its optimized plan without running it. Throws `Diagnostic`.
    public static func explain(_ text: String, catalog: Catalog, loadFile: FileTableLoader? = nil) throws -> PlanProfile {
        let (query, source) = try parseQuery(text)
        return plan(try Binder(catalog: catalog, source: source, loadFile: loadFile).bind(query))
    }

    /// Runs a query with every operator profiled, and returns its rows and what each node of its plan did
    /// (`PlanProfile.Node.actualRows`). The query runs on one thread, so that every operator is measured on its
    /// own: a parallel aggregation would take its whole input pipeline into one operator. Throws `Diagnostic` or
    /// `QueryCancelled`.
    public static func analyze(_ text: String, catalog: Catalog, cancellation: CancellationFlag = CancellationFlag(),
                               loadFile: FileTableLoader? = nil) throws -> (QueryResult, PlanProfile) {
        let (query, source) = try parseQuery(text)
        let bound = try Binder(catalog: catalog, source: source, loadFile: loadFile).bind(query)
        return try analyze(bound, range: query.range, cancellation: cancellation)
    }

    private static func parseQuery(_ text: String) throws -> (Query, SourceText) {
        let source = SourceText(text)
        let statement = try SQLParser.parseStatement(source)
        guard case let .query(query) = statement else {
            throw Diagnostic(phase: .binder, message: "only a query has a plan", range: SQLParser.range(of: statement))
        }
        return (query, source)
    }

    /// The plan of a bound query, described but not run.
    static func plan(_ bound: Relation) -> PlanProfile {
        PlanProfile(nodes: PlanPrinter.nodes(optimizedPlan(bound), aliases: bound.names), isAnalyzed: false,
                    resultRows: 0, time: .zero, peakHeapGrowth: 0)
    }

    static func analyze(_ bound: Relation, range: SourceRange,
                        cancellation: CancellationFlag) throws -> (QueryResult, PlanProfile) {
        let start = ContinuousClock.now
        let recorder = ProfileRecorder()
        let plan = optimizedPlan(bound)
        let context = CompileContext(cancellation: cancellation, settings: .singleThreaded,
                                     profiler: PlanProfiler(recorder: recorder))
        let result = try materialize(bound, plan: plan, range: range, context: context)
        let time = ContinuousClock.now - start
        let nodes = PlanPrinter.nodes(plan, aliases: bound.names, recorder: recorder)
        return (result, PlanProfile(nodes: nodes, isAnalyzed: true, resultRows: result.rowCount, time: time,
                                    peakHeapGrowth: recorder.peakHeapGrowth))
    }

    /// Lines of text as a result of one TEXT column, `plan`, that the table mode prints as they are.
    static func planResult(_ lines: [String]) -> QueryResult {
        var builder = ColumnBuilder(type: .text, capacity: lines.count)
        for line in lines { builder.append(.text(line)) }
        var result = QueryResult(schema: [ColumnSchema(name: "plan", type: .text)], columns: [builder.build()])
        result.isPlan = true
        return result
    }
}

extension StatementContext {
    /// EXPLAIN: the plan's lines as rows; with ANALYZE the query runs first (its rows are dropped).
    func explain(_ statement: ExplainStatement) throws -> QueryResult {
        let bound = try binder().bind(statement.query)
        let profile = statement.isAnalyze
            ? try QueryEngine.analyze(bound, range: statement.query.range, cancellation: cancellation).1
            : QueryEngine.plan(bound)
        return QueryEngine.planResult(profile.lines(showsTiming: statement.showsTiming))
    }
}
