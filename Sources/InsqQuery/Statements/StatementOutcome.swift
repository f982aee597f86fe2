import InsqStorage
import InsqSyntax

/// Reads the table that `FROM 'path'` names, for the engine, which reads no files itself. The table's
/// schema names the columns; a thrown error's description is shown after "cannot read 'path': ".
public typealias FileTableLoader = @Sendable (_ path: String) throws -> Table

/// What running one statement produced.
public enum StatementOutcome: Sendable {
    /// A query's rows.
    case rows(QueryResult)
    /// CREATE, INSERT or DROP: the catalog to adopt, a short message for the user ("created table t (3 rows)",
    /// "inserted 2 rows into t", "dropped table t", "created view v") and the names of the tables and views
    /// created, changed or dropped (none when IF [NOT] EXISTS made the statement do nothing).
    case catalogChanged(Catalog, message: String, changed: [String])
    /// COPY: the caller writes `result` to `path` as CSV, with a header line when `header` is set.
    case copy(QueryResult, path: String, header: Bool, delimiter: UInt8)
}

extension QueryEngine {
    /// Runs any statement against `catalog`, which it never changes: a statement that changes the catalog
    /// returns the new one, and a failing statement returns nothing, so a failure leaves the data as it was.
    /// Throws `Diagnostic` (with ranges into `source`) or `QueryCancelled`.
    public static func perform(_ statement: Statement, source: SourceText, catalog: Catalog,
                               cancellation: CancellationFlag = CancellationFlag(),
                               loadFile: FileTableLoader? = nil,
                               settings: ExecutionSettings = .standard) throws -> StatementOutcome {
        let context = StatementContext(source: source, catalog: catalog, cancellation: cancellation, loadFile: loadFile,
                                       settings: settings)
        do {
            switch statement {
            case let .query(query):
                return .rows(try context.run(query))
            case let .createTable(create):
                return try context.createTable(create)
            case let .createView(create):
                return try context.createView(create)
            case let .insert(insert):
                return try context.insert(insert)
            case let .drop(drop):
                return try context.drop(drop)
            case let .copy(copy):
                return try context.copy(copy)
            case let .explain(explain):
                return .rows(try context.explain(explain))
            }
        } catch let failure as ExecutionError {
            throw Diagnostic(phase: .execution, message: failure.message,
                             range: failure.range ?? SQLParser.range(of: statement))
        }
    }

    /// Parses and performs one statement of text.
    public static func perform(_ text: String, catalog: Catalog, cancellation: CancellationFlag = CancellationFlag(),
                               loadFile: FileTableLoader? = nil, settings: ExecutionSettings = .standard) throws -> StatementOutcome {
        let source = SourceText(text)
        let statement = try SQLParser.parseStatement(source)
        return try perform(statement, source: source, catalog: catalog, cancellation: cancellation, loadFile: loadFile,
                           settings: settings)
    }
}

/// What every statement runs against: the text, the catalog as it was, and the caller's hooks.
struct StatementContext {
    let source: SourceText
    let catalog: Catalog
    let cancellation: CancellationFlag
    let loadFile: FileTableLoader?
    let settings: ExecutionSettings

    func binder(for catalog: Catalog? = nil, expandingViews: [String] = []) -> Binder {
        Binder(catalog: catalog ?? self.catalog, source: source, loadFile: loadFile, expandingViews: expandingViews)
    }

    func run(_ query: Query) throws -> QueryResult {
        try QueryEngine.runQuery(query, source: source, catalog: catalog, cancellation: cancellation, loadFile: loadFile,
                                 settings: settings)
    }

    /// Which kind of object holds `name`, if any (tables and views share one namespace).
    func kind(of name: String) -> CatalogObjectKind? {
        if catalog.table(named: name) != nil { return .table }
        if catalog.view(named: name) != nil { return .view }
        return nil
    }

    static func error(_ message: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(phase: .binder, message: message, range: range)
    }

    /// "1 row", "3 rows".
    static func rows(_ count: Int) -> String {
        count == 1 ? "1 row" : "\(count) rows"
    }
}
