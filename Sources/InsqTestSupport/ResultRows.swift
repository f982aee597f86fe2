/// Canonical result rows and the sort modes that make them comparable.
public enum ResultRows {
    /// Splits expected lines into cells (tab-separated).
    public static func cells(of lines: [String]) -> [[String]] {
        lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    public static func lines(of rows: [[String]]) -> [String] {
        rows.map { $0.joined(separator: "\t") }
    }

    /// Rows in the order `mode` asks for; `width` regroups values under valuesort.
    public static func sorted(_ rows: [[String]], mode: SortMode, width: Int) -> [[String]] {
        switch mode {
        case .nosort:
            return rows
        case .rowsort:
            return rows.sorted { a, b in a.lexicographicallyPrecedes(b, by: precedes) }
        case .valuesort:
            let values = rows.flatMap { $0 }.sorted(by: precedes)
            let w = max(1, width)
            return stride(from: 0, to: values.count, by: w).map { Array(values[$0..<min($0 + w, values.count)]) }
        }
    }

    /// Orders text by Unicode scalar values, which is also UTF-8 byte order and independent of locale.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
    }
}
