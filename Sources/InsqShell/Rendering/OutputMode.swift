import InsqQuery

/// How query results are printed: an aligned table for people, CSV or JSON for other programs.
public enum OutputMode: String, CaseIterable, Sendable {
    case table
    case csv
    case json

    /// Writes a result in this mode.
    public func render<Out: TextOutputStream>(_ result: QueryResult, to output: inout Out) {
        switch self {
        case .table: TableRenderer().render(result, to: &output)
        case .csv: CSVRenderer().render(result, to: &output)
        case .json: JSONRenderer().render(result, to: &output)
        }
    }
}
