import InsqQuery
import InsqStorage

/// Writes a result as CSV: a header line, then every row; fields quoted as RFC 4180 requires, NULL as an empty field.
public struct CSVRenderer: Sendable {
    public init() {}

    public func render<Out: TextOutputStream>(_ result: QueryResult, to output: inout Out) {
        output.write(result.schema.map { Self.field($0.name) }.joined(separator: ",") + "\n")
        var line = ""
        for row in 0..<result.rowCount {
            line.removeAll(keepingCapacity: true)
            for (index, column) in result.columns.enumerated() {
                if index > 0 { line.append(",") }
                let value = column.value(at: row)
                if !value.isNull { line.append(Self.field(value.description)) }
            }
            line.append("\n")
            output.write(line)
        }
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
