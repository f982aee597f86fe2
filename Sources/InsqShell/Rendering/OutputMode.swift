import InsqQuery

/// How query results are printed: an aligned table for people, CSV, TSV or JSON for other programs, a
/// Markdown table for documents.
public enum OutputMode: String, CaseIterable, Sendable {
    case table
    case csv
    case tsv
    case json
    case markdown

    /// Writes a result in this mode.
    public func render<Out: TextOutputStream>(_ result: QueryResult, to output: inout Out) {
        switch self {
        case .table: TableRenderer().render(result, to: &output)
        case .csv: CSVRenderer().render(result, to: &output)
        case .tsv: TSVRenderer().render(result, to: &output)
        case .json: JSONRenderer().render(result, to: &output)
        case .markdown: MarkdownRenderer().render(result, to: &output)
        }
    }
}
