import InsqQuery
import InsqStorage

/// Writes a result as tab-separated values: a header line, then every row; NULL as an empty field.
///
/// Tabs, line breaks and backslashes in values are written as `\t`, `\n`, `\r` and `\\` (the escapes of
/// PostgreSQL's text format), so that every row stays on one line and splitting at tabs is always right.
public struct TSVRenderer: Sendable {
    public init() {}

    public func render<Out: TextOutputStream>(_ result: QueryResult, to output: inout Out) {
        DelimitedLines.render(result, separator: "\t", field: Self.field, to: &output)
    }

    /// The text with its tabs, line breaks and backslashes escaped.
    static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\\": escaped += "\\\\"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
