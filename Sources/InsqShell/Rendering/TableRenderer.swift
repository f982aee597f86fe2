import InsqQuery
import InsqStorage
import InsqSyntax

/// Writes a result as an aligned table: a header, one line per row, then a row-count footer.
///
/// Column widths count terminal cells (`DisplayWidth`), so East Asian wide characters take two.
/// Numbers (and their headers) are right-aligned, everything else left-aligned. A result longer than `maximumRows`
/// shows its first and last `edgeRows` rows and says how many were left out.
public struct TableRenderer: Sendable {
    /// The characters that draw the frame.
    public enum Style: Sendable {
        /// Unicode box-drawing lines.
        case box
        /// `+`, `-` and `|` only.
        case ascii
    }

    public var style: Style
    /// Results with more rows than this are shortened.
    public var maximumRows: Int
    /// Rows shown from each end of a shortened result.
    public var edgeRows: Int
    /// Whether to end with `N rows`.
    public var showsRowCount: Bool

    public init(style: Style = .box, maximumRows: Int = 40, edgeRows: Int = 20, showsRowCount: Bool = true) {
        self.style = style
        self.maximumRows = max(0, maximumRows)
        self.edgeRows = max(0, min(edgeRows, maximumRows / 2))
        self.showsRowCount = showsRowCount
    }

    public func render<Out: TextOutputStream>(_ result: QueryResult, to output: inout Out) {
        render(headers: result.schema.map(\.name),
               rightAligned: result.schema.map(\.type.isNumeric),
               rowCount: result.rowCount,
               cell: { row, column in CellText.forTable(result.columns[column].value(at: row)) },
               to: &output)
    }

    /// Renders cells given as text; `cell(row, column)` is called only for the rows shown.
    public func render<Out: TextOutputStream>(headers: [String], rightAligned: [Bool], rowCount: Int,
                                              cell: (Int, Int) -> String, to output: inout Out) {
        let isShortened = rowCount > maximumRows
        let shownRows: [Int] = isShortened
            ? Array(0..<edgeRows) + Array((rowCount - edgeRows)..<rowCount)
            : Array(0..<rowCount)
        var cells: [[String]] = []
        cells.reserveCapacity(shownRows.count)
        for row in shownRows {
            cells.append((0..<headers.count).map { cell(row, $0) })
        }
        var widths = headers.map(DisplayWidth.of)
        for rowCells in cells {
            for (column, text) in rowCells.enumerated() {
                widths[column] = max(widths[column], DisplayWidth.of(text))
            }
        }
        let elision = "..."
        if isShortened {
            widths = widths.map { max($0, elision.count) }
        }
        let frame = Frame(style: style)
        func isRight(_ column: Int) -> Bool { column < rightAligned.count && rightAligned[column] }

        output.write(frame.rule(widths, frame.top))
        output.write(frame.line(headers, widths: widths, isRightAligned: isRight))
        output.write(frame.rule(widths, frame.middle))
        for (index, rowCells) in cells.enumerated() {
            if isShortened && index == edgeRows {
                output.write(frame.line(Array(repeating: elision, count: headers.count), widths: widths,
                                        isRightAligned: isRight))
            }
            output.write(frame.line(rowCells, widths: widths, isRightAligned: isRight))
        }
        output.write(frame.rule(widths, frame.bottom))
        if showsRowCount {
            var footer = CellText.rowCount(rowCount)
            if isShortened {
                let elided = rowCount - shownRows.count
                footer += " (\(CellText.grouped(elided)) elided; first \(edgeRows) and last \(edgeRows) shown)"
            }
            output.write(footer + "\n")
        }
    }
}

/// The pieces of a table frame in one style.
private struct Frame {
    /// Left corner, horizontal line, junction, right corner of one rule.
    typealias Rule = (left: String, fill: String, junction: String, right: String)

    let top: Rule
    let middle: Rule
    let bottom: Rule
    let vertical: String

    init(style: TableRenderer.Style) {
        switch style {
        case .box:
            top = ("┌", "─", "┬", "┐")
            middle = ("├", "─", "┼", "┤")
            bottom = ("└", "─", "┴", "┘")
            vertical = "│"
        case .ascii:
            top = ("+", "-", "+", "+")
            middle = top
            bottom = top
            vertical = "|"
        }
    }

    func rule(_ widths: [Int], _ parts: Rule) -> String {
        let segments = widths.map { String(repeating: parts.fill, count: $0 + 2) }
        return parts.left + segments.joined(separator: parts.junction) + parts.right + "\n"
    }

    func line(_ cells: [String], widths: [Int], isRightAligned: (Int) -> Bool) -> String {
        var text = vertical
        for (column, cell) in cells.enumerated() {
            let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(cell)))
            text += " " + (isRightAligned(column) ? padding + cell : cell + padding) + " " + vertical
        }
        return text + "\n"
    }
}
