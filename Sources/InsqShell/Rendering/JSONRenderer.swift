import InsqQuery
import InsqStorage

/// Writes a result as a JSON array with one object per row: numbers and booleans unquoted, NULL as `null`,
/// dates and text as strings.
public struct JSONRenderer: Sendable {
    public init() {}

    public func render<Out: TextOutputStream>(_ result: QueryResult, to output: inout Out) {
        guard result.rowCount > 0 else {
            output.write("[]\n")
            return
        }
        let keys = result.schema.map { Self.string($0.name) + ": " }
        output.write("[\n")
        var line = ""
        for row in 0..<result.rowCount {
            line.removeAll(keepingCapacity: true)
            line.append("  {")
            for (index, column) in result.columns.enumerated() {
                if index > 0 { line.append(", ") }
                line.append(keys[index])
                line.append(Self.literal(column.value(at: row)))
            }
            line.append(row + 1 < result.rowCount ? "},\n" : "}\n")
            output.write(line)
        }
        output.write("]\n")
    }

    /// The JSON text of one value.
    static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case let .bigint(v): return String(v)
        case let .decimal(v, scale): return DecimalText.format(v, scale: scale)
        case let .double(v): return v.isFinite ? Value.formatDouble(v) : "null"
        case let .boolean(b): return b ? "true" : "false"
        case .date, .text: return string(value.description)
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, other text as UTF-8.
    static func string(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case "\u{08}": escaped += "\\b"
            case "\u{0C}": escaped += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        escaped += "\""
        return escaped
    }
}
