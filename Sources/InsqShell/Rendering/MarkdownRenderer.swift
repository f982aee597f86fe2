import InsqQuery
import InsqSyntax
import InsqStorage

/// Writes a result as a GitHub-flavoured Markdown table: a header row, a separator row (`---:` right-aligns
/// numeric columns), then every row, padded so that the text is readable before it is rendered too.
///
/// Values are shown as in table mode (NULL as `NULL`, line breaks as `\n`), with `|` escaped as `\|` so that
/// it does not end the cell.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render<Out: TextOutputStream>(_ result: QueryResult, to output: inout Out) {
        let headers = result.schema.map { Self.cell($0.name) }
        let isRight = result.schema.map(\.type.isNumeric)
        // At least `---` (and `---:`) in the separator row, the form most Markdown tools expect.
        var widths = headers.indices.map { max(isRight[$0] ? 4 : 3, DisplayWidth.of(headers[$0])) }
        var rows: [[String]] = []
        rows.reserveCapacity(result.rowCount)
        for row in 0..<result.rowCount {
            let cells = result.columns.map { Self.cell(CellText.forTable($0.value(at: row))) }
            for (column, text) in cells.enumerated() { widths[column] = max(widths[column], DisplayWidth.of(text)) }
            rows.append(cells)
        }
        output.write(Self.line(headers, widths: widths, isRight: isRight))
        let separators = widths.indices.map { column in
            String(repeating: "-", count: widths[column] - (isRight[column] ? 1 : 0)) + (isRight[column] ? ":" : "")
        }
        output.write("| " + separators.joined(separator: " | ") + " |\n")
        for cells in rows { output.write(Self.line(cells, widths: widths, isRight: isRight)) }
    }

    private static func line(_ cells: [String], widths: [Int], isRight: [Bool]) -> String {
        let padded = cells.enumerated().map { column, text in
            let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(text)))
            return isRight[column] ? padding + text : text + padding
        }
        return "| " + padded.joined(separator: " | ") + " |\n"
    }

    /// `|` escaped, so that it stays inside the cell.
    static func cell(_ text: String) -> String {
        text.contains("|") ? text.replacing("|", with: "\\|") : text
    }
}
