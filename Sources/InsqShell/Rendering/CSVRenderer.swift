import InsqQuery
import InsqStorage

/// Writes a result as CSV: a header line, then every row; fields quoted as RFC 4180 requires, NULL as an empty field.
public struct CSVRenderer: Sendable {
    public init() {}

    public func render<Out: TextOutputStream>(_ result: QueryResult, to output: inout Out) {
        DelimitedLines.render(result, separator: ",", field: Self.field, to: &output)
    }

    /// A field, in double quotes (with inner quotes doubled) when it holds a comma, a quote or a line break,
    /// or when it is empty text, which must not read back as NULL.
    static func field(_ text: String) -> String {
        let needsQuotes = text.isEmpty || text.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
        }
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted.append("\"\"") } else { quoted.append(character) }
        }
        quoted.append("\"")
        return quoted
    }
}

/// The line layout CSV and TSV share: a header of column names, then one line per row with NULL as an empty
/// field; only the separator and how a field is escaped differ.
enum DelimitedLines {
    static func render<Out: TextOutputStream>(_ result: QueryResult, separator: String, field: (String) -> String,
                                              to output: inout Out) {
        output.write(result.schema.map { field($0.name) }.joined(separator: separator) + "\n")
        var line = ""
        for row in 0..<result.rowCount {
            line.removeAll(keepingCapacity: true)
            for (index, column) in result.columns.enumerated() {
                if index > 0 { line.append(separator) }
                let value = column.value(at: row)
                if !value.isNull { line.append(field(value.description)) }
            }
            line.append("\n")
            output.write(line)
        }
    }
}
