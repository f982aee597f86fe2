/// `EXPLAIN [ANALYZE] query`, or `EXPLAIN (option, ...) query`: the plan of a query instead of its rows.
public struct ExplainStatement: Hashable, Sendable {
    public var query: Query
    /// ANALYZE: run the query and show what each operator did.
    public var isAnalyze: Bool
    /// With ANALYZE, whether times and memory are shown; `TIMING OFF` leaves them out, so that the output is the
    /// same on every run (tests).
    public var showsTiming: Bool
    public var range: SourceRange
    public init(query: Query, isAnalyze: Bool, showsTiming: Bool = true, range: SourceRange) {
        self.query = query
        self.isAnalyze = isAnalyze
        self.showsTiming = showsTiming
        self.range = range
    }
}

/// The options of `EXPLAIN (...)`, as in PostgreSQL.
public enum ExplainOption: Hashable, Sendable {
    case analyze
    case timing
}
