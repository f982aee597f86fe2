import InsqStorage
import InsqSyntax
import Synchronization

/// The rows and column descriptions a query returns.
public struct QueryResult: Sendable {
    public let schema: [ColumnSchema]
    public let columns: [Column]
    public let rowCount: Int
    /// Whether the rows are the lines of a plan (EXPLAIN), which the table mode prints as they are.
    public var isPlan = false
    public init(schema: [ColumnSchema], columns: [Column]) {
        self.schema = schema
        self.columns = columns
        rowCount = columns.first?.count ?? 0
    }
}

/// A flag a signal handler sets and running queries poll between batches.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
    public func cancel() { flag.store(true, ordering: .relaxed) }
    public func reset() { flag.store(false, ordering: .relaxed) }
}

/// Thrown when a query stops because its cancellation flag was set.
public struct QueryCancelled: Error, Sendable {
    public init() {}
}

/// Binds, plans and runs statements against a catalog.
public enum QueryEngine {
    /// Every scalar and aggregate function name, sorted (for completion and help).
    public static let functionNames: [String] = FunctionRegistry.allNames.sorted()

    /// Runs a parsed query (or EXPLAIN, whose rows are the plan's lines). Throws `Diagnostic` (binder and execution
    /// errors carry ranges into `source`) or `QueryCancelled`; a statement that returns no rows is an error here:
    /// run it with `perform`.
    public static func execute(_ statement: Statement, source: SourceText, catalog: Catalog,
                               cancellation: CancellationFlag = CancellationFlag(),
                               loadFile: FileTableLoader? = nil,
                               settings: ExecutionSettings = .standard) throws -> QueryResult {
        if case let .explain(explain) = statement {
            return try StatementContext(source: source, catalog: catalog, cancellation: cancellation, loadFile: loadFile,
                                        settings: settings).explain(explain)
        }
        guard case let .query(query) = statement else {
            throw Diagnostic(phase: .binder, message: "this statement returns no rows; it can only be performed",
                             range: SQLParser.range(of: statement))
        }
        return try runQuery(query, source: source, catalog: catalog, cancellation: cancellation, loadFile: loadFile,
                            settings: settings)
    }

    /// Binds, plans and runs a query.
    static func runQuery(_ query: Query, source: SourceText, catalog: Catalog, cancellation: CancellationFlag,
                         loadFile: FileTableLoader?, settings: ExecutionSettings) throws -> QueryResult {
        let bound = try Binder(catalog: catalog, source: source, loadFile: loadFile).bind(query)
        return try materialize(bound, range: query.range, cancellation: cancellation, settings: settings)
    }

    /// Runs a bound query to the end; an execution error without a place of its own points at `range`.
    static func materialize(_ bound: Relation, range: SourceRange, cancellation: CancellationFlag,
                            settings: ExecutionSettings) throws -> QueryResult {
        try materialize(bound, plan: optimizedPlan(bound), range: range,
                        context: CompileContext(cancellation: cancellation, settings: settings))
    }

    /// The plan a bound query runs as, and EXPLAIN shows.
    static func optimizedPlan(_ bound: Relation) -> LogicalPlan {
        Optimizer.optimize(bound.plan)
    }

    /// Runs `plan`, the optimized plan of `bound`, with operators compiled in `context`.
    static func materialize(_ bound: Relation, plan: LogicalPlan, range: SourceRange,
                            context: CompileContext) throws -> QueryResult {
        let root = PhysicalPlanner(context: context).build(plan)
        do {
            let (materialized, rows) = try Materialize.columns(root, types: bound.types)
            // A column that is NULL by type (SELECT NULL) is shown as TEXT.
            let columns = materialized.map { column -> Column in
                guard column.type == .null else { return column }
                var b = ColumnBuilder(type: .text, capacity: rows)
                for _ in 0..<rows { b.appendNull() }
                return b.build()
            }
            let schema = zip(bound.names, bound.types).map { ColumnSchema(name: $0, type: $1 == .null ? .text : $1) }
            return QueryResult(schema: schema, columns: columns)
        } catch let failure as ExecutionError {
            throw Diagnostic(phase: .execution, message: failure.message, range: failure.range ?? range)
        }
    }

    /// Parses and runs one statement of text.
    public static func run(_ text: String, catalog: Catalog, cancellation: CancellationFlag = CancellationFlag(),
                           loadFile: FileTableLoader? = nil, settings: ExecutionSettings = .standard) throws -> QueryResult {
        let source = SourceText(text)
        let statement = try SQLParser.parseStatement(source)
        return try execute(statement, source: source, catalog: catalog, cancellation: cancellation, loadFile: loadFile,
                           settings: settings)
    }
}
